import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '@distans/web-ui/i18n';
import { isJoinable, summaryOf, type AgendaItem, type AgendaView } from '../api/types';
import { useAuth } from '../auth/auth-context';
import { StatusBadge } from '../components/status';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import { clock, dateInZone, languageName, longDate, shiftDate } from '@distans/web-ui/format';
import { useLive } from '../live/live-provider';
import { navigate, routeHref } from '../routing/route';

/** A safety net under the socket: the agenda is fetched again this often anyway. */
const POLL_MS = 60_000;
/** Several changes in a burst (check-in, then session start) cause one fetch. */
const REFETCH_DEBOUNCE_MS = 300;

export interface Flash {
  tone: 'ok' | 'warn';
  text: string;
}

export function AgendaScreen(props: { date: string | null; flash: Flash | null }) {
  const { auth, profile } = useAuth();
  const live = useLive();
  const { onBookingChanged, remember } = live;
  const { t, locale } = useI18n();
  const today = dateInZone(new Date(), profile.timeZone);
  const date = props.date ?? today;
  const heading = useScreenHeading(t('agenda.title'));
  const [view, setView] = useState<AgendaView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latestRequest = useRef(0);

  const load = useCallback(async () => {
    const request = ++latestRequest.current;
    try {
      const next = await auth.api.get<AgendaView>(`/me/agenda?date=${date}`);
      // A slower answer for a day the user has already left must not overwrite the newer one.
      if (request !== latestRequest.current) return;
      remember(next.items.map(summaryOf));
      setView(next);
      setError(null);
    } catch (caught) {
      if (request === latestRequest.current) setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [auth, date, remember]);

  // On opening a day, and on every (re)connect of the socket, since events may have been missed.
  useEffect(() => {
    void load();
  }, [load, live.epoch]);

  useEffect(() => {
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  useEffect(() => {
    let debounce: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = onBookingChanged((event) => {
      // Show the new status at once; the fetch that follows brings the rest (e.g. who checked in).
      setView((previous) =>
        previous
          ? {
              ...previous,
              items: previous.items.map((item) =>
                item.id === event.bookingId
                  ? { ...item, status: event.status, idVerified: item.idVerified || event.status === 'CHECKED_IN' }
                  : item,
              ),
            }
          : previous,
      );
      clearTimeout(debounce);
      debounce = setTimeout(() => void load(), REFETCH_DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(debounce);
      unsubscribe();
    };
  }, [onBookingChanged, load]);

  const shownDate = view?.date === date ? view : null;
  const goTo = (next: string) => navigate({ name: 'agenda', date: next === today ? null : next });

  return (
    <div className="agenda-screen">
      <div className="screen-heading">
        <h1 ref={heading} tabIndex={-1}>
          {t('agenda.title')}
          <span className="heading-sub">{longDate(date, locale)}</span>
        </h1>
        <p className={`live-status live-${live.connection}`} role="status">
          <span className="live-dot" aria-hidden="true" />
          {t(`live.${live.connection}`)}
        </p>
      </div>

      <nav className="date-nav" aria-label={t('agenda.dateNav')}>
        <button type="button" className="secondary" onClick={() => goTo(shiftDate(date, -1))}>
          <span aria-hidden="true">← </span>
          {t('agenda.previousDay')}
        </button>
        <div className="date-field">
          <label htmlFor="agenda-date">{t('agenda.date')}</label>
          <input
            id="agenda-date"
            type="date"
            value={date}
            onChange={(event) => {
              if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) goTo(event.target.value);
            }}
          />
        </div>
        <button type="button" className="secondary" onClick={() => goTo(shiftDate(date, 1))}>
          {t('agenda.nextDay')}
          <span aria-hidden="true"> →</span>
        </button>
        <button type="button" className="secondary" onClick={() => goTo(today)} disabled={date === today}>
          {t('agenda.today')}
        </button>
      </nav>

      {props.flash && (
        <p className={`banner ${props.flash.tone}`} role="status">
          {props.flash.text}
        </p>
      )}
      {error && (
        <div className="banner error" role="alert">
          <p>{t('agenda.loadFailed', { message: error })}</p>
          <button type="button" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      )}

      <section aria-labelledby="agenda-list-heading">
        <h2 id="agenda-list-heading" className="visually-hidden">
          {t('agenda.listHeading', { date: longDate(date, locale) })}
        </h2>
        {!shownDate && !error && <p className="loading">{t('common.loading')}</p>}
        {shownDate && shownDate.items.length === 0 && <p className="empty">{t('agenda.empty')}</p>}
        <ol className="agenda" data-testid="agenda" aria-busy={!shownDate}>
          {shownDate?.items.map((item) => (
            <AgendaEntry key={item.id} item={item} fresh={live.fresh.has(item.id)} timeZone={profile.timeZone} />
          ))}
        </ol>
      </section>
    </div>
  );
}

function AgendaEntry(props: { item: AgendaItem; fresh: boolean; timeZone: string }) {
  const { t, locale } = useI18n();
  const { item } = props;
  const titleId = `agenda-item-${item.id}`;
  const caseType = locale === 'sv' ? item.caseType.nameSv : item.caseType.nameEn;
  const start = clock(item.start, props.timeZone, locale);
  const end = clock(item.end, props.timeZone, locale);
  const classes = ['agenda-item', `agenda-item-${item.status.toLowerCase()}`];
  if (item.status === 'CHECKED_IN') classes.push('is-waiting');
  if (props.fresh) classes.push('is-fresh');
  return (
    <li className={classes.join(' ')} data-testid="agenda-item" data-booking-id={item.id} data-status={item.status}>
      <p className="agenda-time">
        <time dateTime={item.start}>{start}</time>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden"> {t('common.to')} </span>
        <time dateTime={item.end}>{end}</time>
      </p>
      <div className="agenda-body">
        <h3 id={titleId} className="agenda-title">
          <a href={routeHref({ name: 'booking', bookingId: item.id })}>
            <span className="visually-hidden">{start} </span>
            {caseType}
          </a>
        </h3>
        <p className="agenda-meta">
          <span>{t('agenda.reference', { reference: item.reference })}</span>
          <span>
            {item.office.name}, {item.room.name}
          </span>
          <span>
            {t('agenda.language', { language: languageName(item.language, locale) })}
            {item.interpreter.needed && ` · ${t('agenda.withInterpreter')}`}
          </span>
        </p>
        <p className="agenda-status">
          <StatusBadge
            status={item.status}
            roomName={item.room.name}
            officeName={item.office.name}
            idVerified={item.idVerified}
          />
          {props.fresh && <span className="fresh-tag">{t('agenda.justNow')}</span>}
        </p>
      </div>
      {isJoinable(item.status) && (
        <a className="button-link" href={routeHref({ name: 'prejoin', bookingId: item.id })} aria-describedby={titleId}>
          {t('agenda.join')}
        </a>
      )}
    </li>
  );
}
