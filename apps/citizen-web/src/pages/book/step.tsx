import type { FormEvent, ReactNode } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import { useI18n } from '@distans/web-ui/i18n';
import { useAnswers, type Answers } from '../../answers';
import { ErrorSummary, Page, type FieldError } from '../../components/ui';
import { nextStep, previousStep, stepPath, STEPS, type Step } from '../../routes';

/** What each question needs answered before it: a page reached too early sends the visitor back. */
function firstMissing(answers: Answers, step: Step): Step | null {
  const needed: [Step, boolean][] = [
    ['agency', !!answers.agencyId],
    ['case-type', !!answers.caseType],
    ['office', !!answers.where],
    ['language', !!answers.language],
    ['access', !!answers.accessibilityNeeds],
    ['time', !!answers.start && !!answers.office],
    ['contact', !!answers.name],
  ];
  for (const [before, answered] of needed) {
    if (before === step) return null;
    if (!answered) return before;
  }
  return null;
}

export function useStep(step: Step) {
  const answers = useAnswers();
  const [, navigate] = useLocation();
  const fromCheck = new URLSearchParams(useSearch()).get('from') === 'check';
  const missing = firstMissing(answers, step);
  return {
    answers,
    fromCheck,
    missing,
    back: fromCheck ? stepPath('check') : previousStep(step),
    /** Continue: the next question, or back to Check your answers (via When if the time was let go). */
    goOn: (hasTime = !!answers.start) => navigate(nextStep(step, fromCheck, hasTime)),
  };
}

/** A question page: its form, the error summary, and one Continue button. */
export function QuestionPage(props: {
  step: Step;
  title: string;
  errors: FieldError[];
  onContinue: () => void;
  children: ReactNode;
  continueLabel?: string;
}) {
  const { t } = useI18n();
  const { back, missing } = useStep(props.step);
  if (missing) return <Redirect to={stepPath(missing)} replace />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onContinue();
  };
  const index = STEPS.indexOf(props.step);
  return (
    <Page title={props.title} back={back} caption={t('flow.progress', { step: index + 1, count: STEPS.length })}>
      <ErrorSummary errors={props.errors} />
      <form onSubmit={submit} noValidate>
        {props.children}
        <div className="actions">
          <button type="submit" data-testid="continue">
            {props.continueLabel ?? t('common.continue')}
          </button>
        </div>
      </form>
    </Page>
  );
}
