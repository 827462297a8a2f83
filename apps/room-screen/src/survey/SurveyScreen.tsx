import { useCallback, useEffect, useRef, useState } from 'react';
import { isVisitorLocale, textDirection, type SurveyAnswerDto, type SurveyOfferView } from '@distans/contracts';
import type { ApiClient } from '@distans/web-ui/api';
import { I18nProvider, useI18n, type Locale } from '@distans/web-ui/i18n';
import { ThanksScreen } from '../screens/ThanksScreen';
import { loadSurveyCatalogue, SURVEY_LOCALES } from './catalogues';

/**
 * A visitor who walks away from a question for this long: what they answered is sent, and the door
 * display comes back for the next visitor.
 */
const IDLE_MS = 20_000;
/** "Thank you for your answers" stays this long. */
const DONE_MS = 5_000;

type Question = 'satisfaction' | 'gotHelp' | 'treatedWell';
const QUESTIONS: Question[] = ['satisfaction', 'gotHelp', 'treatedWell'];

/**
 * After a finished meeting: thanks, then at most three questions with large buttons, in the
 * booking's language, each skippable; then back to the door display. Nothing typed, so nothing
 * personal. When the meeting has no survey (already answered, or not found), only the thanks.
 */
export function SurveyScreen(props: { api: ApiClient; bookingId: string; thanksMs: number; onDone: () => void }) {
  const outer = useI18n();
  const [offer, setOffer] = useState<SurveyOfferView | null | 'none'>(null);
  const { api, bookingId, onDone, thanksMs } = props;

  useEffect(() => {
    let current = true;
    api
      .get<SurveyOfferView>(`/room-screen/survey/${bookingId}`)
      .then((found) => current && setOffer(found))
      .catch(() => current && setOffer('none'));
    return () => {
      current = false;
    };
  }, [api, bookingId]);

  // The questions may switch the page to right-to-left; the kiosk's own language comes back after.
  const outerLocale = outer.locale;
  useEffect(
    () => () => {
      document.documentElement.lang = outerLocale;
      document.documentElement.dir = textDirection(outerLocale);
    },
    [outerLocale],
  );

  useEffect(() => {
    if (offer !== 'none') return;
    const timer = window.setTimeout(onDone, thanksMs);
    return () => window.clearTimeout(timer);
  }, [offer, onDone, thanksMs]);

  if (offer === null || offer === 'none') return <ThanksScreen />;
  const language: Locale = isVisitorLocale(offer.language) ? offer.language : 'sv';
  return (
    <I18nProvider
      locales={SURVEY_LOCALES}
      loadCatalogue={loadSurveyCatalogue}
      storageKey="distans.room.survey.locale.unused"
      initialLocale={language}
    >
      <Questions api={api} bookingId={bookingId} onDone={onDone} />
    </I18nProvider>
  );
}

function Questions(props: { api: ApiClient; bookingId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [step, setStep] = useState(0);
  const [done, setDone] = useState(false);
  const answers = useRef<Omit<SurveyAnswerDto, 'bookingId'>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const { api, bookingId, onDone } = props;

  const finish = useCallback(() => {
    setDone(true);
    if (Object.keys(answers.current).length === 0) return;
    // Best effort: a lost answer is a lost answer, never a reason to keep the visitor waiting.
    api.post('/room-screen/survey', { bookingId, ...answers.current }).catch(() => undefined);
  }, [api, bookingId]);

  useEffect(() => {
    heading.current?.focus();
  }, [step, done]);

  useEffect(() => {
    const timer = window.setTimeout(done ? onDone : finish, done ? DONE_MS : IDLE_MS);
    return () => window.clearTimeout(timer);
  }, [step, done, finish, onDone]);

  const answer = (question: Question, value: number | boolean) => {
    (answers.current as Record<Question, number | boolean>)[question] = value;
    next();
  };
  const next = () => {
    if (step + 1 < QUESTIONS.length) setStep(step + 1);
    else finish();
  };

  if (done) {
    return (
      <main className="screen thanks survey" data-testid="thanks">
        <div className="survey-body" data-testid="survey-done">
          <h1 ref={heading} tabIndex={-1}>
            {t('survey.done')}
          </h1>
          <p className="lead">{t('survey.leave')}</p>
        </div>
      </main>
    );
  }
  const question = QUESTIONS[step];
  return (
    // Still the thank-you screen, with the questions on it.
    <main className="screen thanks survey" data-testid="thanks">
      <div className="survey-body" data-testid="survey" data-question={question}>
        <p className="survey-thanks">{t('survey.thanks')}</p>
        {step === 0 && <p className="lead">{t('survey.intro')}</p>}
        <p className="survey-progress">{t('survey.progress', { number: step + 1, count: QUESTIONS.length })}</p>
        <h1 ref={heading} tabIndex={-1} id="survey-question">
          {t(`survey.${question}`)}
        </h1>
        <div className="survey-answers" role="group" aria-labelledby="survey-question">
          {question === 'satisfaction'
            ? [1, 2, 3, 4, 5].map((score) => (
                <button
                  key={score}
                  type="button"
                  className="big-button survey-score"
                  onClick={() => answer('satisfaction', score)}
                  data-testid={`survey-score-${score}`}
                >
                  <span className="score" aria-hidden="true">
                    {score}
                  </span>
                  <span>{t(`survey.scale.${score}`)}</span>
                </button>
              ))
            : [true, false].map((value) => (
                <button
                  key={String(value)}
                  type="button"
                  className="big-button"
                  onClick={() => answer(question, value)}
                  data-testid={`survey-${value ? 'yes' : 'no'}`}
                >
                  {t(value ? 'survey.yes' : 'survey.no')}
                </button>
              ))}
        </div>
        <button type="button" className="big-button survey-skip" onClick={next} data-testid="survey-skip">
          {t('survey.skip')}
        </button>
      </div>
    </main>
  );
}
