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
