import { useMemo, useRef, useState, type FormEvent } from 'react';
import { createApiClient } from '@distans/web-ui/api';
import { LanguageSwitch, useI18n } from '@distans/web-ui/i18n';
import { DOOR_LOCALES } from '../i18n/catalogues';
import { httpStatusOf, type PairedDevice } from '../room-api';

const CODE_LENGTH = 8;

interface PairingError {
  key: string;
  values?: Record<string, number>;
}

/** What people type, as the API reads it: case, spaces and dashes do not matter. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

function validate(code: string): PairingError | null {
  if (!code) return { key: 'pairing.error.empty' };
  if (/[^A-Z0-9]/.test(code)) return { key: 'pairing.error.characters' };
  if (code.length !== CODE_LENGTH) return { key: 'pairing.error.length', values: { count: code.length } };
  return null;
}

function errorFor(error: unknown): PairingError {
  const status = httpStatusOf(error);
  if (status === null) return { key: 'pairing.error.network' };
  if (status === 401 || status === 400 || status === 404) return { key: 'pairing.error.rejected' };
  if (status === 429) return { key: 'pairing.error.throttled' };
  return { key: 'pairing.error.unknown' };
}

/** First run: office staff type the one-time code they created for this room. */
export function PairingScreen({ onPaired }: { onPaired: (device: PairedDevice) => void }) {
  const { t } = useI18n();
  const api = useMemo(() => createApiClient('', () => null), []);
  const [code, setCode] = useState('');
  const [error, setError] = useState<PairingError | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const normalized = normalizeCode(code);
    const problem = validate(normalized);
    setError(problem);
    if (problem) {
      input.current?.focus();
      return;
    }
    setBusy(true);
    api
      .post<PairedDevice>('/devices/pair', { code: normalized })
      .then((device) => onPaired(device))
      .catch((failure: unknown) => {
        setError(errorFor(failure));
        setBusy(false);
        input.current?.focus();
      });
  };

  return (
    <main className="screen pairing">
      <div className="topbar">
        <span className="brand">Distans</span>
        <LanguageSwitch locales={DOOR_LOCALES} />
      </div>
      <form
        className="pairing-form"
        data-testid="pairing-form"
        onSubmit={submit}
        noValidate
        aria-labelledby="pairing-title"
      >
        <h1 id="pairing-title">{t('pairing.title')}</h1>
        <p className="lead">{t('pairing.intro')}</p>
        <label htmlFor="pairing-code">{t('pairing.codeLabel')}</label>
        <p id="pairing-code-help" className="help">
          {t('pairing.codeHelp')}
        </p>
        <input
          ref={input}
          id="pairing-code"
          name="code"
          className="code-input"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={20}
          aria-describedby="pairing-code-help pairing-code-error"
          aria-invalid={error !== null}
          autoFocus
        />
        <p id="pairing-code-error" className="field-error" role="alert">
          {error ? t(error.key, error.values) : ''}
        </p>
        <button type="submit" className="big-button primary" aria-disabled={busy}>
          {busy ? t('pairing.submitting') : t('pairing.submit')}
        </button>
      </form>
    </main>
  );
}
