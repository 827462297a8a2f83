import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'wouter';
import { useI18n } from '@distans/web-ui/i18n';
import { useScreenHeading } from '@distans/web-ui/use-screen-heading';

/**
 * One question (or one answer) per page: an optional Back link, then the page's only h1, which
 * takes focus when the page opens so that a screen reader starts reading at the new question.
 */
export function Page(props: { title: string; back?: string; caption?: string; children: ReactNode }) {
  const { t } = useI18n();
  const heading = useScreenHeading(props.title);
  return (
    <>
      {props.back && (
        <Link href={props.back} className="back-link" data-testid="back-link">
          <span className="direction-icon" aria-hidden="true">
            ‹
          </span>
          {t('common.back')}
        </Link>
      )}
      {props.caption && <p className="caption">{props.caption}</p>}
      <h1 ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
      {props.children}
    </>
  );
}

export interface FieldError {
  /** The id of the input the error is about: the summary's link moves focus there. */
  field?: string;
  text: string;
}

/** GOV.UK's error summary: above the form, takes focus, links each problem to its field. */
export function ErrorSummary(props: { errors: FieldError[] }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  // Focus moves to the summary when a submit finds problems, not on every keystroke after it.
  const found = props.errors.map((error) => `${error.field ?? ''}:${error.text}`).join('\n');
  useEffect(() => {
    if (found) box.current?.focus();
  }, [found]);
  if (!props.errors.length) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={box}
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title">{t('errors.title')}</h2>
      <ul>
        {props.errors.map((error) => (
          <li key={`${error.field ?? ''}${error.text}`}>
            {error.field ? (
              <a
                href={`#${error.field}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(error.field!)?.focus();
                }}
              >
                {error.text}
              </a>
            ) : (
              error.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The inline error under a field's label, read with the field (aria-describedby). */
export function InlineError(props: { id: string; text?: string }) {
  const { t } = useI18n();
  if (!props.text) return null;
  return (
    <p className="inline-error" id={props.id}>
      <span className="visually-hidden">{t('errors.prefix')} </span>
      {props.text}
    </p>
  );
}

/**
 * A labelled text field with its hint and inline error, the error read with the field. One
 * component, so that every form on the site says the same things to a screen reader.
 */
export function TextField(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  type?: string;
  autoComplete?: string;
  wide?: boolean;
  spellCheck?: boolean;
  testId?: string;
}) {
  const { id, error } = props;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      <p className="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      <InlineError id={`${id}-error`} text={error} />
      <input
        id={id}
        type={props.type ?? 'text'}
        className={props.wide ? 'wide' : undefined}
        value={props.value}
        autoComplete={props.autoComplete ?? 'off'}
        spellCheck={props.spellCheck}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        data-testid={props.testId ?? id}
      />
    </div>
  );
}

export function Loading(props: { text?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      {props.text ?? t('common.loading')}
    </p>
  );
}

/** A link that looks like the page's main button (GOV.UK "start button"). */
export function ButtonLink(props: { href: string; children: ReactNode; secondary?: boolean; testId?: string }) {
  return (
    <Link
      href={props.href}
      className={props.secondary ? 'button-link secondary' : 'button-link'}
      data-testid={props.testId}
    >
      {props.children}
      {!props.secondary && (
        <span className="direction-icon" aria-hidden="true">
          ›
        </span>
      )}
    </Link>
  );
}
