import { STAFF_LOCALES, VISITOR_LOCALES } from '@distans/contracts';
import type { Catalogue, Locale } from '@distans/web-ui/i18n';
import ar from './ar.json';
import en from './en.json';
import so from './so.json';
import sv from './sv.json';
import ti from './ti.json';

/** The visit's screens inside the room (welcome, call, thank-you, missed, staff call): every visitor language. */
export const ROOM_LOCALES = VISITOR_LOCALES;

/**
 * The door display outside and the pairing screen stay in Swedish and English: a language on the
 * door can say something about who is inside.
 */
export const DOOR_LOCALES = STAFF_LOCALES;

const catalogues: Record<Locale, Catalogue> = { sv, en, ar, so, ti };

export function loadCatalogue(locale: Locale): Catalogue {
  return catalogues[locale] ?? sv;
}

export function isDoorLocale(locale: Locale): boolean {
  return (DOOR_LOCALES as readonly Locale[]).includes(locale);
}
