import { useState, type FormEvent } from 'react';
import { createApiClient } from '@distans/web-ui/api';
import { LanguageSwitch, useI18n } from '@distans/web-ui/i18n';
import { STAFF_APP_OF_ROLE, STAFF_APP_PATH } from '@distans/web-ui/staff-apps';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';
import type { PasswordSetView } from './admin-api';
import { Field, SubmitError, useSubmit } from './form';

const anonymous = createApiClient('', () => null);

/** The code from the link's fragment (never sent to the server with the page request). */
function codeFromLink(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('code') ?? '';
}

/** Where an invited or reset staff member chooses their password with the one-time code. */
export function SetPasswordScreen() {
  const { t } = useI18n();
  const heading = useScreenHeading(t('setPassword.title'));
  const [code, setCode] = useState(codeFromLink);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState<PasswordSetView | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const { busy, error, fields, run } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    await run(async () => setDone(await anonymous.post<PasswordSetView>('/auth/set-password', { code, password })));
  };

  const errors = mismatch ? { ...fields, repeat: [t('setPassword.mismatch')] } : fields;
  return (
    <>
      <header className="login-header">
        <p className="brand">Distans</p>
        <LanguageSwitch />
      </header>
      <main id="main" className="login-main">
        <h1 ref={heading} tabIndex={-1}>
          {t('setPassword.title')}
        </h1>
        {done ? (
          <div className="banner ok" role="status" data-testid="password-set">
            <p>{t('setPassword.done', { email: done.email })}</p>
            <a className="button-link" href={STAFF_APP_PATH[STAFF_APP_OF_ROLE[done.role]]}>
              {t('setPassword.logIn')}
            </a>
          </div>
        ) : (
          <form
            className="login-form card"
            noValidate
            onSubmit={(event) => void submit(event)}
            data-testid="set-password-form"
          >
            <p>{t('setPassword.intro')}</p>
            <SubmitError error={error} />
            <Field path="code" label={t('setPassword.code')} errors={errors}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  autoComplete="one-time-code"
                  value={code}
                  onChange={(event) => setCode(event.target.value)}
                />
              )}
            </Field>
            <Field path="password" label={t('setPassword.password')} hint={t('setPassword.rule')} errors={errors}>
              {(control) => (
                <input
                  {...control}
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                />
              )}
            </Field>
            <Field path="repeat" label={t('setPassword.repeat')} errors={errors}>
              {(control) => (
                <input
                  {...control}
                  type="password"
                  autoComplete="new-password"
                  value={repeat}
                  onChange={(event) => setRepeat(event.target.value)}
                />
              )}
            </Field>
            <button type="submit" disabled={busy}>
              {t('setPassword.submit')}
            </button>
          </form>
        )}
      </main>
    </>
  );
}
