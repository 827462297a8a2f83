import type { OpeningDaySource } from '@distans/contracts';
import { spansOfDay } from './day-spans';
import { swedishPublicHoliday } from './holidays';
import { IsoDate, datesBetween, isIsoDate } from './iso-date';
import { Span, normalizeSpans } from './spans';
import {
  DailyInterval,
  HoursProblem,
  MinuteRange,
  WeeklyInterval,
  findDailyHoursProblems,
  minuteRangesByWeekday,
  minuteRangesOf,
} from './weekly-hours';
import { LocalDay } from './zone-clock';

/**
 * A deviation from the weekly hours on one date. `closed: true` closes the office all day.
 * `closed: false` with `intervals` replaces that day's hours; without intervals it keeps the
 * regular weekly hours. Either way an exception wins over a public holiday, so an office can
 * deliberately open on one.
 */
export interface DatedException {
  date: IsoDate;
  closed: boolean;
  intervals?: DailyInterval[];
  reason?: string;
}

export interface OfficeCalendar {
  /** IANA zone of the office; all local times and dates are read in it. */
  zone: string;
  weekly: WeeklyInterval[];
  exceptions: DatedException[];
  /** Closed on Swedish public holidays and midsommar-, jul- and nyårsafton (see holidays.ts). */
  closedOnPublicHolidays: boolean;
}

/** Defined with the response that shows it to office staff. */
export type { OpeningDaySource };

export interface OpeningDay {
  date: IsoDate;
  /** What decided the day's hours. */
  source: OpeningDaySource;
  /** The exception's reason or the holiday's name, when there is one. */
  reason?: string;
  /** Opening spans in UTC epoch ms; empty when closed. */
  spans: Span[];
}

/** The calendar turned into lookup tables once, so that a range of days is cheap. */
class CompiledCalendar {
  private readonly weekly: MinuteRange[][];
  private readonly exceptions = new Map<IsoDate, DatedException>();

  constructor(private readonly calendar: OfficeCalendar) {
    this.weekly = minuteRangesByWeekday(calendar.weekly);
    // Duplicates are rejected by validation; should one slip through, the first one wins.
    for (const exception of calendar.exceptions) {
      if (!this.exceptions.has(exception.date)) this.exceptions.set(exception.date, exception);
    }
  }

  day(date: IsoDate): OpeningDay {
    const day = new LocalDay(date, this.calendar.zone);
    const exception = this.exceptions.get(date);
    if (exception) {
      const withReason = exception.reason === undefined ? {} : { reason: exception.reason };
      if (exception.closed) return { date, source: 'exception', ...withReason, spans: [] };
      const ranges = exception.intervals?.length ? minuteRangesOf(exception.intervals) : this.weekly[day.weekday];
      return { date, source: 'exception', ...withReason, spans: spansOfDay(day, ranges) };
    }
    if (this.calendar.closedOnPublicHolidays) {
      const holiday = swedishPublicHoliday(date);
      if (holiday) return { date, source: 'holiday', reason: holiday.name, spans: [] };
    }
    return { date, source: 'weekly', spans: spansOfDay(day, this.weekly[day.weekday]) };
  }
}

/** How the office is open on one local date and why. */
export function openingDay(calendar: OfficeCalendar, date: IsoDate): OpeningDay {
  return new CompiledCalendar(calendar).day(date);
}

/** Opening hours on one local date as normalized UTC spans (empty when closed). */
export function openSpansOn(calendar: OfficeCalendar, date: IsoDate): Span[] {
  return openingDay(calendar, date).spans;
}

/** Opening days from `fromDate` to `toDate`, both included. */
export function openingDaysBetween(calendar: OfficeCalendar, fromDate: IsoDate, toDate: IsoDate): OpeningDay[] {
  const compiled = new CompiledCalendar(calendar);
  return datesBetween(fromDate, toDate).map((date) => compiled.day(date));
}

/** Opening hours from `fromDate` to `toDate` (both included) as one normalized span list. */
export function openSpansBetween(calendar: OfficeCalendar, fromDate: IsoDate, toDate: IsoDate): Span[] {
  // Days are disjoint and in order; one that closes at '24:00' touches the next, and merging
  // them lets a meeting run past midnight at an office open around the clock.
  return normalizeSpans(openingDaysBetween(calendar, fromDate, toDate).flatMap((day) => day.spans));
}

/**
 * Human-readable problems of dated exceptions: bad or repeated dates, intervals on a closed
 * day, an empty interval list, and the same interval checks as weekly hours. Fields are paths
 * inside one exception, e.g. 'date' or 'intervals[1].closes'.
 */
export function findDatedExceptionProblems(exceptions: readonly DatedException[]): HoursProblem[] {
  const problems: HoursProblem[] = [];
  const firstIndexByDate = new Map<IsoDate, number>();
  exceptions.forEach((exception, index) => {
    if (!isIsoDate(exception.date)) {
      problems.push({
        index,
        field: 'date',
        message: `date must be a calendar date in yyyy-MM-dd format, got ${JSON.stringify(exception.date) ?? 'nothing'}`,
      });
    } else {
      const first = firstIndexByDate.get(exception.date);
      if (first === undefined) firstIndexByDate.set(exception.date, index);
      else problems.push({ index, field: 'date', message: `${exception.date} already has exception ${first}` });
    }
    if (typeof exception.closed !== 'boolean') {
      problems.push({ index, field: 'closed', message: 'closed must be true or false' });
      return;
    }
    const intervals = exception.intervals;
    if (intervals === undefined) return;
    if (exception.closed) {
      if (intervals.length > 0) {
        problems.push({
          index,
          field: 'intervals',
          message: 'intervals must be left out when the office is closed all day',
        });
      }
      return;
    }
    if (intervals.length === 0) {
      problems.push({
        index,
        field: 'intervals',
        message: 'intervals must hold at least one opening interval, or be left out to keep the regular weekly hours',
      });
      return;
    }
    for (const problem of findDailyHoursProblems(intervals)) {
      const path =
        problem.field === 'interval' ? `intervals[${problem.index}]` : `intervals[${problem.index}].${problem.field}`;
      problems.push({ index, field: path, message: problem.message });
    }
  });
  return problems;
}
