import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { createIntl, createIntlCache } from 'react-intl';
import { useLocation } from 'wouter';
import { LOCALE_NATIVE_NAMES, LOCALE_TAGS, type StaffLocale } from '@distans/contracts';
import { useAnnouncer } from '@distans/web-ui/Announcer';
import { useI18n } from '@distans/web-ui/i18n';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import { staffName } from '../components/booking-text';
import { loadCatalogue, OFFICE_LOCALES } from '../i18n/catalogues';
import { absolute, adminPath } from '../routes';
import { useSession } from '../session';
import type { CaseTypeView } from './admin-api';
import { useCatalogue } from './AgenciesScreen';
import { CheckField, Field, SubmitError, useSubmit } from './form';

interface Draft {
  code: string;
  nameSv: string;
  nameEn: string;
  durationMin: number;
  bufferAfterMin: number;
  minNoticeMin: number;
  maxDaysAhead: number;
  interpreterAllowed: boolean;
  idCheckRequired: boolean;
  active: boolean;
}

const NEW: Draft = {
  code: '',
  nameSv: '',
  nameEn: '',
  durationMin: 30,
  bufferAfterMin: 10,
  minNoticeMin: 60,
  maxDaysAhead: 60,
  interpreterAllowed: true,
  idCheckRequired: true,
  active: true,
};

const NUMBERS = [
  { key: 'durationMin', min: 5, max: 480, step: 5 },
  { key: 'bufferAfterMin', min: 0, max: 120, step: 5 },
  { key: 'minNoticeMin', min: 0, max: 43200, step: 15 },
  { key: 'maxDaysAhead', min: 1, max: 365, step: 1 },
] as const;

/** One case type: names, timing and rules, with what a citizen will read of it. */
export function CaseTypeScreen(props: { agencyId: string; caseTypeId: string | null }) {
  const { t, locale } = useI18n();
  const { auth } = useSession();
  const { announce } = useAnnouncer();
  const [, navigate] = useLocation();
  const { agencies } = useCatalogue();
  const agency = agencies.find((candidate) => candidate.id === props.agencyId);
  const [draft, setDraft] = useState<Draft | null>(props.caseTypeId ? null : NEW);
  const { busy, error, fields, run } = useSubmit();
  const title = props.caseTypeId ? (draft?.nameSv ?? t('common.loading')) : t('admin.caseTypes.new');
  const heading = useScreenHeading(title);

  useEffect(() => {
    if (!props.caseTypeId) return;
    void auth.api.get<CaseTypeView>(`/case-types/${props.caseTypeId}`).then((found) =>
      setDraft({
        code: found.code,
        nameSv: found.nameSv,
        nameEn: found.nameEn,
        durationMin: found.durationMin,
        bufferAfterMin: found.bufferAfterMin,
        minNoticeMin: found.minNoticeMin,
        maxDaysAhead: found.maxDaysAhead,
        interpreterAllowed: found.interpreterAllowed,
        idCheckRequired: found.idCheckRequired,
        active: found.active,
      }),
    );
  }, [auth, props.caseTypeId]);

  if (!draft) return <p className="loading">{t('common.loading')}</p>;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let created: CaseTypeView | null = null;
    const ok = await run(async () => {
      if (props.caseTypeId) await auth.api.patch(`/case-types/${props.caseTypeId}`, draft);
      else created = await auth.api.post<CaseTypeView>('/case-types', { agencyId: props.agencyId, ...draft });
    });
    if (!ok) return;
    announce(t('admin.saved'));
    if (created) navigate(absolute(adminPath('agencies', props.agencyId, 'case-types', (created as CaseTypeView).id)));
  };

  return (
    <div className="admin-screen">
      <h1 ref={heading} tabIndex={-1}>
        {title}
        {agency && <span className="heading-sub">{staffName(agency, locale)}</span>}
      </h1>
      <div className="two-columns">
        <form
          className="card admin-form"
          noValidate
          onSubmit={(event) => void submit(event)}
          data-testid="case-type-form"
        >
          <SubmitError error={error} />
          <Field path="code" label={t('admin.caseTypes.code')} hint={t('admin.caseTypes.codeHint')} errors={fields}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={draft.code}
                onChange={(event) => set('code', event.target.value)}
              />
            )}
          </Field>
          {(['nameSv', 'nameEn'] as const).map((key) => (
            <Field key={key} path={key} label={t(`admin.caseTypes.${key}`)} errors={fields}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  lang={key === 'nameSv' ? 'sv' : 'en'}
                  maxLength={160}
                  value={draft[key]}
                  onChange={(event) => set(key, event.target.value)}
                />
              )}
            </Field>
          ))}
          <div className="field-row">
            {NUMBERS.map(({ key, min, max, step }) => (
              <Field key={key} path={key} label={t(`admin.caseTypes.${key}`)} errors={fields}>
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    min={min}
                    max={max}
                    step={step}
                    value={Number.isNaN(draft[key]) ? '' : draft[key]}
                    onChange={(event) => set(key, event.target.valueAsNumber)}
                  />
                )}
              </Field>
            ))}
          </div>
          <CheckField
            path="interpreterAllowed"
            label={t('admin.caseTypes.interpreterAllowed')}
            checked={draft.interpreterAllowed}
            errors={fields}
            onChange={(value) => set('interpreterAllowed', value)}
          />
          <CheckField
            path="idCheckRequired"
            label={t('admin.caseTypes.idCheckRequired')}
            checked={draft.idCheckRequired}
            errors={fields}
            onChange={(value) => set('idCheckRequired', value)}
          />
          <CheckField
            path="active"
            label={t('admin.caseTypes.active')}
            checked={draft.active}
            errors={fields}
            onChange={(value) => set('active', value)}
          />
          <button type="submit" disabled={busy} data-testid="case-type-save">
            {props.caseTypeId ? t('admin.save') : t('admin.caseTypes.create')}
          </button>
        </form>
        <CitizenPreview draft={draft} agency={agency ?? null} />
      </div>
    </div>
  );
}

const cache = createIntlCache();

/**
 * What a citizen reads about this case type, in each language the names are written in (the
 * citizen site's other languages show the English name until they have their own).
 */
function CitizenPreview(props: { draft: Draft; agency: { nameSv: string; nameEn: string } | null }) {
  const { t } = useI18n();
  const intls = useMemo(
    () =>
      OFFICE_LOCALES.map((locale: StaffLocale) => ({
        locale,
        intl: createIntl({ locale: LOCALE_TAGS[locale], messages: loadCatalogue(locale) }, cache),
      })),
    [],
  );
  const { draft } = props;
  const notice = (minutes: number) => ({
    hours: Math.floor(minutes / 60),
    minutes: minutes % 60,
  });
  return (
    <section className="card citizen-preview" aria-labelledby="citizen-preview-heading" data-testid="citizen-preview">
      <h2 id="citizen-preview-heading">{t('admin.preview.title')}</h2>
      {intls.map(({ locale, intl }) => {
        const say = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
        const name = locale === 'sv' ? draft.nameSv : draft.nameEn;
        const agency = props.agency ? (locale === 'sv' ? props.agency.nameSv : props.agency.nameEn) : '';
        return (
          <article key={locale} lang={locale} className="preview-card">
            <p className="hint">{LOCALE_NATIVE_NAMES[locale]}</p>
            <h3>{name || say('admin.preview.unnamed')}</h3>
            <p>{agency}</p>
            <ul>
              <li>{say('admin.preview.duration', { minutes: draft.durationMin || 0 })}</li>
              <li>{say('admin.preview.notice', notice(draft.minNoticeMin || 0))}</li>
              <li>{say('admin.preview.ahead', { days: draft.maxDaysAhead || 0 })}</li>
              <li>{say(draft.idCheckRequired ? 'admin.preview.idCheck' : 'admin.preview.noIdCheck')}</li>
              <li>{say(draft.interpreterAllowed ? 'admin.preview.interpreter' : 'admin.preview.noInterpreter')}</li>
            </ul>
          </article>
        );
      })}
      {!draft.active && <p className="banner warn">{t('admin.preview.inactive')}</p>}
    </section>
  );
}
