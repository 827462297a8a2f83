import { useState } from 'react';
import { useI18n } from '@distans/web-ui/i18n';
import { setAnswers } from '../../answers';
import { InlineError } from '../../components/ui';
import { QuestionPage, useStep } from './step';

// The same rules as the API's (apps/api/src/bookings/dto/create-booking.dto.ts), checked here first
// so that the visitor hears at once; the API's own `details` are shown the same way at Confirm.
const PHONE = /^\+?[0-9][0-9 ()-]{5,24}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A name or initials, and where to send the confirmation. Never a personal identity number. */
export default function ContactStep() {
  const { t } = useI18n();
  const { answers, goOn } = useStep('contact');
  const [name, setName] = useState(answers.name ?? '');
  const [phone, setPhone] = useState(answers.phone ?? '');
  const [email, setEmail] = useState(answers.email ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const onContinue = () => {
    const found: Record<string, string> = {};
    if (!name.trim()) found['contact-name'] = t('contact.nameRequired');
    if (phone.trim() && !PHONE.test(phone.trim())) found['contact-phone'] = t('contact.phoneInvalid');
    if (email.trim() && !EMAIL.test(email.trim())) found['contact-email'] = t('contact.emailInvalid');
    setErrors(found);
    if (Object.keys(found).length) return;
    setAnswers({ name: name.trim(), phone: phone.trim() || undefined, email: email.trim() || undefined });
    goOn();
  };

  const field = (
    id: string,
    label: string,
    hint: string,
    value: string,
    set: (value: string) => void,
    type: string,
    autoComplete: string,
  ) => (
    <div className={errors[id] ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <InlineError id={`${id}-error`} text={errors[id]} />
      <input
        id={id}
        type={type}
        className="wide"
        value={value}
        autoComplete={autoComplete}
        onChange={(event) => set(event.target.value)}
        aria-invalid={errors[id] ? true : undefined}
        aria-describedby={errors[id] ? `${id}-hint ${id}-error` : `${id}-hint`}
        data-testid={id}
      />
    </div>
  );

  return (
    <QuestionPage
      step="contact"
      title={t('contact.title')}
      errors={Object.entries(errors).map(([field, text]) => ({ field, text }))}
      onContinue={onContinue}
    >
      <p>{t('contact.intro')}</p>
      {field('contact-name', t('contact.name'), t('contact.nameHint'), name, setName, 'text', 'name')}
      {field('contact-phone', t('contact.phone'), t('contact.phoneHint'), phone, setPhone, 'tel', 'tel')}
      {field('contact-email', t('contact.email'), t('contact.emailHint'), email, setEmail, 'email', 'email')}
    </QuestionPage>
  );
}
