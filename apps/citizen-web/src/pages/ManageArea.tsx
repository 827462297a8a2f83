import { useEffect, useState, type FormEvent } from 'react';
import { Link, Redirect, Route, Switch, useLocation, useParams, useSearch } from 'wouter';
import type { Language } from '@distans/contracts';
import { clock, dateInZone, longDate } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { ApiError } from '@distans/web-ui/api';
import { cancelBooking, getBooking, rescheduleBooking, type CitizenBookingView } from '../api';
import { rememberCode, rememberedCode } from '../answers';
import { BookingDetails, CalendarButton } from '../components/BookingDetails';
import { ButtonLink, ErrorSummary, Loading, Page, TextField, type FieldError } from '../components/ui';
import { useLoad } from '../components/use-load';
import { WhenPicker, type ChosenSlot } from '../components/WhenPicker';
import { isOneOf, refusalOf, TIME_REFUSALS } from '../errors';
import { MANAGE_PATH, managePath } from '../routes';

/** See, move or cancel a booking with its reference and code (from the link, or typed in). */
export default function ManageArea() {
  return (
    <Switch>
      <Route path={MANAGE_PATH}>
        <FindBooking />
      </Route>
      <Route path="/manage/:reference" component={ManageBooking} />
      <Route path="/manage/:reference/time" component={MoveBooking} />
      <Route path="/manage/:reference/cancel" component={CancelBooking} />
      <Route>
        <Redirect to={MANAGE_PATH} replace />
      </Route>
    </Switch>
  );
}

/**
 * The code from the link's fragment, once: kept for this tab and taken out of the address bar,
 * so that it is not in the history, a bookmark or a screenshot.
 */
function useCode(reference: string): string | null {
  const [code] = useState(() => {
    const fragment = decodeURIComponent(window.location.hash.slice(1)).trim();
    if (fragment) {
      rememberCode(reference, fragment);
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    }
    return rememberedCode(reference);
  });
  return code;
}

/** Whether the booking can still be moved or cancelled online (the API decides: BOOKED and before the cut-off). */
function changesOpen(booking: CitizenBookingView): boolean {
  return booking.status === 'BOOKED' && booking.changesOpen;
}

function FindBooking(props: { initialReference?: string; notFound?: boolean }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [reference, setReference] = useState(props.initialReference ?? '');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!reference.trim()) found['manage-reference'] = t('manage.referenceRequired');
    if (!code.trim()) found['manage-code'] = t('manage.codeRequired');
    setErrors(found);
    if (Object.keys(found).length) return;
    const ref = reference.trim().toUpperCase();
    rememberCode(ref, code.trim());
    navigate(managePath(ref));
  };
  const summary: FieldError[] = Object.entries(errors).map(([field, text]) => ({ field, text }));
  return (
    <Page title={t('manage.findTitle')} back="/">
      {props.notFound && (
        <p className="banner error" role="alert" data-testid="manage-not-found">
          {t('manage.notFound')}
        </p>
      )}
      <ErrorSummary errors={summary} />
      <p>{t('manage.findIntro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          id="manage-reference"
          label={t('manage.reference')}
          hint={t('manage.referenceHint')}
          value={reference}
          onChange={setReference}
          error={errors['manage-reference']}
          spellCheck={false}
        />
        <TextField
          id="manage-code"
          label={t('manage.code')}
          hint={t('manage.codeHint')}
          value={code}
          onChange={setCode}
          error={errors['manage-code']}
          spellCheck={false}
          testId="manage-code-input"
        />
        <div className="actions">
          <button type="submit" data-testid="manage-find">
            {t('manage.find')}
          </button>
        </div>
      </form>
    </Page>
  );
}

/** Loads the booking for a manage page; no code, or a wrong one, leads to the form. */
function useBooking() {
  const { reference } = useParams<{ reference: string }>();
  const ref = decodeURIComponent(reference);
  const code = useCode(ref);
  const booking = useLoad(() => (code ? getBooking(ref, code) : Promise.resolve(null)), [ref, code]);
  return { reference: ref, code, booking };
}

function ManageBooking() {
  const { t, locale } = useI18n();
  const { reference, code, booking } = useBooking();
  const done = new URLSearchParams(useSearch()).get('done');
  if (!code) return <FindBooking initialReference={reference} />;
  if (booking.loading) return <Loading />;
  if (booking.error instanceof ApiError && booking.error.status === 404)
    return <FindBooking initialReference={reference} notFound />;
  if (!booking.data) return <Failed error={booking.error} retry={booking.retry} />;
  const view = booking.data;
  const open = changesOpen(view);
  const phone = view.office.phone || null;
  return (
    <Page title={t('manage.title')}>
      {done === 'moved' && (
        <p className="banner ok" role="status" data-testid="manage-moved">
          {t('manage.moved')}
        </p>
      )}
      {view.status === 'CANCELLED' ? (
        <p className="banner warn" data-testid="manage-cancelled">
          {t('manage.cancelled')}
        </p>
      ) : (
        <p className="banner ok" data-testid="manage-status" data-status={view.status}>
          {t(`manage.status.${view.status === 'BOOKED' ? 'BOOKED' : 'OTHER'}`)}
        </p>
      )}
      <BookingDetails booking={view} />
      {view.status === 'BOOKED' && open && (
        <>
          <h2>{t('manage.changeTitle')}</h2>
          <p>
            {t('manage.changeUntil', {
              time: clock(view.changeableUntil, view.local.zone, locale),
              day: longDate(dateInZone(view.changeableUntil, view.local.zone), locale),
            })}
          </p>
          <div className="actions">
            <ButtonLink href={managePath(reference, 'time')} testId="manage-move">
              {t('manage.move')}
            </ButtonLink>
            <ButtonLink href={managePath(reference, 'cancel')} secondary testId="manage-cancel">
              {t('manage.cancel')}
            </ButtonLink>
            <CalendarButton reference={reference} code={code} />
          </div>
        </>
      )}
      {view.status === 'BOOKED' && !open && (
        <p className="banner warn" data-testid="manage-closed">
          {phone
            ? t('manage.closedPhone', { office: view.office.name, phone })
            : t('manage.closed', { office: view.office.name })}
        </p>
      )}
      {view.status === 'CANCELLED' && <ButtonLink href="/">{t('manage.bookNew')}</ButtonLink>}
    </Page>
  );
}

function Failed(props: { error: unknown; retry: () => void }) {
  const { t } = useI18n();
  return (
    <Page title={t('manage.title')}>
      <div className="banner error" role="alert">
        <p>{refusalOf(props.error, t).text}</p>
        <button type="button" className="secondary" onClick={props.retry}>
          {t('common.retry')}
        </button>
      </div>
    </Page>
  );
}

/** Rescheduling goes back through When, at the same office with the same language and needs. */
function MoveBooking() {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const { reference, code, booking } = useBooking();
  const [slot, setSlot] = useState<ChosenSlot | null>(null);
  const [refused, setRefused] = useState<{ code: (typeof TIME_REFUSALS)[number]; near: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  useEffect(() => setError(null), [slot]);
  if (!code) return <FindBooking initialReference={reference} />;
  if (booking.loading) return <Loading />;
  if (!booking.data) return <Failed error={booking.error} retry={booking.retry} />;
  const view = booking.data;
  if (!changesOpen(view)) return <Redirect to={managePath(reference)} replace />;

  const move = async () => {
    if (!slot) return;
    setSending(true);
    try {
      await rescheduleBooking(reference, code, slot.start);
      navigate(`${managePath(reference)}?done=moved`);
    } catch (caught) {
      setSending(false);
      const refusal = refusalOf(caught, t);
      if (isOneOf(refusal.code, TIME_REFUSALS)) {
        setRefused({ code: refusal.code, near: slot.start });
        setSlot(null);
      } else setError(refusal.text);
    }
  };

  return (
    <Page title={t('manage.moveTitle')} back={managePath(reference)}>
      <p>{t('manage.moveIntro', { time: view.local.start, day: longDate(view.local.date, locale) })}</p>
      {error && <ErrorSummary errors={[{ text: error }]} />}
      {slot ? (
        <div className="confirm-move" data-testid="confirm-move">
          <h2>
            {t('manage.moveConfirm', {
              time: clock(slot.start, slot.office.timeZone, locale),
              day: longDate(dateInZone(slot.start, slot.office.timeZone), locale),
            })}
          </h2>
          <div className="actions">
            <button type="button" onClick={() => void move()} disabled={sending} data-testid="confirm-move-button">
              {t('manage.moveButton')}
            </button>
            <button type="button" className="secondary" onClick={() => setSlot(null)}>
              {t('manage.otherTime')}
            </button>
          </div>
        </div>
      ) : (
        <WhenPicker
          request={{
            caseTypeId: view.caseType.id,
            target: { officeId: view.office.id },
            language: view.language as Language,
            interpreter: view.interpreter,
            needs: view.accessibilityNeeds as never[],
          }}
          chosen={view.start}
          refused={refused}
          onChoose={setSlot}
          whatToDo={<p>{t('manage.callToChange')}</p>}
        />
      )}
    </Page>
  );
}

/** Cancelling asks once more; afterwards the same link shows the booking as cancelled. */
function CancelBooking() {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const { reference, code, booking } = useBooking();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (!code) return <FindBooking initialReference={reference} />;
  if (booking.loading) return <Loading />;
  if (!booking.data) return <Failed error={booking.error} retry={booking.retry} />;
  const view = booking.data;
  if (!changesOpen(view)) return <Redirect to={managePath(reference)} replace />;
  const cancel = async () => {
    setSending(true);
    try {
      await cancelBooking(reference, code);
      navigate(managePath(reference));
    } catch (caught) {
      setSending(false);
      setError(refusalOf(caught, t).text);
    }
  };
  return (
    <Page title={t('manage.cancelTitle')} back={managePath(reference)}>
      {error && <ErrorSummary errors={[{ text: error }]} />}
      <p>{t('manage.cancelText', { time: view.local.start, day: longDate(view.local.date, locale) })}</p>
      <div className="actions">
        <button
          type="button"
          className="danger"
          onClick={() => void cancel()}
          disabled={sending}
          data-testid="confirm-cancel"
        >
          {t('manage.cancelButton')}
        </button>
        <Link href={managePath(reference)} className="button-link secondary">
          {t('manage.keep')}
        </Link>
      </div>
    </Page>
  );
}
