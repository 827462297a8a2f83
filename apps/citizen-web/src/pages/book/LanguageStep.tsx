import { useMemo, useState } from 'react';
import { interpreterRule, LANGUAGES, type Language } from '@distans/contracts';
import { languageName, nativeLanguageName } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { setAnswers } from '../../answers';
import { InlineError } from '../../components/ui';
import { QuestionPage, useStep } from './step';

/** The language of the meeting, from a searchable list with each name in its own script; then whether to have an interpreter. */
export default function LanguageStep() {
  const { t, locale } = useI18n();
  const { answers, goOn } = useStep('language');
  const [language, setLanguage] = useState<Language | ''>(answers.language ?? '');
  const [interpreter, setInterpreter] = useState<'yes' | 'no' | ''>(
    answers.interpreter === undefined ? '' : answers.interpreter ? 'yes' : 'no',
  );
  const [query, setQuery] = useState('');
  const [errors, setErrors] = useState<{ language?: string; interpreter?: string }>({});
  const interpreterAllowed = answers.caseType?.interpreterAllowed ?? true;

  const options = useMemo(
    () => LANGUAGES.map((code) => ({ code, own: nativeLanguageName(code), here: languageName(code, locale) })),
    [locale],
  );
  const needle = query.trim().toLocaleLowerCase();
  const shown = options.filter(
    (option) =>
      !needle ||
      option.code === language ||
      option.own.toLocaleLowerCase().includes(needle) ||
      option.here.toLocaleLowerCase().includes(needle),
  );
  const rule = language ? interpreterRule(language) : null;
  const asksInterpreter = rule === 'optional' && interpreterAllowed;

  const onContinue = () => {
    if (!language) return setErrors({ language: t('language.required') });
    if (asksInterpreter && !interpreter) return setErrors({ interpreter: t('interpreter.required') });
    const wantsInterpreter = rule === 'always' ? true : asksInterpreter ? interpreter === 'yes' : false;
    const unchanged = language === answers.language && wantsInterpreter === answers.interpreter;
    if (!unchanged) setAnswers({ language, interpreter: wantsInterpreter, start: undefined });
    goOn(unchanged && !!answers.start);
  };

  const summary = [
    ...(errors.language ? [{ field: 'language-search', text: errors.language }] : []),
    ...(errors.interpreter ? [{ field: 'interpreter-yes', text: errors.interpreter }] : []),
  ];

  return (
    <QuestionPage step="language" title={t('language.title')} errors={summary} onContinue={onContinue}>
      <p>{t('language.intro')}</p>
      <label htmlFor="language-search">{t('language.search')}</label>
      <InlineError id="language-error" text={errors.language} />
      <input
        id="language-search"
        type="search"
        className="wide"
        value={query}
        autoComplete="off"
        onChange={(event) => setQuery(event.target.value)}
        aria-describedby={errors.language ? 'language-error' : undefined}
        data-testid="language-search"
      />
      <fieldset className="choices language-list">
        <legend className="visually-hidden">{t('language.title')}</legend>
        {shown.map((option) => (
          <div className="choice" key={option.code}>
            <input
              type="radio"
              name="language"
              id={`language-${option.code}`}
              value={option.code}
              checked={language === option.code}
              onChange={() => setLanguage(option.code)}
              data-testid="language-option"
            />
            <label htmlFor={`language-${option.code}`}>
              <span lang={option.code === 'sgn-se' ? 'sv' : option.code}>{option.own}</span>
              {option.here !== option.own && <span className="also"> – {option.here}</span>}
            </label>
          </div>
        ))}
        {shown.length === 0 && <p>{t('language.noMatch')}</p>}
      </fieldset>
      {rule === 'always' && <p className="banner ok">{t('interpreter.always')}</p>}
      {rule === 'optional' && !interpreterAllowed && <p className="banner warn">{t('interpreter.notOffered')}</p>}
      {asksInterpreter && (
        <fieldset className="choices" aria-describedby={errors.interpreter ? 'interpreter-error' : undefined}>
          <legend>{t('interpreter.question')}</legend>
          <InlineError id="interpreter-error" text={errors.interpreter} />
          <div className="choice">
            <input
              type="radio"
              name="interpreter"
              id="interpreter-yes"
              checked={interpreter === 'yes'}
              onChange={() => setInterpreter('yes')}
            />
            <label htmlFor="interpreter-yes">{t('interpreter.yes')}</label>
          </div>
          <div className="choice">
            <input
              type="radio"
              name="interpreter"
              id="interpreter-no"
              checked={interpreter === 'no'}
              onChange={() => setInterpreter('no')}
            />
            <label htmlFor="interpreter-no">{t('interpreter.no')}</label>
          </div>
        </fieldset>
      )}
    </QuestionPage>
  );
}
