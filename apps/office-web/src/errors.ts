import type { ErrorBody, ErrorCode } from '@distans/contracts';
import { ApiError } from '@distans/web-ui/api';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Stable error codes the console has its own words for (ErrorBody.code). Any other answer falls
 * back to a sentence for its HTTP status, with the server's own (English) message as the detail.
 */
const KNOWN_CODES = new Set<ErrorCode>([
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SLOT_TAKEN',
  'TIME_PASSED',
  'TOO_SHORT_NOTICE',
  'NEED_NOT_AVAILABLE',
  'NEED_NOT_FREE',
  'INTERPRETER_NOT_FREE',
  'NO_INTERPRETER_FOR_LANGUAGE',
  'INTERPRETER_NOT_NEEDED_FOR_SWEDISH',
  'INTERPRETER_REQUIRED_FOR_SIGN_LANGUAGE',
  'INTERNAL',
]);
const KNOWN_STATUSES = new Set([400, 401, 403, 404, 409, 429]);

export interface ErrorText {
  text: string;
  /** The server's message, when the console has no words of its own for the exact case. */
  detail: string | null;
  /** Field path to the server's problems with that field (validation errors). */
  fields: Record<string, string[]>;
}

export function errorText(error: unknown, t: Translate): ErrorText {
  if (!(error instanceof ApiError)) return { text: t('error.network'), detail: null, fields: {} };
  const body: ErrorBody | null = error.body;
  const code = body?.code;
  const fields = body?.details ?? {};
  if (code && KNOWN_CODES.has(code) && code !== 'CONFLICT' && code !== 'VALIDATION_FAILED') {
    return { text: t(`error.code.${code}`), detail: null, fields };
  }
  const status = KNOWN_STATUSES.has(error.status) ? String(error.status) : error.status >= 500 ? '500' : 'other';
  return { text: t(`error.status.${status}`), detail: body?.message ?? null, fields };
}

/** The 409 answer to a room block that overlaps bookings lists them (with listConflicts). */
export function conflictsOf<T>(error: unknown): T[] {
  if (!(error instanceof ApiError)) return [];
  const conflicts = error.body?.extra?.conflicts;
  return Array.isArray(conflicts) ? (conflicts as T[]) : [];
}
