import { LOCALE_TAGS, type VisitorLocale } from '@distans/contracts';

/**
 * Dates and times for people, through Intl in the reader's language and always in the office's
 * time zone (never the browser's): a kiosk or a handler's laptop may be set to any zone.
 */

type Instant = string | number | Date;

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: VisitorLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE_TAGS[locale], options);
    cache.set(key, format);
  }
  return format;
}

function toDate(instant: Instant): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

/** Noon UTC of a yyyy-MM-dd date: formats as that calendar day in every zone. */
function calendarDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** The calendar date (yyyy-MM-dd) of an instant in a time zone. */
export function dateInZone(instant: Instant, timeZone: string): string {
  // en-CA formats as yyyy-MM-dd.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    toDate(instant),
  );
}

export function shiftDate(date: string, days: number): string {
  const shifted = calendarDay(date);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}

/** "måndag 23 november 2026" / "Monday 23 November 2026" for a yyyy-MM-dd date. */
export function longDate(date: string, locale: VisitorLocale): string {
  return formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    calendarDay(date),
  );
}

/** "måndag 3 mars" / "Monday 3 March": the day of an instant in the office's zone. */
export function dayName(instant: Instant, timeZone: string, locale: VisitorLocale): string {
  return formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(toDate(instant));
}

/** 24-hour "10:05" in the office's zone, in every language (as on the office's signs). */
export function clock(instant: Instant, timeZone: string, locale: VisitorLocale): string {
  return formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(toDate(instant));
}

export function dateTime(instant: Instant, timeZone: string, locale: VisitorLocale): string {
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone }).format(
    toDate(instant),
  );
}

const SIGN_LANGUAGE: Record<VisitorLocale, string> = {
  sv: 'svenskt teckenspråk',
  en: 'Swedish Sign Language',
  ar: 'لغة الإشارة السويدية',
  so: 'Luqadda dhegoolayaasha ee Iswidhishka',
  ti: 'ናይ ስዊድን ምልክት ቋንቋ',
};

/** Language names from the browser (ISO 639 codes); Swedish Sign Language has no ISO 639-1 code. */
export function languageName(code: string, locale: VisitorLocale): string {
  if (code === 'sgn-se') return SIGN_LANGUAGE[locale];
  try {
    return new Intl.DisplayNames([LOCALE_TAGS[locale]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A language's name in that language itself ("العربية", "ትግርኛ"), as a language list must show it. */
export function nativeLanguageName(code: string): string {
  if (code === 'sgn-se') return SIGN_LANGUAGE.sv;
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
