import { useState } from 'react';
import { useI18n } from '@distans/web-ui/i18n';
import { listAgencies } from '../../api';
import { setAnswers } from '../../answers';
import { InlineError, Loading } from '../../components/ui';
import { useLoad } from '../../components/use-load';
import { refusalOf } from '../../errors';
import { nameIn } from '../../office-text';
import { QuestionPage, useStep } from './step';

export default function AgencyStep() {
  const { t, locale } = useI18n();
  const { answers, goOn } = useStep('agency');
  const agencies = useLoad(listAgencies, []);
  const [chosen, setChosen] = useState(answers.agencyId ?? '');
  const [error, setError] = useState<string | undefined>();

  const onContinue = () => {
    if (!chosen) return setError(t('agency.required'));
    if (chosen !== answers.agencyId) setAnswers({ agencyId: chosen, caseType: undefined, start: undefined });
    goOn();
  };

  return (
    <QuestionPage
      step="agency"
      title={t('agency.title')}
      errors={error ? [{ field: 'agency-0', text: error }] : []}
      onContinue={onContinue}
    >
      {agencies.loading && <Loading />}
      {agencies.error != null && <LoadFailed error={agencies.error} retry={agencies.retry} />}
      {agencies.data && (
        <fieldset className="choices" aria-describedby={error ? 'agency-error' : undefined}>
          <legend className="visually-hidden">{t('agency.title')}</legend>
          <InlineError id="agency-error" text={error} />
          {[...agencies.data]
            .sort((a, b) => nameIn(a, locale).text.localeCompare(nameIn(b, locale).text, locale))
            .map((agency, index) => {
              const name = nameIn(agency, locale);
              return (
                <div className="choice" key={agency.id}>
                  <input
                    type="radio"
                    name="agency"
                    id={`agency-${index}`}
                    value={agency.id}
                    checked={chosen === agency.id}
                    onChange={() => setChosen(agency.id)}
                  />
                  <label htmlFor={`agency-${index}`} lang={name.lang}>
                    {name.text}
                  </label>
                </div>
              );
            })}
        </fieldset>
      )}
    </QuestionPage>
  );
}

export function LoadFailed(props: { error: unknown; retry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="banner error" role="alert">
      <p>{refusalOf(props.error, t).text}</p>
      <button type="button" className="secondary" onClick={props.retry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
