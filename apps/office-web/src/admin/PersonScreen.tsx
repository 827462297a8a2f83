import { DateTime } from 'luxon';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { LANGUAGES, STAFF_ROLES, type AbsenceView, type Language, type StaffRole } from '@distans/contracts';
import { useAnnouncer } from '@distans/web-ui/Announcer';
import { dateTime, languageName } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import { staffName } from '../components/booking-text';
import { absolute, adminPath } from '../routes';
import { useSession } from '../session';
import type { CreatedUserView, PasswordCodeView, UserView } from './admin-api';
import { useCatalogue } from './AgenciesScreen';
import { controlId, Field, FieldProblems, SubmitError, useSubmit, type FieldErrors } from './form';
import { cellErrorsOf, hoursOf, weekOf, WeekHoursTable, type Week } from './WeekGrid';

const ZONE = 'Europe/Stockholm';

interface Draft {
  email: string;
  displayName: string;
  role: StaffRole;
  agencyId: string;
  caseTypeIds: string[];
  officeIds: string[];
  languages: Language[];
  week: Week;
}

function draftOf(user: UserView | null): Draft {
  return {
    email: user?.email ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'HANDLER',
    agencyId: user?.agencyId ?? '',
    caseTypeIds: user?.caseTypeIds ?? [],
    officeIds: user?.officeIds ?? [],
    languages: user?.languages ?? ['sv'],
    week: weekOf(user?.weeklyHours ?? []),
  };
}

/**
 * A code issued as a person was created, kept for the moment the screen moves to that person's
 * own address (a new screen), and shown there once.
 */
const justIssued = new Map<string, PasswordCodeView>();

/** A new colleague (invited with a one-time code) or an existing one: what they do, when, and their account. */
export function PersonScreen(props: { userId: string | null }) {
  const { t, locale } = useI18n();
  const { auth, offices } = useSession();
  const { announce } = useAnnouncer();
  const [, navigate] = useLocation();
  const { agencies, caseTypes } = useCatalogue();
  const [user, setUser] = useState<UserView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(props.userId ? null : draftOf(null));
  const [code, setCode] = useState<{ kind: 'invitation' | 'reset'; view: PasswordCodeView } | null>(() => {
    const issued = props.userId ? justIssued.get(props.userId) : undefined;
    if (props.userId) justIssued.delete(props.userId);
    return issued ? { kind: 'invitation', view: issued } : null;
  });
  const [sent, setSent] = useState<Map<number, string>>(new Map());
  const [officeFilter, setOfficeFilter] = useState('');
  const { busy, error, fields, run } = useSubmit();
  const title = user ? user.displayName : t('admin.people.invite');
  const heading = useScreenHeading(title);

  useEffect(() => {
    if (!props.userId) return;
    void auth.api.get<UserView>(`/users/${props.userId}`).then((found) => {
      setUser(found);
      setDraft(draftOf(found));
    });
  }, [auth, props.userId]);

  if (!draft) return <p className="loading">{t('common.loading')}</p>;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const toggle = <T extends string>(list: T[], item: T, on: boolean): T[] =>
    on ? [...list, item] : list.filter((other) => other !== item);
  const isHandler = draft.role === 'HANDLER';
  const works = draft.role === 'HANDLER' || draft.role === 'INTERPRETER';

  const body = () => {
    const { hours, cell } = hoursOf(draft.week);
    setSent(cell);
    return {
      displayName: draft.displayName,
      ...(isHandler ? { caseTypeIds: draft.caseTypeIds } : {}),
      ...(draft.role === 'OFFICE_STAFF' ? { officeIds: draft.officeIds } : {}),
      ...(works ? { languages: draft.languages, weeklyHours: hours } : {}),
    };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let created: CreatedUserView | null = null;
    const ok = await run(async () => {
      if (user) setUser(await auth.api.patch<UserView>(`/users/${user.id}`, body()));
      else
        created = await auth.api.post<CreatedUserView>('/users', {
          email: draft.email,
          role: draft.role,
          ...(isHandler ? { agencyId: draft.agencyId || undefined } : {}),
          ...body(),
        });
    });
    if (!ok) return;
    announce(t('admin.saved'));
    const made = created as CreatedUserView | null;
    if (made) {
      if (made.invitation) justIssued.set(made.id, made.invitation);
      navigate(absolute(adminPath('people', made.id)), { replace: true });
    }
  };

  const setActive = async (active: boolean) => {
    if (!user) return;
    if (await run(async () => setUser(await auth.api.patch<UserView>(`/users/${user.id}`, { active }))))
      announce(t(active ? 'admin.people.activated' : 'admin.people.deactivated', { name: user.displayName }));
  };
  const reset = async () => {
    if (!user) return;
    await run(async () =>
      setCode({ kind: 'reset', view: await auth.api.post<PasswordCodeView>(`/users/${user.id}/password-reset`) }),
    );
  };

  const agencyCaseTypes = caseTypes.filter((caseType) => caseType.agency.id === draft.agencyId);
  const shownOffices = offices.filter((office) => office.name.toLowerCase().includes(officeFilter.toLowerCase()));

  return (
    <div className="admin-screen">
      <h1 ref={heading} tabIndex={-1}>
        {title}
        {user && (
          <span className="heading-sub">
            {t(`role.${user.role}`)} · {user.email} · {t(user.active ? 'admin.active' : 'admin.inactive')}
          </span>
        )}
      </h1>
      {code && <PasswordCode kind={code.kind} view={code.view} />}
      <div className="two-columns wide-first">
        <form className="card admin-form" noValidate onSubmit={(event) => void submit(event)} data-testid="person-form">
          <SubmitError error={error} />
          {!user && (
            <>
              <Field path="email" label={t('admin.people.email')} errors={fields}>
                {(control) => (
                  <input
                    {...control}
                    type="email"
                    autoComplete="off"
                    value={draft.email}
                    onChange={(event) => set('email', event.target.value)}
                  />
                )}
              </Field>
              <Field path="role" label={t('admin.people.role')} errors={fields}>
                {(control) => (
                  <select
                    {...control}
                    value={draft.role}
                    onChange={(event) => set('role', event.target.value as StaffRole)}
                  >
                    {STAFF_ROLES.map((option) => (
                      <option key={option} value={option}>
                        {t(`role.${option}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </>
          )}
          <Field path="displayName" label={t('admin.people.name')} errors={fields}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={draft.displayName}
                onChange={(event) => set('displayName', event.target.value)}
              />
            )}
          </Field>
          {isHandler && (
            <Field path="agencyId" label={t('admin.people.agency')} errors={fields}>
              {(control) => (
                <select
                  {...control}
                  value={draft.agencyId}
                  disabled={Boolean(user)}
                  onChange={(event) => setDraft({ ...draft, agencyId: event.target.value, caseTypeIds: [] })}
                >
                  <option value="">{t('admin.choose')}</option>
                  {agencies.map((agency) => (
                    <option key={agency.id} value={agency.id}>
                      {staffName(agency, locale)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {isHandler && (
            <fieldset data-testid="case-types">
              <legend>{t('admin.people.caseTypes')}</legend>
              {agencyCaseTypes.length === 0 && <p className="hint">{t('admin.people.chooseAgency')}</p>}
              {agencyCaseTypes.map((caseType) => (
                <div className="choice" key={caseType.id}>
                  <input
                    type="checkbox"
                    id={controlId(`caseType-${caseType.id}`)}
                    checked={draft.caseTypeIds.includes(caseType.id)}
                    onChange={(event) =>
                      set('caseTypeIds', toggle(draft.caseTypeIds, caseType.id, event.target.checked))
                    }
                  />
                  <label htmlFor={controlId(`caseType-${caseType.id}`)}>{staffName(caseType, locale)}</label>
                </div>
              ))}
              <FieldProblems path="caseTypeIds" errors={fields} />
            </fieldset>
          )}
          {draft.role === 'OFFICE_STAFF' && (
            <fieldset>
              <legend>{t('admin.people.offices')}</legend>
              <div className="field">
                <label htmlFor="person-office-filter">{t('admin.people.officeFilter')}</label>
                <input
                  id="person-office-filter"
                  type="search"
                  value={officeFilter}
                  onChange={(event) => setOfficeFilter(event.target.value)}
                />
              </div>
              <div className="scroll-list">
                {shownOffices.map((office) => (
                  <div className="choice" key={office.id}>
                    <input
                      type="checkbox"
                      id={controlId(`office-${office.id}`)}
                      checked={draft.officeIds.includes(office.id)}
                      onChange={(event) => set('officeIds', toggle(draft.officeIds, office.id, event.target.checked))}
                    />
                    <label htmlFor={controlId(`office-${office.id}`)}>{office.name}</label>
                  </div>
                ))}
              </div>
              <FieldProblems path="officeIds" errors={fields} />
            </fieldset>
          )}
          {works && (
            <fieldset className="languages">
              <legend>{t('admin.people.languages')}</legend>
              {LANGUAGES.map((language) => (
                <span className="choice" key={language}>
                  <input
                    type="checkbox"
                    id={controlId(`language-${language}`)}
                    checked={draft.languages.includes(language)}
                    onChange={(event) => set('languages', toggle(draft.languages, language, event.target.checked))}
                  />
                  <label htmlFor={controlId(`language-${language}`)}>{languageName(language, locale)}</label>
                </span>
              ))}
              <FieldProblems path="languages" errors={fields} />
            </fieldset>
          )}
          {works && (
            <fieldset>
              <legend>{t('admin.people.weeklyHours')}</legend>
              <FieldProblems path="weeklyHours" errors={fields} />
              <WeekHoursTable
                week={draft.week}
                onChange={(week) => set('week', week)}
                errors={cellErrorsOf(fields, sent)}
              />
            </fieldset>
          )}
          <button type="submit" disabled={busy} data-testid="person-save">
            {user ? t('admin.save') : t('admin.people.sendInvite')}
          </button>
        </form>
        {user && (
          <div className="side-stack">
            <section className="card" aria-labelledby="account-heading">
              <h2 id="account-heading">{t('admin.people.account')}</h2>
              <p className="hint">{t('admin.people.accountHint')}</p>
              <div className="actions">
                {user.active ? (
                  <button type="button" className="danger" disabled={busy} onClick={() => void setActive(false)}>
                    {t('admin.people.deactivate')}
                  </button>
                ) : (
                  <button type="button" disabled={busy} onClick={() => void setActive(true)}>
                    {t('admin.people.activate')}
                  </button>
                )}
                <button type="button" className="secondary" disabled={busy} onClick={() => void reset()}>
                  {t('admin.people.resetPassword')}
                </button>
              </div>
            </section>
            {(user.role === 'HANDLER' || user.role === 'INTERPRETER') && <Absences user={user} />}
          </div>
        )}
      </div>
    </div>
  );
}

/** Shown once: the code and the link the person uses to choose their password. */
function PasswordCode(props: { kind: 'invitation' | 'reset'; view: PasswordCodeView }) {
  const { t, locale } = useI18n();
  const link = `${window.location.origin}${props.view.path}`;
  return (
    <section className="banner ok password-code" role="status" data-testid="password-code">
      <p>{t(`admin.people.code.${props.kind}`)}</p>
      <p className="code" data-testid="password-code-value">
        {props.view.code}
      </p>
      <p>
        {t('admin.people.code.link')} <code data-testid="password-code-link">{link}</code>
      </p>
      <p className="hint">{t('admin.people.code.expires', { at: dateTime(props.view.expiresAt, ZONE, locale) })}</p>
    </section>
  );
}

function Absences(props: { user: UserView }) {
  const { t, locale } = useI18n();
  const { auth } = useSession();
  const [absences, setAbsences] = useState<AbsenceView[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, fields, run } = useSubmit();
  const load = useCallback(async () => {
    setAbsences(await auth.api.get<AbsenceView[]>(`/users/${props.user.id}/absences`));
  }, [auth, props.user.id]);
  useEffect(() => {
    void load();
  }, [load]);
  const instant = (local: string) => (local ? (DateTime.fromISO(local, { zone: ZONE }).toISO() ?? local) : '');
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (
      await run(() =>
        auth.api.post(`/users/${props.user.id}/absences`, {
          startsAt: instant(from),
          endsAt: instant(to),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        }),
      )
    ) {
      setReason('');
      await load();
    }
  };
  const errors: FieldErrors = fields;
  return (
    <section className="card" aria-labelledby="absences-heading">
      <h2 id="absences-heading">{t('admin.people.absences')}</h2>
      {absences.length === 0 && <p className="empty">{t('admin.people.noAbsences')}</p>}
      <ul className="absence-list">
        {absences.map((absence) => (
          <li key={absence.id}>
            {dateTime(absence.startsAt, ZONE, locale)} – {dateTime(absence.endsAt, ZONE, locale)}
            {absence.reason && ` · ${absence.reason}`}{' '}
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void run(() => auth.api.delete(`/users/${props.user.id}/absences/${absence.id}`)).then(load)
              }
            >
              {t('admin.people.removeAbsence')}
            </button>
          </li>
        ))}
      </ul>
      <form className="admin-form" noValidate onSubmit={(event) => void add(event)}>
        <SubmitError error={error} />
        <Field path="startsAt" label={t('admin.people.absenceFrom')} errors={errors}>
          {(control) => (
            <input {...control} type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
          )}
        </Field>
        <Field path="endsAt" label={t('admin.people.absenceTo')} errors={errors}>
          {(control) => (
            <input {...control} type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} />
          )}
        </Field>
        <Field path="reason" label={t('admin.people.absenceReason')} errors={errors}>
          {(control) => (
            <input {...control} type="text" value={reason} onChange={(event) => setReason(event.target.value)} />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {t('admin.people.addAbsence')}
        </button>
      </form>
    </section>
  );
}
