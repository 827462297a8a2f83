import { LOCALE_TAGS, type VisitorLocale } from '@distans/contracts';
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import ar from './ar.json';
import en from './en.json';
import so from './so.json';
import sv from './sv.json';
import ti from './ti.json';

/**
 * The API's own texts for visitors (messages and calendar files), as ICU messages in one JSON
 * catalogue per language beside the web apps' (the catalogue spec holds every language against
 * Swedish). Formatted with intl-messageformat, the library under react-intl, so plurals and
 * selects follow each language's CLDR rules.
 */
export type MessageKey = keyof typeof sv;

const CATALOGUES: Record<VisitorLocale, Record<MessageKey, string>> = { sv, en, ar, so, ti };

const compiled = new Map<string, IntlMessageFormat>();

export function t(locale: VisitorLocale, key: MessageKey, values: Record<string, PrimitiveType> = {}): string {
  const id = `${locale}|${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(CATALOGUES[locale][key], LOCALE_TAGS[locale]);
    compiled.set(id, format);
  }
  return String(format.format(values));
}
