/**
 * Swedish days on which a state service office is closed, from the `date-holidays` data.
 *
 * Closing types: date-holidays marks the statutory public holidays ("allmänna helgdagar")
 * as `public`, and marks exactly midsommarafton, julafton and nyårsafton as `bank`. Those
 * three eves are not public holidays by law, but they are treated like Sundays in Swedish
 * labour law and agreements and state agencies are closed, so both types close an office.
 * Not closing: `optional` (half days such as trettondagsafton, valborgsmässoafton and
 * allhelgonaafton, when offices may close early; model those with dated exceptions) and
 * `observance` (e.g. påskafton, pingstafton which fall on Saturdays anyway, and annandag
 * pingst which stopped being a holiday in 2005).
 */
import Holidays from 'date-holidays';
import { IsoDate, isIsoDate } from './iso-date';

export interface SwedishHoliday {
  /** Swedish name as given by date-holidays, e.g. 'juldagen', 'midsommarafton'. */
  name: string;
}

export interface DatedSwedishHoliday extends SwedishHoliday {
  date: IsoDate;
}

const CLOSING_TYPES: ReadonlySet<string> = new Set(['public', 'bank']);

let source: Holidays | undefined;
// Building the holiday set for a year is slow relative to a lookup, and the set never
// changes, so each year is computed once per process.
const closingDaysByYear = new Map<number, ReadonlyMap<IsoDate, SwedishHoliday>>();

function closingDaysOf(year: number): ReadonlyMap<IsoDate, SwedishHoliday> {
  let days = closingDaysByYear.get(year);
  if (!days) {
    source ??= new Holidays('SE', { languages: ['sv'] });
    const collected = new Map<IsoDate, SwedishHoliday>();
    for (const holiday of source.getHolidays(year, 'sv')) {
      // `date` is the local date in Sweden ('2026-12-25 00:00:00'), independent of the
      // process time zone; `start`/`end` are instants and would not be.
      const date = holiday.date.slice(0, 10);
      if (CLOSING_TYPES.has(holiday.type) && !collected.has(date)) collected.set(date, { name: holiday.name });
    }
    days = collected;
    closingDaysByYear.set(year, days);
  }
  return days;
}

/** The public holiday or de facto closed eve on a date, or null on an ordinary day. */
export function swedishPublicHoliday(date: IsoDate): SwedishHoliday | null {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date in yyyy-MM-dd format: ${JSON.stringify(date)}`);
  return closingDaysOf(Number(date.slice(0, 4))).get(date) ?? null;
}

/** All days of a year on which offices close for a holiday, in date order. */
export function swedishPublicHolidaysOf(year: number): DatedSwedishHoliday[] {
  return [...closingDaysOf(year)]
    .map(([date, holiday]) => ({ date, name: holiday.name }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
