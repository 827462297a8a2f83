import { STAFF_LOCALES } from '@distans/contracts';
import type { Catalogue, Locale } from '@distans/web-ui/i18n';
import en from './en.json';
import sv from './sv.json';

/** Office staff work in Swedish or English; both catalogues are small enough to ship together. */
export const OFFICE_LOCALES = STAFF_LOCALES;

const catalogues: Partial<Record<Locale, Catalogue>> = { sv, en };

export function loadCatalogue(locale: Locale): Catalogue {
  return catalogues[locale] ?? sv;
}
