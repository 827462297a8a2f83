import { DateTime } from 'luxon';
import { useEffect, useState, type FormEvent } from 'react';
import { useAnnouncer } from '@distans/web-ui/Announcer';
import { dateTime } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import type { PageOf } from '../api';
import { useSession } from '../session';
import type { AuditView, UserView } from './admin-api';
import { Field, SubmitError, useSubmit } from './form';
import { Pager } from './Pager';
import { saveDownload } from '@distans/web-ui/save-download';

const ZONE = 'Europe/Stockholm';
const PAGE_SIZE = 50;
/** What the log mostly records, offered as suggestions; any action can be typed. */
const COMMON_ACTIONS = [
  'user.read',
  'user.create',
  'user.update',
  'user.password-reset',
  'booking.contact.read',
  'booking.cancel',
  'booking.check-in',
  'office.update',
  'office.exception.put',
  'room.update',
  'auth.login',
  'audit.read',
  'audit.export',
];
const RESOURCE_TYPES = ['user', 'booking', 'office', 'room', 'room-device', 'agency', 'case-type', 'audit'];

interface Filters {
  actorId: string;
  action: string;
  resourceType: string;
  resourceId: string;
  from: string;
  to: string;
}

const NONE: Filters = { actorId: '', action: '', resourceType: '', resourceId: '', from: '', to: '' };

/** The API's query: days are office-local (Stockholm), `to` includes its whole day. */
function queryOf(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.actorId) params.set('actorId', filters.actorId);
  if (filters.action.trim()) params.set('action', filters.action.trim());
  if (filters.resourceType) params.set('resourceType', filters.resourceType);
  if (filters.resourceId.trim()) params.set('resourceId', filters.resourceId.trim());
  if (filters.from) params.set('from', DateTime.fromISO(filters.from, { zone: ZONE }).toUTC().toISO()!);
  if (filters.to) params.set('to', DateTime.fromISO(filters.to, { zone: ZONE }).plus({ days: 1 }).toUTC().toISO()!);
  return params;
}

/** Who read or changed what, and when: filtered, paged, exported as CSV. Reading it is audited too. */
export function AuditScreen() {
  const { t, locale } = useI18n();
  const { auth } = useSession();
  const { announce } = useAnnouncer();
  const heading = useScreenHeading(t('admin.audit.title'));
  const [draft, setDraft] = useState<Filters>(NONE);
  const [filters, setFilters] = useState<Filters>(NONE);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<PageOf<AuditView> | null>(null);
  const [personQuery, setPersonQuery] = useState('');
  const [people, setPeople] = useState<UserView[]>([]);
  const { busy, error, fields, run } = useSubmit();

  useEffect(() => {
    const params = queryOf(filters);
    params.set('page', String(page));
    params.set('pageSize', String(PAGE_SIZE));
    void run(async () => setResult(await auth.api.get<PageOf<AuditView>>(`/audit?${params}`)));
  }, [auth, filters, page, run]);

  const findPeople = async () => {
    if (personQuery.trim().length < 2) return;
    await run(async () => {
      const page = await auth.api.get<PageOf<UserView>>(
        `/users?q=${encodeURIComponent(personQuery.trim())}&pageSize=20`,
      );
      setPeople(page.items);
    });
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setFilters({ ...draft });
  };

  const exportCsv = async () => {
    await run(async () => {
      const { blob, filename } = await auth.api.download(`/audit/export?${queryOf(filters)}`);
      saveDownload(blob, filename ?? 'distans-audit.csv');
      announce(t('admin.audit.exported'));
    });
  };

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setDraft({ ...draft, [key]: value });
  return (
    <div className="admin-screen">
      <h1 ref={heading} tabIndex={-1}>
        {t('admin.audit.title')}
      </h1>
      <p className="hint">{t('admin.audit.hint')}</p>
      <form
        className="card filters audit-filters"
        noValidate
        onSubmit={apply}
        role="search"
        data-testid="audit-filters"
      >
        <div className="field person-find">
          <label htmlFor="audit-person-q">{t('admin.audit.person')}</label>
          <div className="inline">
            <input
              id="audit-person-q"
              type="search"
              value={personQuery}
              onChange={(event) => setPersonQuery(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  void findPeople();
                }
              }}
              data-testid="audit-person-query"
            />
            <button
              type="button"
              className="secondary"
              onClick={() => void findPeople()}
              data-testid="audit-person-find"
            >
              {t('admin.audit.find')}
            </button>
          </div>
        </div>
        <Field path="actorId" label={t('admin.audit.chosenPerson')} errors={fields}>
          {(control) => (
            <select
              {...control}
              value={draft.actorId}
              onChange={(event) => set('actorId', event.target.value)}
              data-testid="audit-person"
            >
              <option value="">{t('admin.audit.anyone')}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName} ({person.email})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path="action" label={t('admin.audit.action')} errors={fields}>
          {(control) => (
            <>
              <input
                {...control}
                type="text"
                list="audit-actions"
                value={draft.action}
                onChange={(event) => set('action', event.target.value)}
                data-testid="audit-action"
              />
              <datalist id="audit-actions">
                {COMMON_ACTIONS.map((action) => (
                  <option key={action} value={action} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field path="resourceType" label={t('admin.audit.resourceType')} errors={fields}>
          {(control) => (
            <select
              {...control}
              value={draft.resourceType}
              onChange={(event) => set('resourceType', event.target.value)}
            >
              <option value="">{t('admin.all')}</option>
              {RESOURCE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path="resourceId" label={t('admin.audit.resourceId')} errors={fields}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={draft.resourceId}
              onChange={(event) => set('resourceId', event.target.value)}
            />
          )}
        </Field>
        <Field path="from" label={t('admin.audit.from')} errors={fields}>
          {(control) => (
            <input {...control} type="date" value={draft.from} onChange={(event) => set('from', event.target.value)} />
          )}
        </Field>
        <Field path="to" label={t('admin.audit.to')} errors={fields}>
          {(control) => (
            <input {...control} type="date" value={draft.to} onChange={(event) => set('to', event.target.value)} />
          )}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy} data-testid="audit-apply">
            {t('admin.audit.apply')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void exportCsv()}
            data-testid="audit-export"
          >
            {t('admin.audit.export')}
          </button>
        </div>
      </form>
      <SubmitError error={error} />
      {result && (
        <>
          <p role="status" className="hint" data-testid="audit-count">
            {t('admin.audit.count', { count: result.total })}
          </p>
          <div className="table-scroll">
            <table className="admin-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.at')}</th>
                  <th scope="col">{t('admin.audit.person')}</th>
                  <th scope="col">{t('admin.audit.action')}</th>
                  <th scope="col">{t('admin.audit.resource')}</th>
                  <th scope="col">{t('admin.audit.client')}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((row) => (
                  <tr key={row.id} data-testid="audit-row" data-action={row.action}>
                    <td>{dateTime(row.at, ZONE, locale)}</td>
                    <td>
                      {row.actorName ?? row.actorId ?? '–'} <span className="hint">{row.actorRole}</span>
                    </td>
                    <td>
                      <code>{row.action}</code>
                    </td>
                    <td>
                      {row.resourceType}
                      {row.resourceId && <span className="hint ident"> {row.resourceId}</span>}
                    </td>
                    <td className="hint">{row.clientIp ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pageSize={PAGE_SIZE} total={result.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}
