import type { Locale } from '@distans/web-ui/i18n';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { ...options, timeZone });
    cache.set(key, format);
  }
  return format;
}

/** 24-hour "10:05" in the office's time zone, whatever the kiosk's own zone is. */
export function formatClock(instant: number, timeZone: string, locale: Locale): string {
  return formatter(locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** "måndag 3 mars" / "Monday 3 March" in the office's time zone. */
export function formatDay(instant: number, timeZone: string, locale: Locale): string {
  return formatter(locale, timeZone, { weekday: 'long', day: 'numeric', month: 'long' }).format(instant);
}
