import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { OFFICE_TYPES, type OfficeType } from '@distans/contracts';
import { useAnnouncer } from '@distans/web-ui/Announcer';
import { useI18n } from '@distans/web-ui/i18n';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import { ErrorMessage } from '../components/ErrorMessage';
import { errorText, type ErrorText } from '../errors';
import { absolute, adminPath } from '../routes';
import { useSession } from '../session';
import type { OfficeView } from './admin-api';
import { ExceptionsCalendar } from './ExceptionsCalendar';
import { CheckField, Field, SubmitError, useSubmit } from './form';
import { useGeography } from './OfficesScreen';
import { RoomsPanel } from './RoomsPanel';
import { WeekGrid } from './WeekGrid';

interface Details {
  name: string;
  municipality: string;
  countyId: string;
  officeType: OfficeType;
  streetAddress: string;
  postalCode: string;
  city: string;
  phone: string;
  active: boolean;
}

const EMPTY: Details = {
  name: '',
  municipality: '',
  countyId: '',
  officeType: 'medium',
  streetAddress: '',
  postalCode: '',
  city: '',
  phone: '',
  active: true,
};

function detailsOf(office: OfficeView): Details {
  return {
    name: office.name,
    municipality: office.municipality,
    countyId: office.county.id,
    officeType: office.officeType,
    streetAddress: office.address.streetAddress,
    postalCode: office.address.postalCode,
    city: office.address.city,
    phone: office.address.phone ?? '',
    active: office.active,
  };
}

/** One office: its details, weekly hours, dated exceptions on a calendar, and its rooms. */
export function OfficeScreen(props: { officeId: string | null }) {
  const { t } = useI18n();
  const { auth } = useSession();
  const [office, setOffice] = useState<OfficeView | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const heading = useScreenHeading(office ? office.name : t('admin.offices.new'));

  const load = useCallback(async () => {
    if (!props.officeId) return;
    try {
      setOffice(await auth.api.get<OfficeView>(`/offices/${props.officeId}`));
    } catch (caught) {
      setError(errorText(caught, t));
    }
    // `t` only words an error.
  }, [auth, props.officeId]);
  useEffect(() => {
    void load();
  }, [load]);

  if (props.officeId && !office) {
    return error ? <ErrorMessage error={error} /> : <p className="loading">{t('common.loading')}</p>;
  }
  return (
    <div className="admin-screen office-settings">
      <h1 ref={heading} tabIndex={-1}>
        {office ? office.name : t('admin.offices.new')}
        {office && <span className="heading-sub">{t('admin.office.subtitle', { county: office.county.name })}</span>}
      </h1>
      {office && (
        <nav className="in-page" aria-label={t('admin.office.parts')}>
          <a href="#office-details">{t('admin.office.details')}</a>
          <a href="#office-hours">{t('admin.office.weeklyHours')}</a>
          <a href="#office-calendar">{t('admin.office.calendar')}</a>
          <a href="#office-rooms">{t('admin.office.rooms')}</a>
        </nav>
      )}
      <OfficeDetailsForm office={office} onSaved={setOffice} />
      {office && (
        <>
          <WeekGrid office={office} onSaved={setOffice} />
          <ExceptionsCalendar office={office} />
          <RoomsPanel office={office} />
        </>
      )}
    </div>
  );
}

function OfficeDetailsForm(props: { office: OfficeView | null; onSaved: (office: OfficeView) => void }) {
  const { t } = useI18n();
  const { auth, refreshOffices } = useSession();
  const { announce } = useAnnouncer();
  const [, navigate] = useLocation();
  const { counties } = useGeography();
  const [details, setDetails] = useState<Details>(props.office ? detailsOf(props.office) : EMPTY);
  const { busy, error, fields, run } = useSubmit();
  const set = <K extends keyof Details>(key: K, value: Details[K]) => setDetails((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let saved: OfficeView | null = null;
    const ok = await run(async () => {
      saved = props.office
        ? await auth.api.patch<OfficeView>(`/offices/${props.office.id}`, details)
        : await auth.api.post<OfficeView>('/offices', details);
    });
    if (!ok || !saved) return;
    const office: OfficeView = saved;
    announce(t('admin.saved'));
    await refreshOffices();
    if (props.office) props.onSaved(office);
    else navigate(absolute(adminPath('offices', office.id)));
  };

  const text = (key: 'name' | 'municipality' | 'streetAddress' | 'postalCode' | 'city' | 'phone', max: number) => (
    <Field path={key} label={t(`admin.office.${key}`)} errors={fields}>
      {(control) => (
        <input
          {...control}
          type={key === 'phone' ? 'tel' : 'text'}
          value={details[key]}
          maxLength={max}
          onChange={(event) => set(key, event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form
      id="office-details"
      className="card admin-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      data-testid="office-form"
      aria-labelledby="office-details-heading"
    >
      <h2 id="office-details-heading">{t('admin.office.details')}</h2>
      <SubmitError error={error} />
      <div className="field-row">
        {text('name', 120)}
        {text('municipality', 100)}
      </div>
      <div className="field-row">
        <Field path="countyId" label={t('admin.offices.county')} errors={fields}>
          {(control) => (
            <select {...control} value={details.countyId} onChange={(event) => set('countyId', event.target.value)}>
              <option value="">{t('admin.choose')}</option>
              {counties.map((county) => (
                <option key={county.id} value={county.id}>
                  {county.name} ({county.region.name})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path="officeType" label={t('admin.offices.type')} errors={fields}>
          {(control) => (
            <select
              {...control}
              value={details.officeType}
              onChange={(event) => set('officeType', event.target.value as OfficeType)}
            >
              {OFFICE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`admin.officeType.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="field-row">
        {text('streetAddress', 200)}
        {text('postalCode', 20)}
        {text('city', 100)}
      </div>
      <div className="field-row">
        {text('phone', 30)}
        <CheckField
          path="active"
          label={t('admin.office.active')}
          checked={details.active}
          errors={fields}
          onChange={(checked) => set('active', checked)}
        />
      </div>
      <button type="submit" disabled={busy} data-testid="office-save">
        {props.office ? t('admin.save') : t('admin.offices.create')}
      </button>
    </form>
  );
}
