export const OFFICE_TYPES = ['large', 'medium', 'small', 'flex'] as const;
export type OfficeType = (typeof OFFICE_TYPES)[number];

export const ROOM_EQUIPMENT = [
  'video-screen',
  'camera',
  'speakerphone',
  'document-camera',
  'scanner',
  'printer',
  'hearing-loop',
  'height-adjustable-desk',
] as const;
export type RoomEquipment = (typeof ROOM_EQUIPMENT)[number];

/**
 * Languages a handler or interpreter may work in (ISO 639-1). The five survey languages come
 * first; the rest are the most common interpreted languages at Swedish agencies.
 */
export const LANGUAGES = [
  'sv',
  'en',
  'ar',
  'so',
  'ti',
  'fa',
  'prs',
  'ps',
  'ku',
  'uk',
  'ru',
  'pl',
  'bs',
  'hr',
  'sr',
  'es',
  'fr',
  'de',
  'fi',
  'tr',
  'am',
  'th',
  'sgn-se',
] as const;
export type Language = (typeof LANGUAGES)[number];

/** Swedish Sign Language (svenskt teckenspråk): asked for as a language, always interpreted. */
export const SIGN_LANGUAGE = 'sgn-se' satisfies Language;

/**
 * Whether a visitor speaking `language` gets an interpreter. An interpreter interprets between
 * the visitor's language and Swedish, so a visitor in Swedish needs none; Swedish Sign Language is
 * the exception, always interpreted although it is Swedish; any other language may go either way
 * (with an interpreter, or with a handler who speaks it).
 */
export function interpreterRule(language: Language): 'never' | 'always' | 'optional' {
  if (language === 'sv') return 'never';
  if (language === SIGN_LANGUAGE) return 'always';
  return 'optional';
}

/** ISO weekday 1 = Monday .. 7 = Sunday; times are office-local 'HH:mm'. */
export interface WeeklyIntervalDto {
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  opens: string;
  closes: string;
}

export interface TimeIntervalDto {
  opens: string;
  closes: string;
}
