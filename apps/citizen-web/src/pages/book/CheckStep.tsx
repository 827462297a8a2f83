import { useState } from 'react';
import { Link, Redirect, useLocation } from 'wouter';
import { NOTIFICATION_LOCALES, type NotificationLocale } from '@distans/contracts';
import { clock, dateInZone, longDate, nativeLanguageName } from '@distans/web-ui/format';
import { useI18n } from '@distans/web-ui/i18n';
import { api, type CreatedBooking } from '../../api';
import { clearAnswers, rememberCode, rememberConfirmed, setAnswers, type Answers } from '../../answers';
import { ErrorSummary, Page, type FieldError } from '../../components/ui';
import { INTERPRETER_REFUSALS, isOneOf, NEVER_REFUSALS, refusalOf, TIME_REFUSALS } from '../../errors';
import { addressText, nameIn } from '../../office-text';
import { CONFIRMATION_PATH, stepPath, STEPS } from '../../routes';
import { useStep } from './step';
import { SummaryList, type SummaryRow } from './summary';

/** Which question a field the API refused belongs to. */
const FIELD_STEPS: Record<string, { step: (typeof STEPS)[number]; id: string }> = {
  'citizen.name': { step: 'contact', id: 'contact-name' },
  'citizen.phone': { step: 'contact', id: 'contact-phone' },
  'citizen.email': { step: 'contact', id: 'contact-email' },
  interpreter: { step: 'language', id: 'language-search' },
  language: { step: 'language', id: 'language-search' },
  start: { step: 'time', id: 'times' },
};

function bookingLocale(locale: string): NotificationLocale {
  return (NOTIFICATION_LOCALES as readonly string[]).includes(locale) ? (locale as NotificationLocale) : 'en';
}

export default function CheckStep() {
  const { t, locale } = useI18n();
  const { answers, missing, back } = useStep('check');
  const [, navigate] = useLocation();
  const [errors, setErrors] = useState<(FieldError & { href?: string })[]>([]);
  const [sending, setSending] = useState(false);
  if (missing) return <Redirect to={stepPath(missing)} replace />;
  const { caseType, office, start, language } = answers as Required<
    Pick<Answers, 'caseType' | 'office' | 'start' | 'language'>
  > &
    Answers;

  const confirm = async () => {
    setSending(true);
    setErrors([]);
    try {
      const booking = await api.post<CreatedBooking>('/bookings', {
        caseTypeId: caseType.id,
        officeId: office.id,
        start,
        language,
        ...(language === 'sv' || language === 'sgn-se' ? {} : { interpreter: answers.interpreter ?? false }),
        accessibilityNeeds: answers.accessibilityNeeds ?? [],
        ...(answers.accessibilityNote ? { accessibilityNote: answers.accessibilityNote } : {}),
        citizen: {
          name: answers.name,
          ...(answers.phone ? { phone: answers.phone } : {}),
          ...(answers.email ? { email: answers.email } : {}),
        },
        locale: bookingLocale(locale),
      });
      rememberCode(booking.reference, booking.manageToken);
      rememberConfirmed(booking.reference);
      clearAnswers();
      navigate(CONFIRMATION_PATH);
    } catch (error) {
      setSending(false);
      const refusal = refusalOf(error, t);
      if (isOneOf(refusal.code, TIME_REFUSALS)) {
        // Every answer stays; only the time goes, and When offers the nearest free ones.
        setAnswers({ start: undefined });
        navigate(`${stepPath('time')}?from=check&refused=${refusal.code}&near=${encodeURIComponent(start)}`);
        return;
      }
      const fieldErrors = Object.entries(refusal.fields).flatMap(([field, messages]) => {
        const target = FIELD_STEPS[field];
        return target
          ? [
              {
                text: isOneOf(refusal.code, INTERPRETER_REFUSALS) ? refusal.text : messages.join(' '),
                href: stepPath(target.step, { fromCheck: true }),
              },
            ]
          : [];
      });
      if (fieldErrors.length) return setErrors(fieldErrors);
      if (isOneOf(refusal.code, NEVER_REFUSALS))
        return setErrors([{ text: refusal.text, href: stepPath('time', { fromCheck: true }) }]);
      setErrors([{ text: refusal.text }]);
    }
  };

  const zone = office.timeZone;
  const localDate = dateInZone(start, zone);
  const agency = nameIn(caseType.agency, locale);
  const caseName = nameIn(caseType, locale);
  const change = (step: (typeof STEPS)[number]) => stepPath(step, { fromCheck: true });
  const rows: SummaryRow[] = [
    {
      key: 'agency',
      label: t('check.agency'),
      value: <span lang={agency.lang}>{agency.text}</span>,
      change: change('agency'),
    },
    {
      key: 'case-type',
      label: t('check.caseType'),
      value: (
        <>
          <span lang={caseName.lang}>{caseName.text}</span> –{' '}
          {t('caseType.duration', { minutes: caseType.durationMin })}
        </>
      ),
      change: change('case-type'),
    },
    {
      key: 'office',
      label: t('check.office'),
      value: (
        <>
          {office.name}
          <br />
          {addressText(office.address)}
        </>
      ),
      change: change('office'),
    },
    {
      key: 'language',
      label: t('check.language'),
      value: `${nativeLanguageName(language)}${answers.interpreter ? ` – ${t('check.withInterpreter')}` : ''}`,
      change: change('language'),
    },
    {
      key: 'access',
      label: t('check.access'),
      value: answers.accessibilityNeeds?.length
        ? [...answers.accessibilityNeeds.map((need) => t(`access.need.${need}`)), answers.accessibilityNote]
            .filter(Boolean)
            .join(', ')
        : answers.accessibilityNote || t('check.noNeeds'),
      change: change('access'),
    },
    {
      key: 'time',
      label: t('check.time'),
      value: (
        <>
          {t('when.timeLabel', { time: clock(start, zone, locale), day: longDate(localDate, locale) })}
          <br />
          <span className="hint">{t('when.zoneNote', { zone })}</span>
        </>
      ),
      change: change('time'),
    },
    { key: 'name', label: t('contact.name'), value: answers.name, change: change('contact') },
    { key: 'phone', label: t('contact.phone'), value: answers.phone || t('check.notGiven'), change: change('contact') },
    { key: 'email', label: t('contact.email'), value: answers.email || t('check.notGiven'), change: change('contact') },
  ];

  return (
    <Page
      title={t('check.title')}
      back={back}
      caption={t('flow.progress', { step: STEPS.length, count: STEPS.length })}
    >
      <ErrorSummaryWithLinks errors={errors} />
      <SummaryList rows={rows} />
      <h2>{t('check.sendTitle')}</h2>
      <p>{t('check.sendText')}</p>
      <div className="actions">
        <button type="button" onClick={() => void confirm()} disabled={sending} data-testid="confirm-booking">
          {sending ? t('check.sending') : t('check.confirm')}
        </button>
      </div>
    </Page>
  );
}

/** The refusals at Confirm: each links to the question that can put it right. */
function ErrorSummaryWithLinks(props: { errors: (FieldError & { href?: string })[] }) {
  const { t } = useI18n();
  if (!props.errors.some((error) => error.href)) return <ErrorSummary errors={props.errors} />;
  return (
    <div className="error-summary" role="alert" data-testid="error-summary">
      <h2>{t('errors.title')}</h2>
      <ul>
        {props.errors.map((error) => (
          <li key={error.text}>
            {error.text} {error.href && <Link href={error.href}>{t('check.change')}</Link>}
          </li>
        ))}
      </ul>
    </div>
  );
}
