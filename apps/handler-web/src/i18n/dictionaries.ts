import type { Dictionary, Locale } from '@distans/web-ui/i18n';
import en from './en.json';
import sv from './sv.json';

export const dictionaries: Record<Locale, Dictionary> = { sv, en };
