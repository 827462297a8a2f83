import { useState } from 'react';
import { useI18n } from '@distans/web-ui/i18n';
import { setAnswers } from '../../answers';
import { TextField } from '../../components/ui';
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

  return (
    <QuestionPage
      step="contact"
      title={t('contact.title')}
      errors={Object.entries(errors).map(([field, text]) => ({ field, text }))}
      onContinue={onContinue}
    >
      <p>{t('contact.intro')}</p>
      <TextField
        id="contact-name"
        label={t('contact.name')}
        hint={t('contact.nameHint')}
        value={name}
        onChange={setName}
        error={errors['contact-name']}
        autoComplete="name"
        wide
      />
      <TextField
        id="contact-phone"
        label={t('contact.phone')}
        hint={t('contact.phoneHint')}
        value={phone}
        onChange={setPhone}
        error={errors['contact-phone']}
        type="tel"
        autoComplete="tel"
        wide
      />
      <TextField
        id="contact-email"
        label={t('contact.email')}
        hint={t('contact.emailHint')}
        value={email}
        onChange={setEmail}
        error={errors['contact-email']}
        type="email"
        autoComplete="email"
        wide
      />
    </QuestionPage>
  );
}
