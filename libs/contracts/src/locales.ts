/**
 * The languages Distans speaks to people in. Visitors (the citizen site, the room screen's visitor
 * screens and the messages) get all five that the reports name; staff apps start with Swedish and
 * English. Each list is in the order a language menu shows it.
 */
export const VISITOR_LOCALES = ['sv', 'en', 'ar', 'so', 'ti'] as const;
export type VisitorLocale = (typeof VISITOR_LOCALES)[number];

export const STAFF_LOCALES = ['sv', 'en'] as const satisfies readonly VisitorLocale[];
export type StaffLocale = (typeof STAFF_LOCALES)[number];

/** Swedish is the fallback everywhere: the source language of every catalogue. */
export const DEFAULT_LOCALE: VisitorLocale = 'sv';

/** Each language named in its own script, as a language menu must show it. */
export const LOCALE_NATIVE_NAMES: Record<VisitorLocale, string> = {
  sv: 'Svenska',
  en: 'English',
  ar: 'العربية',
  so: 'Soomaali',
  ti: 'ትግርኛ',
};

/**
 * BCP 47 tags for `Intl`. Arabic keeps Western digits (`nu-latn`): times and references must read
 * the same as on the office's signs, the room screen and the visitor's SMS.
 */
export const LOCALE_TAGS: Record<VisitorLocale, string> = {
  sv: 'sv-SE',
  en: 'en-GB',
  ar: 'ar-u-nu-latn',
  so: 'so-SO',
  ti: 'ti-ER',
};

export function isVisitorLocale(value: unknown): value is VisitorLocale {
  return typeof value === 'string' && (VISITOR_LOCALES as readonly string[]).includes(value);
}

export function textDirection(locale: VisitorLocale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * Agencies and case types are named in Swedish and English only: Swedish readers get the Swedish
 * name, every other language the English one (closer to most visitors than Swedish; the Swedish
 * name is on the office's signs).
 */
export function localisedName(names: { nameSv: string; nameEn: string }, locale: VisitorLocale): string {
  return locale === 'sv' ? names.nameSv : names.nameEn;
}
