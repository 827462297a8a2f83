import { useState } from 'react';
import { useI18n } from '@distans/web-ui/i18n';
import { listCaseTypes } from '../../api';
import { setAnswers } from '../../answers';
import { InlineError, Loading } from '../../components/ui';
import { useLoad } from '../../components/use-load';
import { nameIn } from '../../office-text';
import { LoadFailed } from './AgencyStep';
import { QuestionPage, useStep } from './step';

export default function CaseTypeStep() {
  const { t, locale } = useI18n();
  const { answers, goOn } = useStep('case-type');
  const caseTypes = useLoad(
    () => (answers.agencyId ? listCaseTypes(answers.agencyId) : Promise.resolve([])),
    [answers.agencyId],
  );
  const [chosen, setChosen] = useState(answers.caseType?.id ?? '');
  const [error, setError] = useState<string | undefined>();

  const onContinue = () => {
    const caseType = caseTypes.data?.find((candidate) => candidate.id === chosen);
    if (!caseType) return setError(t('caseType.required'));
    if (caseType.id !== answers.caseType?.id) setAnswers({ caseType, start: undefined });
    goOn(caseType.id === answers.caseType?.id && !!answers.start);
  };

  return (
    <QuestionPage
      step="case-type"
      title={t('caseType.title')}
      errors={error ? [{ field: 'case-type-0', text: error }] : []}
      onContinue={onContinue}
    >
      {caseTypes.loading && <Loading />}
      {caseTypes.error != null && <LoadFailed error={caseTypes.error} retry={caseTypes.retry} />}
      {caseTypes.data && (
        <fieldset className="choices">
          <legend className="visually-hidden">{t('caseType.title')}</legend>
          <InlineError id="case-type-error" text={error} />
          {caseTypes.data.length === 0 && <p className="banner warn">{t('caseType.none')}</p>}
          {caseTypes.data.map((caseType, index) => {
            const name = nameIn(caseType, locale);
            return (
              <div className="choice" key={caseType.id}>
                <input
                  type="radio"
                  name="case-type"
                  id={`case-type-${index}`}
                  value={caseType.id}
                  checked={chosen === caseType.id}
                  onChange={() => setChosen(caseType.id)}
                  aria-describedby={`case-type-${index}-hint`}
                />
                <label htmlFor={`case-type-${index}`} lang={name.lang}>
                  {name.text}
                </label>
                <p className="hint" id={`case-type-${index}-hint`}>
                  {t('caseType.duration', { minutes: caseType.durationMin })}{' '}
                  {caseType.idCheckRequired ? t('bring.idCheck') : t('bring.nothing')}
                </p>
              </div>
            );
          })}
        </fieldset>
      )}
    </QuestionPage>
  );
}
