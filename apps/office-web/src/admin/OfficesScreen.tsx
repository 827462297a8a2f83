import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { OFFICE_TYPES, type OfficeType } from '@distans/contracts';
import { useI18n } from '@distans/web-ui/i18n';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import type { PageOf } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { errorText, type ErrorText } from '../errors';
import { absolute, adminPath } from '../routes';
import { useSession } from '../session';
import type { CountyView, OfficeView, Ref } from './admin-api';
import { Pager } from './Pager';

const PAGE_SIZE = 25;

/** Regions and counties for the office filters and the office form. */
export function useGeography(): { regions: Ref[]; counties: CountyView[] } {
  const { auth } = useSession();
  const [regions, setRegions] = useState<Ref[]>([]);
  const [counties, setCounties] = useState<CountyView[]>([]);
  useEffect(() => {
    void auth.api.get<PageOf<Ref>>('/regions?pageSize=200').then((page) => setRegions(page.items));
    void auth.api.get<PageOf<CountyView>>('/counties?pageSize=200').then((page) => setCounties(page.items));
  }, [auth]);
  return { regions, counties };
}

/** Every office, searchable by name and filtered by region, county and type. */
export function OfficesScreen() {
  const { t } = useI18n();
  const { auth } = useSession();
  const heading = useScreenHeading(t('admin.offices.title'));
  const { regions, counties } = useGeography();
  const [q, setQ] = useState('');
  const [regionId, setRegionId] = useState('');
  const [countyId, setCountyId] = useState('');
  const [officeType, setOfficeType] = useState<OfficeType | ''>('');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<PageOf<OfficeView> | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);

  useEffect(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    if (q.trim()) params.set('q', q.trim());
    if (regionId) params.set('regionId', regionId);
    if (countyId) params.set('countyId', countyId);
    if (officeType) params.set('officeType', officeType);
    let current = true;
    auth.api
      .get<PageOf<OfficeView>>(`/offices?${params}`)
      .then((found) => current && setResult(found))
      .catch((caught: unknown) => current && setError(errorText(caught, t)));
    return () => {
      current = false;
    };
    // `t` only words an error.
  }, [auth, q, regionId, countyId, officeType, page]);

  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const shownCounties = regionId ? counties.filter((county) => county.region.id === regionId) : counties;

  return (
    <div className="admin-screen">
      <div className="screen-heading">
        <h1 ref={heading} tabIndex={-1}>
          {t('admin.offices.title')}
        </h1>
        <Link className="button-link" href={absolute(adminPath('offices', 'new'))} data-testid="new-office">
          {t('admin.offices.new')}
        </Link>
      </div>
      <form className="filters card" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="offices-q">{t('admin.offices.search')}</label>
          <input
            id="offices-q"
            type="search"
            value={q}
            onChange={(event) => filter(setQ)(event.target.value)}
            data-testid="offices-search"
          />
        </div>
        <div className="field">
          <label htmlFor="offices-region">{t('admin.offices.region')}</label>
          <select
            id="offices-region"
            value={regionId}
            onChange={(event) => {
              filter(setRegionId)(event.target.value);
              setCountyId('');
            }}
          >
            <option value="">{t('admin.all')}</option>
            {regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="offices-county">{t('admin.offices.county')}</label>
          <select id="offices-county" value={countyId} onChange={(event) => filter(setCountyId)(event.target.value)}>
            <option value="">{t('admin.all')}</option>
            {shownCounties.map((county) => (
              <option key={county.id} value={county.id}>
                {county.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="offices-type">{t('admin.offices.type')}</label>
          <select
            id="offices-type"
            value={officeType}
            onChange={(event) => filter(setOfficeType)(event.target.value as OfficeType | '')}
          >
            <option value="">{t('admin.all')}</option>
            {OFFICE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`admin.officeType.${type}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {error && <ErrorMessage error={error} />}
      {result === null ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <>
          <p role="status" className="hint">
            {t('admin.offices.count', { count: result.total })}
          </p>
          <table className="admin-table" data-testid="offices-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.offices.name')}</th>
                <th scope="col">{t('admin.offices.municipality')}</th>
                <th scope="col">{t('admin.offices.county')}</th>
                <th scope="col">{t('admin.offices.type')}</th>
                <th scope="col">{t('admin.offices.state')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((office) => (
                <tr key={office.id} data-testid="office-row">
                  <th scope="row">
                    <Link href={absolute(adminPath('offices', office.id))}>{office.name}</Link>
                  </th>
                  <td>{office.municipality}</td>
                  <td>{office.county.name}</td>
                  <td>{t(`admin.officeType.${office.officeType}`)}</td>
                  <td>{t(office.active ? 'admin.active' : 'admin.inactive')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} pageSize={PAGE_SIZE} total={result.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}
