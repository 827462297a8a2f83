import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ID_CHECK_METHODS, type IdCheckMethod } from '@distans/contracts';
import { useAnnouncer } from '@distans/web-ui/Announcer';
import { clock, languageName, longDate } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import type { AvailabilityView, CreatedBooking, StaffBookingView } from '../api';
import { BurstMark, Needs, StatusBadge } from '../components/booking-text';
import { ErrorMessage } from '../components/ErrorMessage';
import { Slip } from '../components/Slip';
import { errorText, type ErrorText } from '../errors';
import { useSession } from '../session';

/** The methods staff choose from at the desk; OTHER is kept for older records only. */
const DESK_ID_METHODS = ID_CHECK_METHODS.filter((method) => method !== 'OTHER');
/** New times offered when the handler did not come: the first few are what a visitor chooses from. */
const NEW_TIMES_SHOWN = 6;

type Booking = Omit<StaffBookingView, 'roomId'>;

/**
 * One visit at the desk: who and when, what they need, and what staff can do now: check the
 * visitor in (recording how identity was checked), mark a no-show, cancel for the visitor, or, when
 * the handler has not come, give them a new time.
 */
export function VisitPanel(props: {
  booking: Booking;
  roomName: string;
  timeZone: string;
  now: number;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { auth } = useSession();
  const { announce } = useAnnouncer();
  const { booking } = props;
  const [method, setMethod] = useState<IdCheckMethod | null>(null);
  const [methodMissing, setMethodMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [newTimes, setNewTimes] = useState<AvailabilityView | null>(null);
  const [slip, setSlip] = useState<CreatedBooking | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [booking.id]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      announce(done);
      props.onChanged();
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const checkIn = (event: FormEvent) => {
    event.preventDefault();
    if (!method) {
      setMethodMissing(true);
      document.getElementById(`id-method-${DESK_ID_METHODS[0]}`)?.focus();
      return;
    }
    void act(
      () => auth.api.post(`/bookings/${booking.id}/check-in`, { idCheckMethod: method }),
      t('visit.checkedIn', { reference: booking.reference, room: props.roomName }),
    );
  };

  const offerNewTimes = () =>
    void act(
      async () => setNewTimes(await auth.api.get<AvailabilityView>(`/bookings/${booking.id}/new-time-options`)),
      t('visit.newTimesShown'),
    );

  const giveNewTime = (start: string) =>
    void act(async () => {
      const result = await auth.api.post<{ booking: CreatedBooking }>(`/bookings/${booking.id}/new-time`, { start });
      setSlip(result.booking);
    }, t('visit.newTimeGiven'));

  if (slip) return <Slip booking={slip} onDone={props.onClose} />;

  const started = props.now >= Date.parse(booking.start);
  const waiting = booking.waitingForHandler;
  const mayGiveNewTime = waiting !== null && props.now >= Date.parse(waiting.newTimeFrom);
  const firstSlots =
    newTimes?.offices[0]?.days
      .flatMap((day) => day.slots.map((slot) => ({ ...slot, date: day.date })))
      .slice(0, NEW_TIMES_SHOWN) ?? [];

  return (
    <section
      className="visit card"
      aria-labelledby="visit-title"
      data-testid="visit-panel"
      data-booking-id={booking.id}
    >
      <div className="visit-head">
        <h2 id="visit-title" ref={heading} tabIndex={-1}>
          {booking.local.start}–{booking.local.end} · {booking.reference}
        </h2>
        <button type="button" className="secondary close" onClick={props.onClose}>
          {t('common.close')}
        </button>
      </div>
      <dl className="visit-facts">
        <div>
          <dt>{t('visit.visitor')}</dt>
          <dd data-testid="visit-name">{booking.visitorName ?? t('visit.nameHidden')}</dd>
        </div>
        <div>
          <dt>{t('visit.room')}</dt>
          <dd>{props.roomName}</dd>
        </div>
        <div>
          <dt>{t('visit.agency')}</dt>
          <dd>{locale === 'sv' ? booking.agency.nameSv : booking.agency.nameEn}</dd>
        </div>
        <div>
          <dt>{t('visit.language')}</dt>
          <dd>{languageName(booking.language, locale)}</dd>
        </div>
        <div>
          <dt>{t('visit.status')}</dt>
          <dd>
            <StatusBadge booking={booking} />
          </dd>
        </div>
      </dl>
      <Needs booking={booking} />
      {booking.burst && (
        <p className="hint">
          <BurstMark booking={booking} explain />
        </p>
      )}
      {booking.visitorName && <p className="hint">{t('visit.auditNote')}</p>}

      {waiting && (
        <p className="banner warn" data-testid="waiting-banner">
          {t('visit.waiting', { time: clock(waiting.remindedAt, props.timeZone, locale) })}{' '}
          {!mayGiveNewTime && t('visit.newTimeFrom', { time: clock(waiting.newTimeFrom, props.timeZone, locale) })}
        </p>
      )}

      {error && <ErrorMessage error={error} />}

      {booking.status === 'BOOKED' && (
        <form className="check-in" onSubmit={checkIn} noValidate data-testid="check-in-form">
          <fieldset aria-describedby={methodMissing ? 'id-method-error' : undefined}>
            <legend>{t('visit.idMethod')}</legend>
            {DESK_ID_METHODS.map((option) => (
              <label key={option} className="radio" htmlFor={`id-method-${option}`}>
                <input
                  type="radio"
                  id={`id-method-${option}`}
                  name="id-method"
                  value={option}
                  checked={method === option}
                  onChange={() => {
                    setMethod(option);
                    setMethodMissing(false);
                  }}
                />
                {t(`idMethod.${option}`)}
              </label>
            ))}
            {methodMissing && (
              <p id="id-method-error" className="field-error">
                {t('visit.idMethodMissing')}
              </p>
            )}
          </fieldset>
          <button type="submit" disabled={busy} data-testid="check-in-submit">
            {t('visit.checkIn')}
          </button>
        </form>
      )}

      <div className="visit-actions">
        {booking.status === 'BOOKED' && started && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void act(() => auth.api.post(`/bookings/${booking.id}/no-show`), t('visit.noShowDone'))}
            data-testid="no-show"
          >
            {t('visit.noShow')}
          </button>
        )}
        {(booking.status === 'BOOKED' || booking.status === 'CHECKED_IN') && !confirmCancel && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => setConfirmCancel(true)}
            data-testid="cancel"
          >
            {t('visit.cancel')}
          </button>
        )}
        {mayGiveNewTime && !newTimes && (
          <button type="button" disabled={busy} onClick={offerNewTimes} data-testid="offer-new-time">
            {t('visit.offerNewTime')}
          </button>
        )}
      </div>

      {confirmCancel && (
        <div className="confirm" role="group" aria-labelledby="cancel-question">
          <p id="cancel-question">{t('visit.cancelQuestion', { reference: booking.reference })}</p>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void act(() => auth.api.post(`/bookings/${booking.id}/cancel`), t('visit.cancelled'))}
            data-testid="cancel-confirm"
          >
            {t('visit.cancelYes')}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirmCancel(false)}>
            {t('visit.cancelNo')}
          </button>
        </div>
      )}

      {newTimes && (
        <section className="new-times" aria-labelledby="new-times-title">
          <h3 id="new-times-title">{t('visit.newTimesTitle')}</h3>
          <p className="hint">{t('visit.newTimesHint')}</p>
          {firstSlots.length === 0 ? (
            <p className="empty">{t('visit.noNewTimes')}</p>
          ) : (
            <ul className="slot-list">
              {firstSlots.map((slot) => (
                <li key={slot.start}>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() => giveNewTime(slot.start)}
                    data-testid="new-time-slot"
                  >
                    {longDate(slot.date, locale)} {slot.local}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
