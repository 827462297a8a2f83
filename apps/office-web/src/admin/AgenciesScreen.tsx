import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useAnnouncer } from '@distans/web-ui/Announcer';
import { useI18n } from '@distans/web-ui/i18n';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import type { PageOf } from '../api';
import { staffName } from '../components/booking-text';
import { absolute, adminPath } from '../routes';
import { useSession } from '../session';
import type { AgencyView, CaseTypeView } from './admin-api';
import { Field, SubmitError, useSubmit } from './form';

/** Agencies and case types, for the settings and the handler form. */
export function useCatalogue(): { agencies: AgencyView[]; caseTypes: CaseTypeView[]; reload: () => Promise<void> } {
  const { auth } = useSession();
  const [agencies, setAgencies] = useState<AgencyView[]>([]);
  const [caseTypes, setCaseTypes] = useState<CaseTypeView[]>([]);
  const reload = useCallback(async () => {
    const [a, c] = await Promise.all([
      auth.api.get<PageOf<AgencyView>>('/agencies?pageSize=200'),
      auth.api.get<PageOf<CaseTypeView>>('/case-types?pageSize=200'),
    ]);
    setAgencies([...a.items].sort((x, y) => x.nameSv.localeCompare(y.nameSv, 'sv')));
    setCaseTypes([...c.items].sort((x, y) => x.nameSv.localeCompare(y.nameSv, 'sv')));
  }, [auth]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { agencies, caseTypes, reload };
}

/** The agencies, their names, and their case types with the rules that decide what citizens can book. */
export function AgenciesScreen() {
  const { t, locale } = useI18n();
  const heading = useScreenHeading(t('admin.agencies.title'));
  const { agencies, caseTypes, reload } = useCatalogue();
  return (
    <div className="admin-screen">
      <h1 ref={heading} tabIndex={-1}>
        {t('admin.agencies.title')}
      </h1>
      <p className="hint">{t('admin.agencies.namesNote')}</p>
      {agencies.map((agency) => (
        <section key={agency.id} className="card agency-card" aria-labelledby={`agency-${agency.id}`}>
          <h2 id={`agency-${agency.id}`}>
            {staffName(agency, locale)} <span className="heading-sub">{agency.code}</span>
          </h2>
          <AgencyForm agency={agency} onSaved={reload} />
          <h3>{t('admin.agencies.caseTypes')}</h3>
          <ul className="case-type-list">
            {caseTypes
              .filter((caseType) => caseType.agency.id === agency.id)
              .map((caseType) => (
                <li key={caseType.id}>
                  <Link
                    href={absolute(adminPath('agencies', agency.id, 'case-types', caseType.id))}
                    data-testid="case-type-link"
                  >
                    {staffName(caseType, locale)}
                  </Link>{' '}
                  <span className="hint">
                    {t('admin.caseTypes.summary', {
                      duration: caseType.durationMin,
                      buffer: caseType.bufferAfterMin,
                      days: caseType.maxDaysAhead,
                    })}
                    {!caseType.active && ` · ${t('admin.inactive')}`}
                  </span>
                </li>
              ))}
          </ul>
          <Link
            className="button-link"
            href={absolute(adminPath('agencies', agency.id, 'case-types', 'new'))}
            data-testid={`new-case-type-${agency.code}`}
          >
            {t('admin.caseTypes.new')}
          </Link>
        </section>
      ))}
      <section className="card" aria-labelledby="new-agency">
        <h2 id="new-agency">{t('admin.agencies.new')}</h2>
        <AgencyForm agency={null} onSaved={reload} />
      </section>
    </div>
  );
}

function AgencyForm(props: { agency: AgencyView | null; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const { auth } = useSession();
  const { announce } = useAnnouncer();
  const [draft, setDraft] = useState({
    code: props.agency?.code ?? '',
    nameSv: props.agency?.nameSv ?? '',
    nameEn: props.agency?.nameEn ?? '',
  });
  const { busy, error, fields, run } = useSubmit();
  const prefix = props.agency ? `agency-${props.agency.id}` : 'agency-new';
  const errors = Object.fromEntries(Object.entries(fields).map(([key, value]) => [`${prefix}.${key}`, value]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await run(async () => {
      if (props.agency) await auth.api.patch(`/agencies/${props.agency.id}`, draft);
      else await auth.api.post('/agencies', draft);
    });
    if (!ok) return;
    announce(t('admin.saved'));
    if (!props.agency) setDraft({ code: '', nameSv: '', nameEn: '' });
    await props.onSaved();
  };
  return (
    <form className="admin-form" noValidate onSubmit={(event) => void submit(event)}>
      <SubmitError error={error} />
      <div className="field-row">
        {(['code', 'nameSv', 'nameEn'] as const).map((key) => (
          <Field key={key} path={`${prefix}.${key}`} label={t(`admin.agencies.${key}`)} errors={errors}>
            {(control) => (
              <input
                {...control}
                type="text"
                lang={key === 'nameSv' ? 'sv' : key === 'nameEn' ? 'en' : undefined}
                value={draft[key]}
                onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <button type="submit" disabled={busy}>
        {props.agency ? t('admin.save') : t('admin.agencies.create')}
      </button>
    </form>
  );
}
