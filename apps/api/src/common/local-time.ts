import type { LocalSpan, LocalTimes } from '@distans/contracts';
import { offsetMinutesAt, repeatsOnWallClock, utcOffsetAt } from '@distans/scheduling';
import { DateTime } from 'luxon';

/**
 * Stored instants are UTC; people read the office's wall clock. Every local time a response or
 * a message carries comes from here, so that the autumn daylight-saving night reads right
 * everywhere: views carry each time's UTC offset, and texts name the zone where a wall-clock time
 * happens twice.
 */

const millis = (instant: Date | number): number => (typeof instant === 'number' ? instant : instant.getTime());

/** Office-local wall clock of an instant, e.g. '14:30'. */
export function localClock(instant: Date | number, zone: string): string {
  return DateTime.fromMillis(millis(instant), { zone }).toFormat('HH:mm');
}

/**
 * The wall clock of the end of an opening interval: '24:00' when it ends at midnight, since the
 * interval closes at the end of its own day, not at the start of it ('00:00-00:00' reads as nothing).
 */
export function closingClock(instant: Date | number, zone: string): string {
  const clock = localClock(instant, zone);
  return clock === '00:00' ? '24:00' : clock;
}

/** Office-local date, 'yyyy-MM-dd'. */
export function localDate(instant: Date | number, zone: string): string {
  return DateTime.fromMillis(millis(instant), { zone }).toISODate()!;
}

/** 'CET, UTC+1' / 'CEST, UTC+2': the zone's short name and its offset, as a person reads them. */
export function zoneName(instant: Date | number, zone: string): string {
  const abbreviation = DateTime.fromMillis(millis(instant), { zone }).setLocale('en-GB').offsetNameShort;
  const minutes = offsetMinutesAt(millis(instant), zone);
  const hours = Math.trunc(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  const utc = `UTC${minutes < 0 ? '-' : '+'}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
  return abbreviation && !abbreviation.startsWith('GMT') && !abbreviation.startsWith('UTC')
    ? `${abbreviation}, ${utc}`
    : utc;
}

/**
 * The wall clock for a text: '14:30', or '02:15 (CET, UTC+1)' where that time happens twice on
 * the day (clocks going back), so that a reader knows which 02:15 is meant.
 */
export function clockLabel(instant: Date | number, zone: string): string {
  const clock = localClock(instant, zone);
  return repeatsOnWallClock(millis(instant), zone) ? `${clock} (${zoneName(instant, zone)})` : clock;
}

/** Office-local date and times of a meeting (which starts and ends on one day). */
export function localTimes(start: Date, end: Date, zone: string): LocalTimes {
  return {
    date: localDate(start, zone),
    start: localClock(start, zone),
    startOffset: utcOffsetAt(start.getTime(), zone),
    end: localClock(end, zone),
    endOffset: utcOffsetAt(end.getTime(), zone),
    zone,
  };
}

/** Office-local date and times of a span that may cross midnight (room blocks can last days). */
export function localSpan(start: Date, end: Date, zone: string): LocalSpan {
  return {
    startDate: localDate(start, zone),
    start: localClock(start, zone),
    startOffset: utcOffsetAt(start.getTime(), zone),
    endDate: localDate(end, zone),
    end: localClock(end, zone),
    endOffset: utcOffsetAt(end.getTime(), zone),
    zone,
  };
}
