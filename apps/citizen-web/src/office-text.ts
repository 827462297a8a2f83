import { LOCALE_TAGS, localisedName, type VisitorLocale, type WeeklyIntervalDto } from '@distans/contracts';

/** A name the API keeps in Swedish and English: Swedish readers get Swedish, everyone else English. */
export function nameIn(
  names: { nameSv: string; nameEn: string },
  locale: VisitorLocale,
): { text: string; lang: string } {
  return { text: localisedName(names, locale), lang: locale === 'sv' ? 'sv' : 'en' };
}

function weekdayName(weekday: number, locale: VisitorLocale): string {
  // 2024-01-01 was a Monday (ISO weekday 1).
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

/** "mån–fre 08:00–17:00, lör 10:00–14:00": runs of weekdays with the same hours, in the reader's language. */
export function openingHoursText(hours: WeeklyIntervalDto[], locale: VisitorLocale): string[] {
  const byDay = new Map<number, string>();
  for (const interval of [...hours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))) {
    const span = `${interval.opens}–${interval.closes}`;
    byDay.set(interval.weekday, byDay.has(interval.weekday) ? `${byDay.get(interval.weekday)}, ${span}` : span);
  }
  const lines: string[] = [];
  let weekday = 1;
  while (weekday <= 7) {
    const spans = byDay.get(weekday);
    if (!spans) {
      weekday += 1;
      continue;
    }
    let last = weekday;
    while (last < 7 && byDay.get(last + 1) === spans) last += 1;
    const days =
      last === weekday ? weekdayName(weekday, locale) : `${weekdayName(weekday, locale)}–${weekdayName(last, locale)}`;
    lines.push(`${days} ${spans}`);
    weekday = last + 1;
  }
  return lines;
}

/** "Storgatan 1, 241 30 Eslöv" without empty parts. */
export function addressText(address: { streetAddress: string; postalCode: string; city: string }): string {
  const town = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.streetAddress, town].filter(Boolean).join(', ');
}
