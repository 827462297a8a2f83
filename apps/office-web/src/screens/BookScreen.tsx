import { useEffect, useMemo, useState, type FormEvent } from 'react';
import {
  ACCESSIBILITY_NEEDS,
  interpreterRule,
  LANGUAGES,
  NOTIFICATION_LOCALES,
  type AccessibilityNeed,
  type Language,
} from '@distans/contracts';
import { dateInZone, languageName, longDate, shiftDate } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import type { AvailabilityView, CaseTypeOption, CreatedBooking, OfficeSummary, PageOf } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Slip } from '../components/Slip';
import { errorText, type ErrorText } from '../errors';
import { useSession } from '../session';

/** How far ahead the desk looks for free times: two weeks covers the offices that open once a week. */
const SEARCH_DAYS = 14;
/** Times listed per day under the next free one; the rest are a scroll away. */
const TIMES_PER_DAY = 12;

interface Slot {
  start: string;
  local: string;
  date: string;
}

/**
 * Booking for a visitor who walks in or phones: the errand, then the next free time at this office
 * (chosen with one press), then who the visitor is. Afterwards, the slip to print.
 */
export function BookScreen(props: { office: OfficeSummary }) {
  const { t, locale } = useI18n();
  const { auth } = useSession();
  const heading = useScreenHeading(t('book.title'));
  const [caseTypes, setCaseTypes] = useState<CaseTypeOption[] | null>(null);
  const [caseTypeId, setCaseTypeId] = useState('');
  const [language, setLanguage] = useState<Language>('sv');
  const [interpreter, setInterpreter] = useState(false);
  // Swedish needs no interpreter and Swedish Sign Language always has one; other languages choose.
  const withInterpreter =
    interpreterRule(language) === 'always' || (interpreterRule(language) === 'optional' && interpreter);
  const [needs, setNeeds] = useState<AccessibilityNeed[]>([]);
  const [availability, setAvailability] = useState<AvailabilityView | null>(null);
  const [searching, setSearching] = useState(false);
  const [start, setStart] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [messageLocale, setMessageLocale] = useState<(typeof NOTIFICATION_LOCALES)[number]>('sv');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedBooking | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    auth.api
      .get<PageOf<CaseTypeOption>>('/case-types?active=true&pageSize=200')
      .then((page) => setCaseTypes(page.items))
      .catch((caught: unknown) => setError(errorText(caught, t)));
    // Read once: the list does not change during a visit at the desk (`t` only words the error).
  }, [auth]);

  const caseType = caseTypes?.find((candidate) => candidate.id === caseTypeId) ?? null;
  const byAgency = useMemo(() => {
    const groups = new Map<string, { name: string; items: CaseTypeOption[] }>();
    for (const item of caseTypes ?? []) {
      const agency = locale === 'sv' ? item.agency.nameSv : item.agency.nameEn;
      const group = groups.get(item.agency.id) ?? { name: agency, items: [] };
      group.items.push(item);
      groups.set(item.agency.id, group);
    }
    return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [caseTypes, locale]);

  useEffect(() => {
    setStart(null);
    setAvailability(null);
    if (!caseTypeId) return;
    const from = dateInZone(Date.now(), props.office.timeZone);
    const query = new URLSearchParams({
      caseType: caseTypeId,
      office: props.office.id,
      from,
      to: shiftDate(from, SEARCH_DAYS - 1),
      language,
      interpreter: String(withInterpreter),
    });
    if (needs.length) query.set('accessibility', needs.join(','));
    let current = true;
    setSearching(true);
    auth.api
      .get<AvailabilityView>(`/availability?${query.toString()}`)
      .then((found) => {
        if (!current) return;
        setAvailability(found);
        setError(null);
      })
      .catch((caught: unknown) => current && setError(errorText(caught, t)))
      .finally(() => current && setSearching(false));
    return () => {
      current = false;
    };
    // `t` only words an error: a change of language needs no new search.
  }, [auth, caseTypeId, language, withInterpreter, needs, props.office.id, props.office.timeZone, attempt]);

  const days = availability?.offices[0]?.days.filter((day) => day.slots.length > 0) ?? [];
  const first: Slot | null = days[0] ? { ...days[0].slots[0], date: days[0].date } : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!caseTypeId) problems.caseTypeId = t('book.error.caseType');
    if (!start) problems.start = t('book.error.start');
    if (!name.trim()) problems['citizen.name'] = t('book.error.name');
    setFieldErrors(problems);
    if (Object.keys(problems).length) {
      document.getElementById(FIELD_IDS[Object.keys(problems)[0]])?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const booking = await auth.api.post<CreatedBooking>(`/offices/${props.office.id}/bookings`, {
        caseTypeId,
        start,
        language,
        interpreter: withInterpreter,
        accessibilityNeeds: needs,
        citizen: {
          name: name.trim(),
          ...(phone.trim() ? { phone: phone.trim() } : {}),
          ...(email.trim() ? { email: email.trim() } : {}),
        },
        locale: messageLocale,
      });
      setCreated(booking);
    } catch (caught) {
      const text = errorText(caught, t);
      const fromServer = Object.fromEntries(
        Object.entries(text.fields).map(([field, messages]) => [field, messages.join(' ')]),
      );
      setFieldErrors(fromServer);
      setError(text);
      // The time may just have been taken: show what is free now.
      setAttempt((value) => value + 1);
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setCreated(null);
    setStart(null);
    setName('');
    setPhone('');
    setEmail('');
    setAttempt((value) => value + 1);
    heading.current?.focus();
  };

  if (created) {
    return (
      <div className="book-screen">
        <h1 className="no-print">
          {t('book.title')} <span className="heading-sub">{props.office.name}</span>
        </h1>
        <Slip booking={created} onDone={reset} />
      </div>
    );
  }

  const fieldError = (field: string) =>
    fieldErrors[field] ? (
      <p id={`${FIELD_IDS[field] ?? field}-error`} className="field-error">
        {fieldErrors[field]}
      </p>
    ) : null;
  const described = (field: string) => (fieldErrors[field] ? `${FIELD_IDS[field] ?? field}-error` : undefined);

  return (
    <div className="book-screen">
      <h1 ref={heading} tabIndex={-1}>
        {t('book.title')} <span className="heading-sub">{props.office.name}</span>
      </h1>
      {error && <ErrorMessage error={error} />}
      <form className="book-form" onSubmit={(event) => void submit(event)} noValidate data-testid="book-form">
        <fieldset className="card">
          <legend>{t('book.errand')}</legend>
          <div className="field">
            <label htmlFor="book-case-type">{t('book.caseType')}</label>
            <select
              id="book-case-type"
              value={caseTypeId}
              onChange={(event) => setCaseTypeId(event.target.value)}
              aria-invalid={fieldErrors.caseTypeId ? true : undefined}
              aria-describedby={described('caseTypeId')}
              data-testid="book-case-type"
            >
              <option value="">{caseTypes ? t('book.chooseCaseType') : t('common.loading')}</option>
              {byAgency.map((group) => (
                <optgroup key={group.name} label={group.name}>
                  {group.items.map((item) => (
                    <option key={item.id} value={item.id}>
                      {locale === 'sv' ? item.nameSv : item.nameEn} ({t('book.minutes', { minutes: item.durationMin })})
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            {fieldError('caseTypeId')}
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="book-language">{t('book.language')}</label>
              <select
                id="book-language"
                value={language}
                onChange={(event) => setLanguage(event.target.value as Language)}
              >
                {LANGUAGES.map((code) => (
                  <option key={code} value={code}>
                    {languageName(code, locale)}
                  </option>
                ))}
              </select>
            </div>
            <label className="checkbox" htmlFor="book-interpreter">
              <input
                id="book-interpreter"
                type="checkbox"
                checked={withInterpreter}
                disabled={interpreterRule(language) !== 'optional' || (caseType ? !caseType.interpreterAllowed : false)}
                onChange={(event) => setInterpreter(event.target.checked)}
              />
              {t('book.interpreter')}
            </label>
            {ACCESSIBILITY_NEEDS.map((need) => (
              <label key={need} className="checkbox" htmlFor={`book-need-${need}`}>
                <input
                  id={`book-need-${need}`}
                  type="checkbox"
                  checked={needs.includes(need)}
                  onChange={(event) =>
                    setNeeds((previous) =>
                      event.target.checked ? [...previous, need] : previous.filter((n) => n !== need),
                    )
                  }
                />
                {t(`needs.${need}`)}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className="card" aria-describedby={described('start')} id="book-times">
          <legend>{t('book.time')}</legend>
          {!caseTypeId && <p className="hint">{t('book.timeHint')}</p>}
          {caseTypeId && searching && <p className="loading">{t('book.searching')}</p>}
          {caseTypeId && !searching && availability && !first && (
            <p className="empty">{t('book.noTimes', { days: SEARCH_DAYS })}</p>
          )}
          {first && (
            <button
              type="button"
              id="book-start"
              className={`next-free${start === first.start ? ' is-chosen' : ''}`}
              aria-pressed={start === first.start}
              onClick={() => setStart(first.start)}
              data-testid="next-free-time"
            >
              <span className="next-free-label">{t('book.nextFree')}</span>
              <span className="next-free-time">
                {longDate(first.date, locale)} {first.local}
              </span>
            </button>
          )}
          {days.length > 0 && (
            <details className="more-times">
              <summary>{t('book.otherTimes')}</summary>
              {days.map((day) => (
                <div key={day.date} className="day-times" role="group" aria-label={longDate(day.date, locale)}>
                  <p className="day-times-date">{longDate(day.date, locale)}</p>
                  <ul className="slot-list">
                    {day.slots.slice(0, TIMES_PER_DAY).map((slot) => (
                      <li key={slot.start}>
                        <button
                          type="button"
                          className="secondary"
                          aria-pressed={start === slot.start}
                          onClick={() => setStart(slot.start)}
                        >
                          {slot.local}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </details>
          )}
          {fieldError('start')}
        </fieldset>

        <fieldset className="card">
          <legend>{t('book.visitor')}</legend>
          <div className="field-row">
            <div className="field">
              <label htmlFor="book-name">{t('book.name')}</label>
              <input
                id="book-name"
                value={name}
                onChange={(event) => setName(event.target.value)}
                autoComplete="off"
                aria-invalid={fieldErrors['citizen.name'] ? true : undefined}
                aria-describedby={described('citizen.name')}
                data-testid="book-name"
              />
              {fieldError('citizen.name')}
            </div>
            <div className="field">
              <label htmlFor="book-phone">{t('book.phone')}</label>
              <input
                id="book-phone"
                type="tel"
                value={phone}
                onChange={(event) => setPhone(event.target.value)}
                autoComplete="off"
                aria-invalid={fieldErrors['citizen.phone'] ? true : undefined}
                aria-describedby={described('citizen.phone')}
              />
              {fieldError('citizen.phone')}
            </div>
            <div className="field">
              <label htmlFor="book-email">{t('book.email')}</label>
              <input
                id="book-email"
                type="email"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                autoComplete="off"
                aria-invalid={fieldErrors['citizen.email'] ? true : undefined}
                aria-describedby={described('citizen.email')}
              />
              {fieldError('citizen.email')}
            </div>
            <div className="field">
              <label htmlFor="book-locale">{t('book.messageLanguage')}</label>
              <select
                id="book-locale"
                value={messageLocale}
                onChange={(event) => setMessageLocale(event.target.value as (typeof NOTIFICATION_LOCALES)[number])}
              >
                {NOTIFICATION_LOCALES.map((code) => (
                  <option key={code} value={code}>
                    {languageName(code, locale)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="hint">{t('book.contactHint')}</p>
        </fieldset>
        <button type="submit" disabled={busy} data-testid="book-submit">
          {t('book.submit')}
        </button>
      </form>
    </div>
  );
}

/** The form control each server-side field path belongs to. */
const FIELD_IDS: Record<string, string> = {
  caseTypeId: 'book-case-type',
  start: 'book-start',
  'citizen.name': 'book-name',
  'citizen.phone': 'book-phone',
  'citizen.email': 'book-email',
};
