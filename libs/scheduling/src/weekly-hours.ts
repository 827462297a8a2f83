import { Weekday } from './iso-date';

/** Local wall-clock time 'HH:mm', 00:00..23:59; a closing time may also be '24:00' (see DailyInterval). */
export type LocalTime = string;

/**
 * Opening (or working) hours within one day: [opens, closes). `closes` may be '24:00', the end of
 * the day, so that an office open around the clock has no gap at midnight: its days touch, and
 * a meeting may run from 23:45 into the next day.
 */
export interface DailyInterval {
  opens: LocalTime;
  closes: LocalTime;
}

export interface WeeklyInterval extends DailyInterval {
  weekday: Weekday;
}

/**
 * One reason why a list of hours is invalid. `index` is the position in the list the caller
 * gave; `field` names the property of that entry ('interval' for the entry as a whole), so
 * that an API can report it as e.g. `weekly[2].closes`.
 */
export interface HoursProblem {
  index: number;
  field: string;
  message: string;
}

/** [from, to) in minutes since local midnight, from < to. */
export interface MinuteRange {
  from: number;
  to: number;
}

export const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};

const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight for 'HH:mm', or null when malformed. */
export function parseLocalTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = LOCAL_TIME_PATTERN.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The end of the day as a closing time. */
export const END_OF_DAY: LocalTime = '24:00';
const MINUTES_PER_DAY = 1440;

/** Minutes since midnight for a closing time: 'HH:mm' or '24:00' (1440); null when malformed. */
export function parseClosingTime(value: unknown): number | null {
  return value === END_OF_DAY ? MINUTES_PER_DAY : parseLocalTime(value);
}

export function formatLocalTime(minuteOfDay: number): LocalTime {
  const hours = Math.floor(minuteOfDay / 60);
  const minutes = minuteOfDay % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

export function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7;
}

/** The interval as minutes, or null when it is malformed, inverted or empty. */
export function toMinuteRange(interval: DailyInterval): MinuteRange | null {
  const from = parseLocalTime(interval.opens);
  const to = parseClosingTime(interval.closes);
  return from !== null && to !== null && to > from ? { from, to } : null;
}

function describeValue(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

interface CheckedInterval {
  index: number;
  range: MinuteRange;
}

/** Problems of single intervals; collects the valid ones for the overlap check. */
function checkIntervals(intervals: readonly DailyInterval[], problems: HoursProblem[]): (CheckedInterval | null)[] {
  return intervals.map((interval, index) => {
    const from = parseLocalTime(interval.opens);
    const to = parseClosingTime(interval.closes);
    if (from === null) {
      problems.push({
        index,
        field: 'opens',
        message: `opens must be a time in HH:mm format between 00:00 and 23:59, got ${describeValue(interval.opens)}`,
      });
    }
    if (to === null) {
      problems.push({
        index,
        field: 'closes',
        message: `closes must be a time in HH:mm format between 00:00 and 24:00, got ${describeValue(interval.closes)}`,
      });
    }
    if (from === null || to === null) return null;
    if (to <= from) {
      problems.push({
        index,
        field: 'closes',
        message: `closes (${interval.closes}) must be after opens (${interval.opens})`,
      });
      return null;
    }
    return { index, range: { from, to } };
  });
}

/** Reports every interval that starts inside an earlier-starting (or equal) one of the group. */
function reportOverlaps(group: CheckedInterval[], suffix: string, problems: HoursProblem[]): void {
  const ordered = [...group].sort((a, b) => a.range.from - b.range.from || a.index - b.index);
  let reach: CheckedInterval | undefined;
  for (const current of ordered) {
    if (reach && current.range.from < reach.range.to) {
      const other = `${formatLocalTime(reach.range.from)}-${formatLocalTime(reach.range.to)}`;
      problems.push({
        index: current.index,
        field: 'interval',
        message: `overlaps interval ${reach.index} (${other})${suffix}`,
      });
    }
    if (!reach || current.range.to > reach.range.to) reach = current;
  }
}

const FIELD_ORDER: Readonly<Record<string, number>> = { weekday: 0, opens: 1, closes: 2, interval: 3 };

function byIndexThenField(a: HoursProblem, b: HoursProblem): number {
  return a.index - b.index || (FIELD_ORDER[a.field] ?? 0) - (FIELD_ORDER[b.field] ?? 0);
}

/**
 * Human-readable problems of weekly hours: malformed weekday or times, intervals that close
 * at or before they open, and intervals overlapping another on the same weekday. Touching
 * intervals (09:00-12:00 and 12:00-16:00) are fine. Interval numbers in messages are the
 * same zero-based positions as `index`.
 */
export function findWeeklyHoursProblems(intervals: readonly WeeklyInterval[]): HoursProblem[] {
  const problems: HoursProblem[] = [];
  const checked = checkIntervals(intervals, problems);
  const byWeekday = new Map<Weekday, CheckedInterval[]>();
  intervals.forEach((interval, index) => {
    if (!isWeekday(interval.weekday)) {
      problems.push({
        index,
        field: 'weekday',
        message: `weekday must be a whole number from 1 (Monday) to 7 (Sunday), got ${describeValue(interval.weekday)}`,
      });
      return;
    }
    const valid = checked[index];
    if (!valid) return;
    const group = byWeekday.get(interval.weekday) ?? [];
    group.push(valid);
    byWeekday.set(interval.weekday, group);
  });
  for (const [weekday, group] of byWeekday) reportOverlaps(group, ` on ${WEEKDAY_NAMES[weekday]}`, problems);
  return problems.sort(byIndexThenField);
}

/** Same checks as `findWeeklyHoursProblems` for the intervals of a single day. */
export function findDailyHoursProblems(intervals: readonly DailyInterval[]): HoursProblem[] {
  const problems: HoursProblem[] = [];
  const valid = checkIntervals(intervals, problems).filter((entry): entry is CheckedInterval => entry !== null);
  reportOverlaps(valid, '', problems);
  return problems.sort(byIndexThenField);
}

/**
 * Valid intervals per weekday (index 1..7), as sorted minute ranges. Invalid entries are
 * skipped rather than thrown on: validation is the gate for stored data, and at read time an
 * invalid interval must never turn into bookable time.
 */
export function minuteRangesByWeekday(intervals: readonly WeeklyInterval[]): MinuteRange[][] {
  const table: MinuteRange[][] = [[], [], [], [], [], [], [], []];
  for (const interval of intervals) {
    const range = isWeekday(interval.weekday) ? toMinuteRange(interval) : null;
    if (range) table[interval.weekday].push(range);
  }
  for (const ranges of table) ranges.sort((a, b) => a.from - b.from);
  return table;
}

/** Valid intervals of a single day as sorted minute ranges (invalid ones skipped, as above). */
export function minuteRangesOf(intervals: readonly DailyInterval[]): MinuteRange[] {
  return intervals
    .map(toMinuteRange)
    .filter((range): range is MinuteRange => range !== null)
    .sort((a, b) => a.from - b.from);
}
