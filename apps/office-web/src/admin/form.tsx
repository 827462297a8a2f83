import { useCallback, useState, type ReactNode } from 'react';
import { useI18n } from '@distans/web-ui/i18n';
import { ErrorMessage } from '../components/ErrorMessage';
import { errorText, type ErrorText } from '../errors';

/** Field path (as the API names it: `weeklyHours.1.closes`) to the API's problems with it. */
export type FieldErrors = Record<string, string[]>;

/** What a control needs to be tied to its label and its errors. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export function controlId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/**
 * The API's problems with one field, right under it and tied to the control by
 * aria-describedby, so a screen reader reads them with the field. They are the API's own words
 * (English), marked as such.
 */
export function FieldProblems(props: { path: string; errors: FieldErrors }) {
  const problems = props.errors[props.path];
  if (!problems?.length) return null;
  return (
    <p className="field-error" id={`${controlId(props.path)}-error`} data-testid={`field-error-${props.path}`}>
      <span lang="en">{problems.join('; ')}</span>
    </p>
  );
}

export function controlProps(path: string, errors: FieldErrors, hintId?: string): ControlProps {
  const invalid = Boolean(errors[path]?.length);
  const described = [invalid ? `${controlId(path)}-error` : null, hintId ?? null].filter(Boolean).join(' ');
  return {
    id: controlId(path),
    'aria-invalid': invalid || undefined,
    'aria-describedby': described || undefined,
  };
}

/** A labelled control with an optional hint and the API's problems with it. */
export function Field(props: {
  path: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const hintId = props.hint ? `${controlId(props.path)}-hint` : undefined;
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={controlId(props.path)}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.children(controlProps(props.path, props.errors, hintId))}
      <FieldProblems path={props.path} errors={props.errors} />
    </div>
  );
}

/** A checkbox with its label beside it. */
export function CheckField(props: {
  path: string;
  label: string;
  checked: boolean;
  errors: FieldErrors;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="field check-field">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
        {...controlProps(props.path, props.errors)}
      />
      <label htmlFor={controlId(props.path)}>{props.label}</label>
      <FieldProblems path={props.path} errors={props.errors} />
    </div>
  );
}

/**
 * One request at a time for a form: busy while it runs, and the API's refusal kept for the
 * banner and the fields. `run` answers whether it succeeded.
 */
export function useSubmit() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const [caught, setCaught] = useState<unknown>(null);
  const run = useCallback(
    async (action: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      setCaught(null);
      try {
        await action();
        return true;
      } catch (failure) {
        setError(errorText(failure, t));
        setCaught(failure);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  const clear = useCallback(() => {
    setError(null);
    setCaught(null);
  }, []);
  return { busy, error, caught, fields: error?.fields ?? {}, run, clear };
}

/** The banner of a refused request, when there is one. */
export function SubmitError(props: { error: ErrorText | null }) {
  return props.error ? <ErrorMessage error={props.error} /> : null;
}
