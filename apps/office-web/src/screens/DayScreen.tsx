import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { dateInZone, longDate, shiftDate } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import type { OfficeSummary } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { ArrivePanel } from '../day/ArrivePanel';
import { Timeline } from '../day/Timeline';
import { useDaySchedule } from '../day/use-day-schedule';
import { VisitPanel } from '../day/VisitPanel';
import { errorText } from '../errors';
import { DATE_PATTERN } from '../routes';

/** The "now" line and the waiting marks move with this clock. */
const CLOCK_TICK_MS = 30_000;

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The day at the office: find and arrive visitors on the left, the rooms' lanes on the right. */
export function DayScreen(props: { office: OfficeSummary; date: string | null }) {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const now = useNow();
  const today = dateInZone(now, props.office.timeZone);
  const date = props.date ?? today;
  const heading = useScreenHeading(t('day.title', { office: props.office.name }));
  const { view, error, reload } = useDaySchedule(props.office.id, date);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // After a visitor is dealt with, the search starts afresh (and has the focus) for the next one.
  const [searchRound, setSearchRound] = useState(0);

  const goTo = (next: string) => navigate(next === today ? '/' : `/day/${next}`);
  const rooms = view?.rooms ?? [];
  const selectedRoom = rooms.find((room) => room.bookings.some((b) => b.id === selectedId));
  const selected = selectedRoom?.bookings.find((b) => b.id === selectedId) ?? null;

  return (
    <div className="day-screen">
      <div className="screen-heading">
        <h1 ref={heading} tabIndex={-1}>
          {t('day.heading')} <span className="heading-sub">{longDate(date, locale)}</span>
        </h1>
        <nav className="date-nav" aria-label={t('day.dateNav')}>
          <button type="button" className="secondary" onClick={() => goTo(shiftDate(date, -1))}>
            <span aria-hidden="true">← </span>
            {t('day.previous')}
          </button>
          <div className="date-field">
            <label htmlFor="day-date" className="visually-hidden">
              {t('day.date')}
            </label>
            <input
              id="day-date"
              type="date"
              value={date}
              onChange={(event) => DATE_PATTERN.test(event.target.value) && goTo(event.target.value)}
            />
          </div>
          <button type="button" className="secondary" onClick={() => goTo(shiftDate(date, 1))}>
            {t('day.next')}
            <span aria-hidden="true"> →</span>
          </button>
          <button type="button" className="secondary" onClick={() => goTo(today)} disabled={date === today}>
            {t('day.today')}
          </button>
        </nav>
      </div>

      {view?.openingHours.closed && (
        <p className="banner warn">
          {view.openingHours.reason
            ? t('day.closedBecause', { reason: view.openingHours.reason })
            : t('day.closedToday')}
        </p>
      )}
      {error !== null && <ErrorMessage error={errorText(error, t)} />}

      <div className="day-layout">
        <div className="day-side">
          <ArrivePanel
            key={searchRound}
            officeId={props.office.id}
            date={date}
            onPick={(booking) => setSelectedId(booking.id)}
          />
          {selected && selectedRoom && (
            <VisitPanel
              key={selected.id}
              booking={selected}
              roomName={selectedRoom.name}
              timeZone={props.office.timeZone}
              now={now}
              onChanged={() => {
                void reload();
                setSearchRound((value) => value + 1);
              }}
              onClose={() => setSelectedId(null)}
            />
          )}
        </div>
        <section className="day-lanes" aria-labelledby="lanes-title" aria-busy={!view}>
          <h2 id="lanes-title" className="visually-hidden">
            {t('day.lanes')}
          </h2>
          {!view && error === null && <p className="loading">{t('common.loading')}</p>}
          {view && view.rooms.length === 0 && <p className="empty">{t('day.noRooms')}</p>}
          {view && view.rooms.length > 0 && (
            <Timeline view={view} now={now} selectedId={selectedId} onSelect={(booking) => setSelectedId(booking.id)} />
          )}
        </section>
      </div>
    </div>
  );
}
