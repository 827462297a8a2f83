import { spansOfDay } from './day-spans';
import { IsoDate, datesBetween } from './iso-date';
import { Span, normalizeSpans, subtractSpans } from './spans';
import { WeeklyInterval, minuteRangesByWeekday } from './weekly-hours';
import { LocalDay } from './zone-clock';

/**
 * When a handler or interpreter works from `fromDate` to `toDate` (local dates in `zone`,
 * both included): their weekly hours minus absences (leave, sickness, courses), as
 * normalized UTC spans. Public holidays are not removed here: a person's hours only matter
 * where an office is open, and office calendars already handle holidays.
 */
export function workingSpansBetween(
  weekly: readonly WeeklyInterval[],
  zone: string,
  absences: readonly Span[],
  fromDate: IsoDate,
  toDate: IsoDate,
): Span[] {
  const byWeekday = minuteRangesByWeekday(weekly);
  const working: Span[] = [];
  for (const date of datesBetween(fromDate, toDate)) {
    const day = new LocalDay(date, zone);
    working.push(...spansOfDay(day, byWeekday[day.weekday]));
  }
  // Days that end at '24:00' touch the next one: merge them so that a night shift is one span.
  return subtractSpans(normalizeSpans(working), normalizeSpans(absences));
}
