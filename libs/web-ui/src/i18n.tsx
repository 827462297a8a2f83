import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type Locale = 'sv' | 'en';
export type Dictionary = Record<string, string>;

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** Looks up a key and fills `{name}` placeholders; an unknown key shows itself, so gaps are visible. */
  t: (key: string, values?: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Swedish by default; the choice is remembered per browser (per kiosk). */
export function I18nProvider(props: {
  dictionaries: Record<Locale, Dictionary>;
  storageKey: string;
  children: ReactNode;
}) {
  const [locale, setLocaleState] = useState<Locale>(() =>
    localStorage.getItem(props.storageKey) === 'en' ? 'en' : 'sv',
  );
  const setLocale = useCallback(
    (next: Locale) => {
      localStorage.setItem(props.storageKey, next);
      document.documentElement.lang = next;
      setLocaleState(next);
    },
    [props.storageKey],
  );
  const value = useMemo<I18nValue>(() => {
    document.documentElement.lang = locale;
    const dictionary = props.dictionaries[locale];
    return {
      locale,
      setLocale,
      t: (key, values) => {
        const text = dictionary[key] ?? props.dictionaries.sv[key] ?? key;
        return values ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)) : text;
      },
    };
  }, [locale, props.dictionaries, setLocale]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      <button type="button" aria-pressed={locale === 'sv'} onClick={() => setLocale('sv')} lang="sv">
        Svenska
      </button>
      <button type="button" aria-pressed={locale === 'en'} onClick={() => setLocale('en')} lang="en">
        English
      </button>
    </div>
  );
}
