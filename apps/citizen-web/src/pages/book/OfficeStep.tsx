import { useMemo, useState } from 'react';
import { useI18n } from '@distans/web-ui/i18n';
import { listOffices, type Office } from '../../api';
import { setAnswers, type Answers } from '../../answers';
import { InlineError, Loading } from '../../components/ui';
import { useLoad } from '../../components/use-load';
import { addressText, openingHoursText } from '../../office-text';
import { LoadFailed } from './AgencyStep';
import { QuestionPage, useStep } from './step';

const SHOWN = 12;
const EARLIEST = 'earliest';

function sameWhere(a: Answers['where'], b: Answers['where']): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  return a.kind === 'office'
    ? a.office.id === (b as { office: Office }).office.id
    : a.municipality === (b as { municipality: string }).municipality;
}

/** Where: an office found by municipality or name, or the earliest time anywhere in a municipality. */
export default function OfficeStep() {
  const { t, locale } = useI18n();
  const { answers, goOn } = useStep('office');
  const offices = useLoad(listOffices, []);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState(
    answers.where?.kind === 'office' ? answers.where.office.id : answers.where ? EARLIEST : '',
  );
  const [municipality, setMunicipality] = useState(
    answers.where?.kind === 'municipality' ? answers.where.municipality : '',
  );
  const [errors, setErrors] = useState<{ office?: string; municipality?: string }>({});

  const matches = useMemo(() => {
    const all = [...(offices.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    const needle = query.trim().toLocaleLowerCase('sv');
    return needle
      ? all.filter(
          (office) =>
            office.name.toLocaleLowerCase('sv').includes(needle) ||
            office.municipality.toLocaleLowerCase('sv').includes(needle),
        )
      : all;
  }, [offices.data, query]);
  const municipalities = useMemo(
    () =>
      [...new Set((offices.data ?? []).map((office) => office.municipality))].sort((a, b) => a.localeCompare(b, 'sv')),
    [offices.data],
  );
  const shown = matches.slice(0, SHOWN);
  // The chosen office stays on the list while the visitor searches for another.
  const chosenOffice = offices.data?.find((office) => office.id === chosen);
  if (chosenOffice && !shown.includes(chosenOffice)) shown.unshift(chosenOffice);

  const onContinue = () => {
    let where: Answers['where'];
    if (chosen === EARLIEST) {
      if (!municipality) return setErrors({ municipality: t('office.municipalityRequired') });
      where = { kind: 'municipality', municipality };
    } else if (chosenOffice) {
      where = { kind: 'office', office: chosenOffice };
    } else {
      return setErrors({ office: t('office.required') });
    }
    const unchanged = sameWhere(where, answers.where);
    if (!unchanged) setAnswers({ where, office: where.kind === 'office' ? where.office : undefined, start: undefined });
    goOn(unchanged && !!answers.start);
  };

  const summary = [
    ...(errors.office ? [{ field: 'office-search', text: errors.office }] : []),
    ...(errors.municipality ? [{ field: 'municipality', text: errors.municipality }] : []),
  ];

  return (
    <QuestionPage step="office" title={t('office.title')} errors={summary} onContinue={onContinue}>
      {offices.loading && <Loading />}
      {offices.error != null && <LoadFailed error={offices.error} retry={offices.retry} />}
      {offices.data && (
        <>
          <label htmlFor="office-search">{t('office.search')}</label>
          <p className="hint" id="office-search-hint">
            {t('office.searchHint')}
          </p>
          <InlineError id="office-error" text={errors.office} />
          <input
            id="office-search"
            type="search"
            className="wide"
            value={query}
            autoComplete="off"
            aria-describedby={errors.office ? 'office-search-hint office-error' : 'office-search-hint'}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="office-search"
          />
          <p className="result-count" role="status">
            {t('office.count', { shown: Math.min(matches.length, SHOWN), count: matches.length })}
          </p>
          <fieldset className="choices">
            <legend className="visually-hidden">{t('office.title')}</legend>
            {shown.map((office) => (
              <div className="choice office-choice" key={office.id}>
                <input
                  type="radio"
                  name="office"
                  id={`office-${office.id}`}
                  value={office.id}
                  checked={chosen === office.id}
                  onChange={() => setChosen(office.id)}
                  aria-describedby={`office-${office.id}-details`}
                  data-testid="office-option"
                />
                <label htmlFor={`office-${office.id}`}>{office.name}</label>
                <div className="hint" id={`office-${office.id}-details`}>
                  <p>{addressText(office.address)}</p>
                  <p>
                    {t('office.hours')} {openingHoursText(office.weeklyHours, locale).join('; ') || t('office.noHours')}
                  </p>
                  <p data-testid="office-access">
                    {t(office.access.stepFree ? 'office.stepFree' : 'office.notStepFree')}
                    {office.access.hearingLoop && <> {t('office.hearingLoop')}</>}
                  </p>
                </div>
              </div>
            ))}
            <div className="choice or">
              <p className="or-divider">{t('common.or')}</p>
              <input
                type="radio"
                name="office"
                id="office-earliest"
                value={EARLIEST}
                checked={chosen === EARLIEST}
                onChange={() => setChosen(EARLIEST)}
                aria-describedby="office-earliest-hint"
              />
              <label htmlFor="office-earliest">{t('office.earliest')}</label>
              <p className="hint" id="office-earliest-hint">
                {t('office.earliestHint')}
              </p>
              {chosen === EARLIEST && (
                <div className="conditional">
                  <label htmlFor="municipality">{t('office.municipality')}</label>
                  <InlineError id="municipality-error" text={errors.municipality} />
                  <select
                    id="municipality"
                    value={municipality}
                    onChange={(event) => setMunicipality(event.target.value)}
                    aria-describedby={errors.municipality ? 'municipality-error' : undefined}
                  >
                    <option value="">{t('office.municipalityChoose')}</option>
                    {municipalities.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </div>
          </fieldset>
        </>
      )}
    </QuestionPage>
  );
}
