import {
  DEFAULT_LOCALE,
  LOCALE_NATIVE_NAMES,
  LOCALE_TAGS,
  textDirection,
  type VisitorLocale,
} from '@distans/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl, type IntlShape } from 'react-intl';

export type Locale = VisitorLocale;
/** One language's messages: ICU MessageFormat strings by key (plurals, selects, `{name}` values). */
export type Catalogue = Record<string, string>;
/** Returns a language's catalogue, at once or lazily (a dynamic import keeps other languages out of the first load). */
export type CatalogueLoader = (locale: Locale) => Catalogue | Promise<Catalogue>;
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

export interface I18nValue {
  locale: Locale;
  /** The languages this app offers, in menu order. */
  locales: readonly Locale[];
  dir: 'ltr' | 'rtl';
  /**
   * Switches the language. `remember: false` switches for now only: the room screen follows a
   * visit's language without making it the kiosk's default for the next visitor.
   */
  setLocale: (locale: Locale, options?: { remember?: boolean }) => void;
  /** Formats a message; an unknown key shows itself, so a gap is visible rather than blank. */
  t: (key: string, values?: MessageValues) => string;
  /** react-intl itself, for dates, numbers, lists and relative times in the current language. */
  intl: IntlShape;
}

const I18nContext = createContext<I18nValue | null>(null);

function storedLocale(storageKey: string, locales: readonly Locale[]): Locale | null {
  try {
    const value = localStorage.getItem(storageKey);
    return locales.find((locale) => locale === value) ?? null;
  } catch {
    return null; // storage can be disabled (private mode, kiosk policy)
  }
}

/**
 * Messages in the chosen language through react-intl (ICU plural rules from the browser's
 * Intl.PluralRules, so Arabic's six plural forms work), with `lang` and `dir` kept on the
 * document so the whole page mirrors for right-to-left languages.
 */
export function I18nProvider(props: {
  locales: readonly Locale[];
  loadCatalogue: CatalogueLoader;
  /** localStorage key for the remembered choice (per browser, or per kiosk). */
  storageKey: string;
  initialLocale?: Locale;
  /** Shown while the first catalogue loads (only when the loader is asynchronous). */
  fallback?: ReactNode;
  children: ReactNode;
}) {
  const { locales, loadCatalogue, storageKey } = props;
  const [initial] = useState<Locale>(
    () => storedLocale(storageKey, locales) ?? props.initialLocale ?? locales[0] ?? DEFAULT_LOCALE,
  );
  const [state, setState] = useState<{ locale: Locale; messages: Catalogue } | null>(() => {
    const loaded = loadCatalogue(initial);
    return loaded instanceof Promise ? null : { locale: initial, messages: loaded };
  });
  const [wanted, setWanted] = useState<Locale>(initial);

  useEffect(() => {
    if (state?.locale === wanted) return;
    let current = true;
    void Promise.resolve(loadCatalogue(wanted)).then((messages) => {
      if (current) setState({ locale: wanted, messages });
    });
    return () => {
      current = false;
    };
  }, [wanted, state?.locale, loadCatalogue]);

  const locale = state?.locale ?? wanted;
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = textDirection(locale);
  }, [locale]);

  const setLocale = useCallback(
    (next: Locale, options: { remember?: boolean } = {}) => {
      if (options.remember !== false) {
        try {
          localStorage.setItem(storageKey, next);
        } catch {
          // not remembered, still switched
        }
      }
      setWanted(next);
    },
    [storageKey],
  );

  if (!state) return <>{props.fallback ?? null}</>;
  return (
    <IntlProvider
      locale={LOCALE_TAGS[state.locale]}
      defaultLocale={LOCALE_TAGS[DEFAULT_LOCALE]}
      messages={state.messages}
      onError={reportIntlError}
    >
      <I18nBridge locale={state.locale} locales={locales} setLocale={setLocale}>
        {props.children}
      </I18nBridge>
    </IntlProvider>
  );
}

function I18nBridge(props: {
  locale: Locale;
  locales: readonly Locale[];
  setLocale: I18nValue['setLocale'];
  children: ReactNode;
}) {
  const intl = useIntl();
  const { locale, locales, setLocale } = props;
  const value = useMemo<I18nValue>(
    () => ({
      locale,
      locales,
      dir: textDirection(locale),
      setLocale,
      intl,
      t: (key, values) => intl.formatMessage({ id: key }, values as Record<string, string | number>),
    }),
    [intl, locale, locales, setLocale],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/** A missing key or a broken message is a bug the catalogue test should have caught: say so loudly in development. */
function reportIntlError(error: { code?: string; message: string }): void {
  if (import.meta.env?.DEV) console.warn(`[i18n] ${error.code ?? ''} ${error.message}`);
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/**
 * One button per offered language, each labelled in its own language and script. `locales`
 * narrows the choice for one screen (the room's door display offers Swedish and English only).
 */
export function LanguageSwitch(props: { remember?: boolean; locales?: readonly Locale[] } = {}) {
  const { locale, locales, setLocale, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {(props.locales ?? locales).map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={locale === option}
          onClick={() => setLocale(option, { remember: props.remember })}
          lang={option}
          dir={textDirection(option)}
        >
          {LOCALE_NATIVE_NAMES[option]}
        </button>
      ))}
    </div>
  );
}
