import { VISITOR_LOCALES } from '@distans/contracts';
import type { Catalogue, Locale } from '@distans/web-ui/i18n';
import sv from './sv.json';

/** All five visitor languages; Swedish ships with the first page, the others load when chosen. */
export const CITIZEN_LOCALES = VISITOR_LOCALES;

const lazy: Record<Exclude<Locale, 'sv'>, () => Promise<{ default: Catalogue }>> = {
  en: () => import('./en.json'),
  ar: () => import('./ar.json'),
  so: () => import('./so.json'),
  ti: () => import('./ti.json'),
};

export function loadCatalogue(locale: Locale): Catalogue | Promise<Catalogue> {
  if (locale === 'sv') return sv;
  return lazy[locale]().then((module) => module.default);
}
