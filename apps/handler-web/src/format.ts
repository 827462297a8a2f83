import type { Locale } from '@distans/web-ui/i18n';

const TAG: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };

/** The calendar date (yyyy-MM-dd) of an instant in a time zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  // en-CA formats as yyyy-MM-dd.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  return shifted.toISOString().slice(0, 10);
}

/** "måndag 23 november 2026" / "Monday 23 November 2026" for a yyyy-MM-dd date. */
export function longDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(TAG[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

export function clock(iso: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(TAG[locale], { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

export function dateTime(iso: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(TAG[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** Language names from the browser (ISO 639 codes); Swedish sign language is not an ISO 639-1 code. */
export function languageName(code: string, locale: Locale): string {
  if (code === 'sgn-se') return locale === 'sv' ? 'svenskt teckenspråk' : 'Swedish Sign Language';
  try {
    return new Intl.DisplayNames([TAG[locale]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
