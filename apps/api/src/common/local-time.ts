import type { LocalSpan, LocalTimes } from '@distans/contracts';
import { DateTime } from 'luxon';

/**
 * Stored instants are UTC; people read the office's wall clock. Every local time a response
 * carries comes from here.
 */

/** Office-local wall clock of an instant, e.g. '14:30'. */
export function localClock(instant: Date | number, zone: string): string {
  const value = typeof instant === 'number' ? instant : instant.getTime();
  return DateTime.fromMillis(value, { zone }).toFormat('HH:mm');
}

/** Office-local date and times of a meeting (which starts and ends on one day). */
export function localTimes(start: Date, end: Date, zone: string): LocalTimes {
  return {
    date: DateTime.fromJSDate(start, { zone }).toISODate()!,
    start: localClock(start, zone),
    end: localClock(end, zone),
    zone,
  };
}

/** Office-local date and times of a span that may cross midnight (room blocks can last days). */
export function localSpan(start: Date, end: Date, zone: string): LocalSpan {
  return {
    startDate: DateTime.fromJSDate(start, { zone }).toISODate()!,
    start: localClock(start, zone),
    endDate: DateTime.fromJSDate(end, { zone }).toISODate()!,
    end: localClock(end, zone),
    zone,
  };
}
