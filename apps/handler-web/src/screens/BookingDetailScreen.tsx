import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { BookingStatus } from '@distans/contracts';
import { ApiError } from '@distans/web-ui/api';
import { useI18n } from '@distans/web-ui/i18n';
import { isJoinable, summaryOf, type AgendaView, type BookingDetail } from '../api/types';
import { useAuth } from '../auth/auth-context';
import { StatusBadge } from '../components/status';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import { clock, dateInZone, dateTime, languageName, longDate } from '@distans/web-ui/format';
import { useLive } from '../live/live-provider';
import { navigate, routeHref } from '../routing/route';

/**
 * One booking with the citizen's contact. Reading it writes an audit row on the server, so it is
 * read once per visit; live status comes from the socket (and, after a reconnect, from the agenda,
 * which is not audited) rather than from reading the booking again.
 */
export function BookingDetailScreen(props: { bookingId: string }) {
  const { auth, profile } = useAuth();
  const { onBookingChanged, remember, epoch } = useLive();
  const { t, locale } = useI18n();
  const heading = useScreenHeading(t('detail.title'));
  const [detail, setDetail] = useState<BookingDetail | null>(null);
  const [error, setError] = useState<{ status: number | null; message: string } | null>(null);
  const [status, setStatus] = useState<BookingStatus | null>(null);
  const firstEpoch = useRef(epoch);
  const requested = useRef(false);

  useEffect(() => {
    // Guarded so that StrictMode's second effect run in development does not log a second read.
    if (requested.current) return;
    requested.current = true;
    auth.api
      .get<BookingDetail>(`/bookings/${props.bookingId}`)
      .then((loaded) => {
        remember([summaryOf(loaded)]);
        setDetail(loaded);
        setStatus(loaded.status);
      })
      .catch((caught: unknown) =>
        setError({
          status: caught instanceof ApiError ? caught.status : null,
          message: caught instanceof Error ? caught.message : String(caught),
        }),
      );
  }, [auth, props.bookingId, remember]);

  useEffect(
    () =>
      onBookingChanged((event) => {
        if (event.bookingId === props.bookingId) setStatus(event.status);
      }),
    [onBookingChanged, props.bookingId],
  );

  // After a reconnect, catch up on a status change we may have missed.
  useEffect(() => {
    if (!detail || epoch <= Math.max(1, firstEpoch.current)) return;
    const day = dateInZone(new Date(detail.start), profile.timeZone);
    auth.api
      .get<AgendaView>(`/me/agenda?date=${day}`)
      .then((view) => {
        const item = view.items.find((candidate) => candidate.id === detail.id);
        if (item) setStatus(item.status);
      })
      .catch(() => undefined);
  }, [epoch, detail, auth, profile.timeZone]);

  const backDate = detail ? dateInZone(new Date(detail.start), profile.timeZone) : null;
  const today = dateInZone(new Date(), profile.timeZone);
  const backHref = routeHref({ name: 'agenda', date: backDate && backDate !== today ? backDate : null });

  return (
    <div className="detail-screen">
      <p className="back-link">
        <a href={backHref}>
          <span aria-hidden="true">← </span>
          {t('detail.back')}
        </a>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('detail.title')}
        {detail && <span className="heading-sub">{t('agenda.reference', { reference: detail.reference })}</span>}
      </h1>

      {error && (
        <p className="banner error" role="alert">
          {error.status === 404 ? t('detail.notFound') : t('detail.loadFailed', { message: error.message })}
        </p>
      )}
      {!detail && !error && <p className="loading">{t('common.loading')}</p>}

      {detail && status && (
        <>
          <section className="join-panel card" aria-labelledby="join-heading">
            <h2 id="join-heading">{t('detail.meetingStatus')}</h2>
            <p aria-live="polite" className="join-status">
              <StatusBadge
                status={status}
                roomName={detail.room.name}
                officeName={detail.office.name}
                idVerified={detail.idVerified || status === 'CHECKED_IN'}
              />
            </p>
            <button
              type="button"
              data-testid="join-button"
              disabled={!isJoinable(status)}
              aria-describedby="join-hint"
              onClick={() => navigate({ name: 'prejoin', bookingId: detail.id })}
            >
              {t('detail.join')}
            </button>
            <p id="join-hint" className="hint">
              {isJoinable(status) ? t('detail.joinReady') : t('detail.joinNotYet')}
            </p>
          </section>

          <p className="audit-note">
            <span aria-hidden="true" className="audit-icon">
              i
            </span>
            {t('detail.auditNote')}
          </p>

          <div className="detail-grid">
            <section className="card" aria-labelledby="citizen-heading">
              <h2 id="citizen-heading">{t('detail.citizen')}</h2>
              <dl className="facts">
                <Fact term={t('detail.name')}>{detail.citizen.name}</Fact>
                <Fact term={t('detail.phone')}>
                  {detail.citizen.phone ? (
                    <a href={`tel:${detail.citizen.phone.replace(/[^+\d]/g, '')}`}>{detail.citizen.phone}</a>
                  ) : (
                    t('common.none')
                  )}
                </Fact>
                <Fact term={t('detail.email')}>
                  {detail.citizen.email ? (
                    <a href={`mailto:${detail.citizen.email}`}>{detail.citizen.email}</a>
                  ) : (
                    t('common.none')
                  )}
                </Fact>
                <Fact term={t('detail.messageLanguage')}>{languageName(detail.citizen.locale, locale)}</Fact>
                <Fact term={t('detail.bookedVia')}>{t(`detail.bookedVia.${detail.bookedVia}`)}</Fact>
              </dl>
            </section>

            <section className="card" aria-labelledby="meeting-heading">
              <h2 id="meeting-heading">{t('detail.meeting')}</h2>
              <dl className="facts">
                <Fact term={t('detail.when')}>
                  {longDate(dateInZone(new Date(detail.start), profile.timeZone), locale)},{' '}
                  {clock(detail.start, profile.timeZone, locale)}–{clock(detail.end, profile.timeZone, locale)}
                </Fact>
                <Fact term={t('detail.caseType')}>
                  {locale === 'sv' ? detail.caseType.nameSv : detail.caseType.nameEn} (
                  {t('detail.minutes', { minutes: detail.caseType.durationMin })})
                </Fact>
                <Fact term={t('detail.agency')}>{locale === 'sv' ? detail.agency.nameSv : detail.agency.nameEn}</Fact>
                <Fact term={t('detail.place')}>
                  {detail.room.name}, {detail.office.name}
                </Fact>
                <Fact term={t('detail.language')}>{languageName(detail.language, locale)}</Fact>
                <Fact term={t('detail.interpreter')}>
                  {detail.interpreter
                    ? `${detail.interpreter.name}${detail.interpreter.language ? ` (${languageName(detail.interpreter.language, locale)})` : ''}`
                    : t('detail.noInterpreter')}
                </Fact>
              </dl>
            </section>

            <section className="card" aria-labelledby="access-heading">
              <h2 id="access-heading">{t('detail.accessibility')}</h2>
              {detail.accessibilityNeeds.length === 0 && !detail.accessibilityNote ? (
                <p>{t('detail.noAccessibilityNeeds')}</p>
              ) : (
                <>
                  {detail.accessibilityNeeds.length > 0 && (
                    <ul>
                      {detail.accessibilityNeeds.map((need) => (
                        <li key={need}>{t(`accessibility.${need}`)}</li>
                      ))}
                    </ul>
                  )}
                  {detail.accessibilityNote && <p className="note">{detail.accessibilityNote}</p>}
                </>
              )}
            </section>

            <section className="card" aria-labelledby="id-heading">
              <h2 id="id-heading">{t('detail.identity')}</h2>
              <dl className="facts">
                <Fact term={t('detail.idRequired')}>
                  {detail.caseType.idCheckRequired ? t('common.yes') : t('common.no')}
                </Fact>
                <Fact term={t('detail.idCheck')}>
                  {detail.idCheck
                    ? t('detail.idCheckDone', {
                        method: t(`idMethod.${detail.idCheck.method}`),
                        at: dateTime(detail.idCheck.at, profile.timeZone, locale),
                      })
                    : t('detail.idCheckNotYet')}
                </Fact>
              </dl>
            </section>
          </div>

          <section className="card events" aria-labelledby="events-heading">
            <h2 id="events-heading">{t('detail.events')}</h2>
            <table>
              <caption className="visually-hidden">{t('detail.eventsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('detail.eventAt')}</th>
                  <th scope="col">{t('detail.eventKind')}</th>
                  <th scope="col">{t('detail.eventBy')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.events.map((event, index) => (
                  <tr key={`${event.at}-${index}`}>
                    <td>{dateTime(event.at, profile.timeZone, locale)}</td>
                    <td>{t(`event.${event.kind}`)}</td>
                    <td>{t(`actor.${event.actor.role}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}

function Fact(props: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}
