/**
 * Free-slot computation for the booking engine.
 *
 * A start s is bookable when:
 * - it lies on the `gridMin` grid of local wall-clock time (00:00, 00:15, ... of each local
 *   day). On DST days skipped wall-clock times are not offered and repeated ones are offered
 *   once, at their first occurrence (see zone-clock.ts);
 * - s >= now + minNotice, and the local date of s is at most today (local) + maxDaysAhead;
 * - the meeting [s, s + duration) lies inside one (merged) opening span. Only the meeting has
 *   to: the buffer after it is the handler's and room's time, not the visitor's, so it may
 *   run past closing;
 * - the hold [s, s + duration + buffer) is free for at least one room;
 * - at least one handler is working for the whole hold (the buffer is paperwork time, so it
 *   must be working time) and has nothing else during it;
 * - if interpreters are given, at least one is working for the meeting and is free for the
 *   whole hold (their own bookings already include their buffers; we keep ours free too so
 *   that a meeting running late does not collide with their next one).
 * Rooms have no working hours of their own: closed rooms come in as busy spans.
 */
import { IsoDate, MS_PER_MINUTE, addDays, datesBetween, isIsoDate } from './iso-date';
import { Span, contains, intersectSpans, normalizeSpans, overlapsAny, subtractSpans, unionSpans } from './spans';
import { startsBlockedBy, startsFittingIn } from './start-windows';
import { LocalTime, formatLocalTime } from './weekly-hours';
import { DEFAULT_ZONE, LocalDay, localDateOf, wallClockAt, wallClockGrid } from './zone-clock';

export const DEFAULT_GRID_MIN = 15;

export interface CaseTypeTiming {
  durationMin: number;
  /** Time kept free after the meeting for the handler's notes and the room. */
  bufferAfterMin: number;
  /** Earliest start relative to now. */
  minNoticeMin: number;
  /** Latest bookable local date, counted in days from today's local date. */
  maxDaysAhead: number;
}

export interface RoomAvailability {
  id: string;
  /** Bookings including their buffers, and room blocks. */
  busy: Span[];
}

export interface PersonAvailability {
  id: string;
  working: Span[];
  /** Bookings including their buffers, and anything else that takes their time. */
  busy: Span[];
}

/** Everything needed to judge single starts; the caller loads it all beforehand. */
export interface SlotQuery {
  caseType: CaseTypeTiming;
  now: number;
  /** IANA zone of the office; defaults to Europe/Stockholm. */
  zone?: string;
  /** Grid step in minutes; defaults to 15. */
  gridMin?: number;
  /** Office opening spans, any order. */
  openSpans: Span[];
  rooms: RoomAvailability[];
  handlers: PersonAvailability[];
  /** Undefined: no interpreter needed. Empty: one is needed but nobody can be asked. */
  interpreters?: PersonAvailability[];
}

export interface SlotSearch extends SlotQuery {
  /** First local date to list, in the office zone. */
  fromDate: IsoDate;
  /** Last local date to list (included). */
  toDate: IsoDate;
  /**
   * People's possible starts from `peopleStarts`, when one request searches many offices: who is
   * free does not depend on the office, so it is worked out once rather than once per office.
   */
  people?: PeopleStarts;
}

/** Start instants at which some handler (and, if asked, some interpreter) can take the meeting. */
export interface PeopleStarts {
  handlers: Span[];
  interpreters?: Span[];
}

export interface FreeSlot {
  start: number;
  /** Local wall-clock time of the start, 'HH:mm'. */
  local: LocalTime;
}

export interface DaySlots {
  date: IsoDate;
  slots: FreeSlot[];
}

export interface SlotCandidates {
  roomIds: string[];
  handlerIds: string[];
  /** Present only when interpreters were asked for. */
  interpreterIds?: string[];
}

/**
 * Why one start cannot be booked, in the order `evaluateStart` checks:
 * - 'not-on-grid': not a whole grid step after local midnight (10:07);
 * - 'repeated-time': on the grid, but the second occurrence of a wall-clock time that happens twice
 *   when clocks go back (02:15 CET on the last Sunday of October); only the first is offered;
 * - 'passed': the start is before now;
 * - 'too-soon': later than now but inside the case type's minimum notice;
 * - 'too-far-ahead', 'closed-day', 'outside-opening-hours', 'no-capacity'.
 */
export type UnbookableReason =
  | 'not-on-grid'
  | 'repeated-time'
  | 'passed'
  | 'too-soon'
  | 'too-far-ahead'
  | 'closed-day'
  | 'outside-opening-hours'
  | 'no-capacity';

export type StartEvaluation =
  | { bookable: true; candidates: SlotCandidates }
  | { bookable: false; reason: UnbookableReason; candidates?: SlotCandidates };

interface Settings {
  zone: string;
  gridMin: number;
  meetingMs: number;
  holdMs: number;
  earliestStart: number;
  lastDate: IsoDate;
}

function requireWholeNumber(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
}

function settingsOf(query: SlotQuery): Settings {
  const { caseType, now } = query;
  const zone = query.zone ?? DEFAULT_ZONE;
  const gridMin = query.gridMin ?? DEFAULT_GRID_MIN;
  requireWholeNumber('durationMin', caseType.durationMin, 1);
  requireWholeNumber('bufferAfterMin', caseType.bufferAfterMin, 0);
  requireWholeNumber('minNoticeMin', caseType.minNoticeMin, 0);
  requireWholeNumber('maxDaysAhead', caseType.maxDaysAhead, 0, 3660);
  requireWholeNumber('gridMin', gridMin, 1, 1440);
  if (!Number.isFinite(now)) throw new RangeError(`now must be an instant in epoch milliseconds, got ${now}`);
  return {
    zone,
    gridMin,
    meetingMs: caseType.durationMin * MS_PER_MINUTE,
    holdMs: (caseType.durationMin + caseType.bufferAfterMin) * MS_PER_MINUTE,
    earliestStart: now + caseType.minNoticeMin * MS_PER_MINUTE,
    lastDate: addDays(localDateOf(now, zone), caseType.maxDaysAhead),
  };
}

/** Starts at which some room is free for the hold, within `bounds`. */
function roomStarts(rooms: readonly RoomAvailability[], holdMs: number, bounds: Span[]): Span[] {
  return unionSpans(...rooms.map((room) => subtractSpans(bounds, startsBlockedBy(normalizeSpans(room.busy), holdMs))));
}

/** Starts at which some handler works and is free for the whole hold. */
function handlerStarts(handlers: readonly PersonAvailability[], holdMs: number): Span[] {
  return unionSpans(
    ...handlers.map((handler) =>
      startsFittingIn(subtractSpans(normalizeSpans(handler.working), normalizeSpans(handler.busy)), holdMs),
    ),
  );
}

/** Starts at which some interpreter works for the meeting and is free for the whole hold. */
function interpreterStarts(interpreters: readonly PersonAvailability[], meetingMs: number, holdMs: number): Span[] {
  return unionSpans(
    ...interpreters.map((interpreter) => {
      const busy = normalizeSpans(interpreter.busy);
      const freeWorking = subtractSpans(normalizeSpans(interpreter.working), busy);
      return subtractSpans(startsFittingIn(freeWorking, meetingMs), startsBlockedBy(busy, holdMs));
    }),
  );
}

/** The people part of a search, to share between the offices of one request. */
export function peopleStarts(
  caseType: CaseTypeTiming,
  handlers: readonly PersonAvailability[],
  interpreters?: readonly PersonAvailability[],
): PeopleStarts {
  const meetingMs = caseType.durationMin * MS_PER_MINUTE;
  const holdMs = (caseType.durationMin + caseType.bufferAfterMin) * MS_PER_MINUTE;
  return {
    handlers: handlerStarts(handlers, holdMs),
    ...(interpreters ? { interpreters: interpreterStarts(interpreters, meetingMs, holdMs) } : {}),
  };
}

/** Every bookable start of the search window, as a normalized span list of start instants. */
function bookableStarts(search: SlotSearch, settings: Settings, lastListedDate: IsoDate): Span[] {
  const windowStart = new LocalDay(search.fromDate, settings.zone).start;
  const windowEnd = new LocalDay(addDays(lastListedDate, 1), settings.zone).start;
  const bounds = normalizeSpans([{ start: Math.max(windowStart, settings.earliestStart), end: windowEnd }]);
  let starts = intersectSpans(startsFittingIn(normalizeSpans(search.openSpans), settings.meetingMs), bounds);
  // Cheapest filters first, and stop as soon as nothing is left.
  const narrowings: (() => Span[])[] = [
    () => roomStarts(search.rooms, settings.holdMs, bounds),
    () => search.people?.handlers ?? handlerStarts(search.handlers, settings.holdMs),
  ];
  const interpreters = search.interpreters;
  if (interpreters) {
    narrowings.push(
      () => search.people?.interpreters ?? interpreterStarts(interpreters, settings.meetingMs, settings.holdMs),
    );
  }
  for (const narrowing of narrowings) {
    if (starts.length === 0) break;
    starts = intersectSpans(starts, narrowing());
  }
  return starts;
}

/**
 * Free slots per local day from `fromDate` to `toDate`. Every date of the range is listed,
 * with an empty list when nothing is free, so that clients can render a stable calendar
 * without guessing whether a missing day is closed or simply not computed.
 */
export function findFreeSlots(search: SlotSearch): DaySlots[] {
  const settings = settingsOf(search);
  for (const [name, value] of [
    ['fromDate', search.fromDate],
    ['toDate', search.toDate],
  ] as const) {
    if (!isIsoDate(value))
      throw new RangeError(`${name} must be a calendar date in yyyy-MM-dd format, got ${JSON.stringify(value)}`);
  }
  const dates = datesBetween(search.fromDate, search.toDate);
  const lastListedDate = search.toDate < settings.lastDate ? search.toDate : settings.lastDate;
  const starts =
    dates.length > 0 && search.fromDate <= lastListedDate ? bookableStarts(search, settings, lastListedDate) : [];

  let cursor = 0;
  return dates.map((date) => {
    const slots: FreeSlot[] = [];
    if (cursor >= starts.length) return { date, slots };
    const day = new LocalDay(date, settings.zone);
    for (const point of wallClockGrid(day, settings.gridMin)) {
      while (cursor < starts.length && starts[cursor].end <= point.instant) cursor++;
      if (cursor >= starts.length) break;
      if (starts[cursor].start <= point.instant)
        slots.push({ start: point.instant, local: formatLocalTime(point.minuteOfDay) });
    }
    return { date, slots };
  });
}

/**
 * Whether an instant is a grid start: a whole multiple of `gridMin` minutes after local
 * midnight, and the first occurrence of that wall-clock time on days when clocks go back.
 */
export function isOnGrid(start: number, zone: string = DEFAULT_ZONE, gridMin: number = DEFAULT_GRID_MIN): boolean {
  return gridProblem(start, zone, gridMin) === null;
}

/** Why an instant is not a grid start, or null when it is (see `isOnGrid`). */
function gridProblem(start: number, zone: string, gridMin: number): 'not-on-grid' | 'repeated-time' | null {
  if (!Number.isInteger(start)) return 'not-on-grid';
  const { date, msOfDay } = wallClockAt(start, zone);
  if (msOfDay % (gridMin * MS_PER_MINUTE) !== 0) return 'not-on-grid';
  return new LocalDay(date, zone).instantAt(msOfDay / MS_PER_MINUTE) === start ? null : 'repeated-time';
}

/**
 * The rooms, handlers and interpreters individually free for a meeting starting at `start`,
 * in input order. Looks at resources only: grid, notice and opening hours are checked by
 * `evaluateStart`, which the allocator should use.
 */
export function candidatesAt(query: SlotQuery, start: number): SlotCandidates {
  const { meetingMs, holdMs } = settingsOf(query);
  const meeting: Span = { start, end: start + meetingMs };
  const hold: Span = { start, end: start + holdMs };
  const isFree = (busy: Span[]): boolean => !overlapsAny(normalizeSpans(busy), hold);
  const candidates: SlotCandidates = {
    roomIds: query.rooms.filter((room) => isFree(room.busy)).map((room) => room.id),
    handlerIds: query.handlers
      .filter((handler) => contains(normalizeSpans(handler.working), hold) && isFree(handler.busy))
      .map((handler) => handler.id),
  };
  if (query.interpreters) {
    candidates.interpreterIds = query.interpreters
      .filter((interpreter) => contains(normalizeSpans(interpreter.working), meeting) && isFree(interpreter.busy))
      .map((interpreter) => interpreter.id);
  }
  return candidates;
}

function hasCapacity(candidates: SlotCandidates): boolean {
  return (
    candidates.roomIds.length > 0 &&
    candidates.handlerIds.length > 0 &&
    (candidates.interpreterIds === undefined || candidates.interpreterIds.length > 0)
  );
}

/**
 * Whether one start is bookable, and if so with which resources; if not, the first failing
 * rule in the order of `UnbookableReason`. 'closed-day' means no opening span touches the
 * start's local date, so `openSpans` must cover that whole date (e.g. from `openSpansOn`).
 */
export function evaluateStart(query: SlotQuery, start: number): StartEvaluation {
  const settings = settingsOf(query);
  const offGrid = gridProblem(start, settings.zone, settings.gridMin);
  if (offGrid) return { bookable: false, reason: offGrid };
  if (start < query.now) return { bookable: false, reason: 'passed' };
  if (start < settings.earliestStart) return { bookable: false, reason: 'too-soon' };
  const date = localDateOf(start, settings.zone);
  if (date > settings.lastDate) return { bookable: false, reason: 'too-far-ahead' };
  const open = normalizeSpans(query.openSpans);
  const wholeDay: Span = {
    start: new LocalDay(date, settings.zone).start,
    end: new LocalDay(addDays(date, 1), settings.zone).start,
  };
  if (!overlapsAny(open, wholeDay)) return { bookable: false, reason: 'closed-day' };
  if (!contains(open, { start, end: start + settings.meetingMs })) {
    return { bookable: false, reason: 'outside-opening-hours' };
  }
  const candidates = candidatesAt(query, start);
  return hasCapacity(candidates)
    ? { bookable: true, candidates }
    : { bookable: false, reason: 'no-capacity', candidates };
}

/** Why a start cannot be booked, or null when it can. */
export function explainUnbookable(query: SlotQuery, start: number): UnbookableReason | null {
  const evaluation = evaluateStart(query, start);
  return evaluation.bookable ? null : evaluation.reason;
}
