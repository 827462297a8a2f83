import type { ErrorCode } from '@distans/contracts';
import { ApiError } from '@distans/web-ui/api';
import { CITIZEN_CODES } from './refusal-codes';

export { INTERPRETER_REFUSALS, NEVER_REFUSALS, TIME_REFUSALS } from './refusal-codes';

const KNOWN_STATUSES = new Set([400, 404, 409, 429]);

type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface Refusal {
  code: ErrorCode | null;
  /** In the visitor's language. */
  text: string;
  /** The API's problems by field (`citizen.name`, `start`, …). */
  fields: Record<string, string[]>;
}

export function refusalOf(error: unknown, t: Translate): Refusal {
  if (!(error instanceof ApiError)) return { code: null, text: t('error.network'), fields: {} };
  const code = error.body?.code ?? null;
  const fields = error.body?.details ?? {};
  if (code && CITIZEN_CODES.includes(code)) return { code, text: t(`error.code.${code}`), fields };
  const status = KNOWN_STATUSES.has(error.status) ? String(error.status) : 'other';
  return { code, text: t(`error.status.${status}`), fields };
}

export function isOneOf<T extends ErrorCode>(code: ErrorCode | null, codes: readonly T[]): code is T {
  return code !== null && (codes as readonly ErrorCode[]).includes(code);
}
