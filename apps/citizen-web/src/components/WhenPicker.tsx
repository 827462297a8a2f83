import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  interpreterRule,
  LOCALE_TAGS,
  type AccessibilityNeed,
  type AvailableSlot,
  type ErrorCode,
  type Language,
} from '@distans/contracts';
import { dateInZone, longDate, shiftDate } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { api, type AvailabilityView, type Office } from '../api';
import { Loading } from './ui';
import { useLoad } from './use-load';

const WINDOW_DAYS = 28;
const NEAREST = 4;
const SWEDISH_ZONE = 'Europe/Stockholm';

export interface WhenRequest {
  caseTypeId: string;
  target: { officeId: string } | { municipality: string };
  language: Language;
  interpreter: boolean;
  needs: AccessibilityNeed[];
}

export interface ChosenSlot {
  start: string;
  office: Office;
}

function availabilityPath(request: WhenRequest, from: string, to: string): string {
  const query = new URLSearchParams({ caseType: request.caseTypeId, from, to, language: request.language });
  if ('officeId' in request.target) query.set('office', request.target.officeId);
  else query.set('municipality', request.target.municipality);
  if (interpreterRule(request.language) === 'optional') query.set('interpreter', String(request.interpreter));
  if (request.needs.length) query.set('accessibility', request.needs.join(','));
  return `/availability?${query.toString()}`;
}

/** ISO weekday (1 = Monday) of a yyyy-MM-dd date. */
function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/**
 * The When question: a grid of days, each announcing its weekday, date and how many times are
 * free, moved through with the arrow keys (one tab stop); then that day's free times as buttons
 * that read "10:15, tisdag 8 december". Every time is the office's wall clock, and the page says
 * so. A time just refused comes with the nearest free ones; a request no time can ever serve is
 * explained, with what to do instead.
 *
 * Written here rather than taken from a date-picker library: the days are the office's calendar
 * dates (strings from the API, never the browser's zone), the labels need Intl in Somali and
 * Tigrinya, which date libraries' locale packs lack, and the whole grid is one small file.
 */
export function WhenPicker(props: {
  request: WhenRequest;
  chosen?: string;
  refused?: { code: ErrorCode; near: string } | null;
  onChoose: (slot: ChosenSlot) => void;
  /** What the visitor can change when no time can ever work (links to earlier questions). */
  whatToDo?: ReactNode;
}) {
  const { t, locale, dir } = useI18n();
  const { request } = props;
  const today = dateInZone(Date.now(), SWEDISH_ZONE);
  const [from, setFrom] = useState(today);
  const to = shiftDate(from, WINDOW_DAYS - 1);
  const key = availabilityPath(request, from, to);
  const availability = useLoad(() => api.get<AvailabilityView>(key), [key]);

  const view = availability.data;
  // One office, or the one in the municipality with the earliest free time.
  const officeResult = useMemo(() => {
    if (!view) return null;
    const first = (office: AvailabilityView['offices'][number]) =>
      office.days.flatMap((day) => day.slots.map((slot) => slot.start))[0] ?? '\uffff';
    return [...view.offices].sort((a, b) => first(a).localeCompare(first(b)))[0] ?? null;
  }, [view]);
  const officeId = officeResult?.officeId ?? ('officeId' in request.target ? request.target.officeId : null);
  const office = useLoad(
    () => (officeId ? api.get<Office>(`/offices/${officeId}`) : Promise.resolve(null)),
    [officeId],
  );

  const days = useMemo(() => new Map((officeResult?.days ?? []).map((day) => [day.date, day.slots])), [officeResult]);
  const chosenDate = props.chosen && office.data ? dateInZone(props.chosen, office.data.timeZone) : null;
  const firstFree = [...days.entries()].find(([, slots]) => slots.length)?.[0] ?? null;
  const [selected, setSelected] = useState<string | null>(null);
  const shownDate =
    selected && selected >= from && selected <= to
      ? selected
      : chosenDate && days.has(chosenDate)
        ? chosenDate
        : firstFree;

  const reason = view?.unavailableReason ?? officeResult?.unavailableReason ?? null;
  const nearest = useMemo(() => {
    if (!props.refused || !officeResult) return [];
    const near = Date.parse(props.refused.near);
    const all = officeResult.days.flatMap((day) => day.slots.map((slot) => ({ date: day.date, slot })));
    return all
      .sort((a, b) => Math.abs(Date.parse(a.slot.start) - near) - Math.abs(Date.parse(b.slot.start) - near))
      .slice(0, NEAREST)
      .sort((a, b) => a.slot.start.localeCompare(b.slot.start));
  }, [props.refused, officeResult]);

  if (availability.loading || office.loading) return <Loading text={t('when.loading')} />;
  if (availability.error != null) {
    return (
      <div className="banner error" role="alert">
        <p>{t('when.failed')}</p>
        <button type="button" className="secondary" onClick={availability.retry}>
          {t('common.retry')}
        </button>
      </div>
    );
  }

  const place = office.data;
  const choose = (slot: AvailableSlot) => place && props.onChoose({ start: slot.start, office: place });
  const timeButton = (date: string, slot: AvailableSlot, withDay = false) => (
    <li key={slot.start}>
      <button
        type="button"
        className="time"
        aria-pressed={props.chosen === slot.start}
        aria-label={t('when.timeLabel', { time: slot.local, day: longDate(date, locale) })}
        onClick={() => choose(slot)}
        data-testid="time-option"
        data-start={slot.start}
      >
        {withDay ? t('when.timeLabel', { time: slot.local, day: longDate(date, locale) }) : slot.local}
      </button>
    </li>
  );

  if (reason) {
    return (
      <div className="banner warn unavailable" role="alert" data-testid="unavailable" data-reason={reason}>
        <h2>{t('unavailable.title')}</h2>
        <p>{t(`error.code.${reason}`)}</p>
        {place?.address.phone && <p>{t('unavailable.phone', { office: place.name, phone: place.address.phone })}</p>}
        {props.whatToDo}
      </div>
    );
  }

  return (
    <div className="when">
      {props.refused && (
        <div className="banner warn" role="alert" data-testid="time-refused">
          <p>{t(`error.code.${props.refused.code}`)}</p>
          <p>{t('when.answersKept')}</p>
          {nearest.length > 0 && (
            <>
              <h2>{t('when.nearest')}</h2>
              <ul className="times nearest" data-testid="nearest-times">
                {nearest.map(({ date, slot }) => timeButton(date, slot, true))}
              </ul>
            </>
          )}
        </div>
      )}
      {place && (
        <p className="office-line">
          {'municipality' in request.target
            ? t('when.earliestAt', { municipality: request.target.municipality, office: place.name })
            : t('when.at', { office: place.name })}
        </p>
      )}
      <p className="zone-note" data-testid="zone-note">
        {t('when.zoneNote', { zone: place?.timeZone ?? SWEDISH_ZONE })}
      </p>
      <DayGrid
        from={from}
        to={to}
        today={today}
        days={days}
        shown={shownDate}
        dir={dir}
        localeTag={LOCALE_TAGS[locale]}
        onSelect={setSelected}
        onWindow={(next) => {
          setSelected(null);
          setFrom(next < today ? today : next);
        }}
      />
      <section aria-labelledby="times-title" className="day-times">
        {shownDate ? (
          <>
            <h2 id="times-title">{t('when.timesOn', { day: longDate(shownDate, locale) })}</h2>
            {(days.get(shownDate) ?? []).length ? (
              <ul className="times" data-testid="times">
                {(days.get(shownDate) ?? []).map((slot) => timeButton(shownDate, slot))}
              </ul>
            ) : (
              <p>{t('when.noneThatDay')}</p>
            )}
          </>
        ) : (
          <h2 id="times-title">{t('when.noneInWindow')}</h2>
        )}
      </section>
    </div>
  );
}

function DayGrid(props: {
  from: string;
  to: string;
  today: string;
  days: Map<string, AvailableSlot[]>;
  shown: string | null;
  dir: 'ltr' | 'rtl';
  localeTag: string;
  onSelect: (date: string) => void;
  onWindow: (from: string) => void;
}) {
  const { t, locale } = useI18n();
  const { from, to } = props;
  const cells = useMemo(() => {
    const start = shiftDate(from, 1 - weekday(from));
    const list: (string | null)[] = [];
    for (let date = start; date <= to; date = shiftDate(date, 1)) list.push(date < from ? null : date);
    while (list.length % 7) list.push(null);
    return list;
  }, [from, to]);
  const dates = cells.filter((cell): cell is string => cell !== null);
  const [focused, setFocused] = useState<string | null>(null);
  const tabStop = focused && dates.includes(focused) ? focused : (props.shown ?? dates[0]);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const moveFocus = useRef(false);
  useEffect(() => {
    if (moveFocus.current && focused) buttons.current.get(focused)?.focus();
    moveFocus.current = false;
  }, [focused]);

  const onKeyDown = (event: KeyboardEvent, date: string) => {
    const forward = props.dir === 'rtl' ? -1 : 1;
    const steps: Record<string, number> = {
      ArrowRight: forward,
      ArrowLeft: -forward,
      ArrowDown: 7,
      ArrowUp: -7,
      Home: 1 - weekday(date),
      End: 7 - weekday(date),
    };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = shiftDate(date, step);
    if (next < from || next > to) return;
    moveFocus.current = true;
    setFocused(next);
  };

  const weekdayNames = useMemo(() => {
    const format = new Intl.DateTimeFormat(props.localeTag, { weekday: 'short', timeZone: 'UTC' });
    return [1, 2, 3, 4, 5, 6, 7].map((day) => format.format(new Date(Date.UTC(2024, 0, day))));
  }, [props.localeTag]);
  const range = new Intl.DateTimeFormat(props.localeTag, {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).formatRange(new Date(`${from}T12:00:00Z`), new Date(`${to}T12:00:00Z`));
  const dayNumber = new Intl.DateTimeFormat(props.localeTag, { day: 'numeric', timeZone: 'UTC' });
  const monthShort = new Intl.DateTimeFormat(props.localeTag, { month: 'short', timeZone: 'UTC' });

  return (
    <section aria-labelledby="days-title" className="days">
      <h2 id="days-title">{t('when.daysTitle', { range })}</h2>
      <p className="hint" id="days-hint">
        {t('when.keysHint')}
      </p>
      <div className="calendar-nav">
        <button
          type="button"
          className="secondary"
          disabled={from <= props.today}
          onClick={() => props.onWindow(shiftDate(from, -28))}
        >
          <span className="direction-icon" aria-hidden="true">
            ‹
          </span>{' '}
          {t('when.earlier')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => props.onWindow(shiftDate(from, 28))}
          data-testid="later-weeks"
        >
          {t('when.later')}{' '}
          <span className="direction-icon" aria-hidden="true">
            ›
          </span>
        </button>
      </div>
      <div className="calendar" role="group" aria-labelledby="days-title" aria-describedby="days-hint">
        {weekdayNames.map((name) => (
          <span className="weekday" aria-hidden="true" key={name}>
            {name}
          </span>
        ))}
        {cells.map((date, index) => {
          if (!date) return <span className="day empty" key={`empty-${index}`} />;
          const free = props.days.get(date)?.length ?? 0;
          const isShown = date === props.shown;
          return (
            <button
              type="button"
              key={date}
              ref={(element) => {
                if (element) buttons.current.set(date, element);
                else buttons.current.delete(date);
              }}
              className={`day${free ? ' free' : ''}`}
              tabIndex={date === tabStop ? 0 : -1}
              aria-pressed={isShown}
              aria-disabled={free === 0}
              onClick={() => {
                setFocused(date);
                if (free) props.onSelect(date);
              }}
              onFocus={() => setFocused(date)}
              onKeyDown={(event) => onKeyDown(event, date)}
              data-testid="day"
              data-date={date}
              data-free={free}
            >
              {/* Read as one sentence ("tisdag 8 december 2026, 3 lediga tider"); the digits are for the eye. */}
              <span className="visually-hidden">
                {t('when.dayLabel', { day: longDate(date, locale), count: free })}
              </span>
              <span className="day-number" aria-hidden="true">
                {dayNumber.format(new Date(`${date}T12:00:00Z`))}
              </span>
              {(date === from || date.endsWith('-01')) && (
                <span className="day-month" aria-hidden="true">
                  {monthShort.format(new Date(`${date}T12:00:00Z`))}
                </span>
              )}
              <span className="day-free" aria-hidden="true">
                {free ? free : '–'}
              </span>
            </button>
          );
        })}
      </div>
    </section>
  );
}
