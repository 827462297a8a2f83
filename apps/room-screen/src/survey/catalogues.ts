import { VISITOR_LOCALES } from '@distans/contracts';
import type { Catalogue, Locale } from '@distans/web-ui/i18n';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import so from './i18n/so.json';
import sv from './i18n/sv.json';
import ti from './i18n/ti.json';

/**
 * The survey runs in all five visitor languages, the kiosk's other screens (for now) in Swedish
 * and English, so the survey has a catalogue of its own (checked with the others by
 * libs/web-ui/src/catalogues.spec.ts).
 */
export const SURVEY_LOCALES = VISITOR_LOCALES;

const catalogues: Record<Locale, Catalogue> = { sv, en, ar, so, ti };

export function loadSurveyCatalogue(locale: Locale): Catalogue {
  return catalogues[locale] ?? sv;
}
