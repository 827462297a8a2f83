import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from './api';
import type { AuthManager, SignedOutReason } from './auth-manager';
import { LanguageSwitch, useI18n } from './i18n';
import { unlockAudio } from './sound';
import { useScreenHeading } from './use-screen-heading';

type Translate = ReturnType<typeof useI18n>['t'];

/** The API's English messages, turned into the user's language where we know the case. */
function loginErrorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('login.error.network');
  switch (error.status) {
    case 401:
      return /disabled/i.test(error.message) ? t('login.error.disabled') : t('login.error.credentials');
    case 423: {
      const minutes = /(\d+) minute/.exec(error.message)?.[1];
      return minutes ? t('login.error.locked', { minutes }) : error.message;
    }
    case 429:
      return t('login.error.throttled');
    case 400:
      return t('login.error.invalid');
    default:
      return error.message;
  }
}

export function LoginScreen(props: { auth: AuthManager; signedOutReason: SignedOutReason; notice?: string | null }) {
  const { t } = useI18n();
  const heading = useScreenHeading(t('login.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<{ text: string; locked: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The login click counts as the interaction browsers require before a page may play sound.
    unlockAudio();
    const errors: typeof fieldErrors = {};
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) errors.email = t('login.error.emailFormat');
    if (!password) errors.password = t('login.error.passwordRequired');
    setFieldErrors(errors);
    if (errors.email || errors.password) {
      (errors.email ? emailInput : passwordInput).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.auth.login(email.trim(), password);
    } catch (caught) {
      setError({ text: loginErrorText(caught, t), locked: caught instanceof ApiError && caught.status === 423 });
      setPassword('');
      passwordInput.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const notice = props.notice ?? (props.signedOutReason === 'expired' ? t('login.expired') : null);

  return (
    <div className="login-page">
      <header className="login-header">
        <p className="brand">
          Distans <span className="brand-sub">{t('app.subtitle')}</span>
        </p>
        <LanguageSwitch />
      </header>
      <main id="main" className="login-main">
        <h1 ref={heading} tabIndex={-1}>
          {t('login.title')}
        </h1>
        <p className="lead">{t('login.intro')}</p>
        {notice && (
          <p className="banner warn" role="status">
            {notice}
          </p>
        )}
        <form
          className="login-form card"
          data-testid="login-form"
          noValidate
          onSubmit={(event) => void submit(event)}
          aria-describedby={error ? 'login-error' : undefined}
        >
          <div id="login-error" role="alert" className={error ? `banner error${error.locked ? ' locked' : ''}` : ''}>
            {error?.text}
          </div>
          <div className="field">
            <label htmlFor="login-email">{t('login.email')}</label>
            <input
              ref={emailInput}
              id="login-email"
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={fieldErrors.email ? true : undefined}
              aria-describedby={fieldErrors.email ? 'login-email-error' : undefined}
            />
            {fieldErrors.email && (
              <p id="login-email-error" className="field-error">
                {fieldErrors.email}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              ref={passwordInput}
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={fieldErrors.password ? true : undefined}
              aria-describedby={fieldErrors.password ? 'login-password-error' : undefined}
            />
            {fieldErrors.password && (
              <p id="login-password-error" className="field-error">
                {fieldErrors.password}
              </p>
            )}
          </div>
          <button type="submit" disabled={busy} aria-busy={busy || undefined}>
            {t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
