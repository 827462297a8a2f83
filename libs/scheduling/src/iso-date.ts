/** A calendar date 'yyyy-MM-dd', always meant in some office's own time zone. */
export type IsoDate = string;

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

// Plain dates carry no zone, so their arithmetic is done on UTC midnights: no DST can
// interfere and it is much cheaper than building zoned luxon objects per day.
function parseIsoDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const roundTrip = new Date(ms);
  // Date.UTC silently rolls 2026-02-30 over to March; reject instead.
  if (roundTrip.getUTCFullYear() !== year || roundTrip.getUTCMonth() !== month - 1 || roundTrip.getUTCDate() !== day) {
    return null;
  }
  return ms;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return parseIsoDate(value) !== null;
}

/** The UTC midnight of a calendar date, i.e. its wall-clock midnight read as if it were UTC. */
export function isoDateToUtcMs(date: IsoDate): number {
  const ms = parseIsoDate(date);
  if (ms === null) throw new RangeError(`Not a calendar date in yyyy-MM-dd format: "${date}"`);
  return ms;
}

/** The calendar date of a UTC-read millisecond value (time of day is dropped). */
export function utcMsToIsoDate(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return utcMsToIsoDate(isoDateToUtcMs(date) + days * MS_PER_DAY);
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const first = isoDateToUtcMs(from);
  const last = isoDateToUtcMs(to);
  const dates: IsoDate[] = [];
  for (let ms = first; ms <= last; ms += MS_PER_DAY) dates.push(utcMsToIsoDate(ms));
  return dates;
}

export function weekdayOf(date: IsoDate): Weekday {
  const sundayBased = new Date(isoDateToUtcMs(date)).getUTCDay();
  return (sundayBased === 0 ? 7 : sundayBased) as Weekday;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((isoDateToUtcMs(to) - isoDateToUtcMs(from)) / MS_PER_DAY);
}
