import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { STAFF_ROLES, type StaffRole } from '@distans/contracts';
import { useI18n } from '@distans/web-ui/i18n';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import type { PageOf } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { errorText, type ErrorText } from '../errors';
import { absolute, adminPath } from '../routes';
import { useSession } from '../session';
import type { UserView } from './admin-api';
import { Pager } from './Pager';

const PAGE_SIZE = 25;

/** Handlers, interpreters, office staff and administrators. Every listing is audit-logged by the API. */
export function PeopleScreen() {
  const { t } = useI18n();
  const { auth } = useSession();
  const heading = useScreenHeading(t('admin.people.title'));
  const [role, setRole] = useState<StaffRole | ''>('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<PageOf<UserView> | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);

  useEffect(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    if (role) params.set('role', role);
    if (q.trim()) params.set('q', q.trim());
    let current = true;
    // Typing pauses before asking: each listing writes an audit row per person listed.
    const timer = setTimeout(() => {
      auth.api
        .get<PageOf<UserView>>(`/users?${params}`)
        .then((found) => current && setResult(found))
        .catch((caught: unknown) => current && setError(errorText(caught, t)));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `t` only words an error.
  }, [auth, role, q, page]);

  return (
    <div className="admin-screen">
      <div className="screen-heading">
        <h1 ref={heading} tabIndex={-1}>
          {t('admin.people.title')}
        </h1>
        <Link className="button-link" href={absolute(adminPath('people', 'new'))} data-testid="invite-person">
          {t('admin.people.invite')}
        </Link>
      </div>
      <form className="filters card" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="people-q">{t('admin.people.search')}</label>
          <input
            id="people-q"
            type="search"
            value={q}
            onChange={(event) => {
              setQ(event.target.value);
              setPage(1);
            }}
            data-testid="people-search"
          />
        </div>
        <div className="field">
          <label htmlFor="people-role">{t('admin.people.role')}</label>
          <select
            id="people-role"
            value={role}
            onChange={(event) => {
              setRole(event.target.value as StaffRole | '');
              setPage(1);
            }}
          >
            <option value="">{t('admin.all')}</option>
            {STAFF_ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`role.${option}`)}
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
            {t('admin.people.count', { count: result.total })}
          </p>
          <table className="admin-table" data-testid="people-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.people.name')}</th>
                <th scope="col">{t('admin.people.email')}</th>
                <th scope="col">{t('admin.people.role')}</th>
                <th scope="col">{t('admin.offices.state')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((user) => (
                <tr key={user.id} data-testid="person-row">
                  <th scope="row">
                    <Link href={absolute(adminPath('people', user.id))}>{user.displayName}</Link>
                  </th>
                  <td>{user.email}</td>
                  <td>{t(`role.${user.role}`)}</td>
                  <td>{t(user.active ? 'admin.active' : 'admin.inactive')}</td>
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
