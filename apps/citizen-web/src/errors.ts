import type { ErrorCode } from '@distans/contracts';
import { ApiError } from '@distans/web-ui/api';

/**
 * Every refusal a visitor can meet while booking, moving or cancelling (docs/booking.md), with a
 * text of its own in every language (`error.code.<CODE>`; errors.spec.ts holds the list against
 * the docs and the catalogues). The rest read a sentence for their HTTP status.
 */
export const TIME_REFUSALS = [
  'SLOT_TAKEN',
  'NEED_NOT_FREE',
  'INTERPRETER_NOT_FREE',
  'NOT_ON_GRID',
  'REPEATED_LOCAL_TIME',
  'TIME_PASSED',
  'TOO_SHORT_NOTICE',
  'TOO_FAR_AHEAD',
  'OFFICE_CLOSED',
  'OUTSIDE_OPENING_HOURS',
] as const satisfies readonly ErrorCode[];

export const INTERPRETER_REFUSALS = [
  'INTERPRETER_NOT_NEEDED_FOR_SWEDISH',
  'INTERPRETER_REQUIRED_FOR_SIGN_LANGUAGE',
  'INTERPRETER_NOT_OFFERED',
] as const satisfies readonly ErrorCode[];

/** No time will ever work for the request (the same codes as availability's `unavailableReason`). */
export const NEVER_REFUSALS = [
  'NO_HANDLER_FOR_CASE_TYPE',
  'NO_HANDLER_FOR_LANGUAGE',
  'NO_INTERPRETER_FOR_LANGUAGE',
  'NO_ROOM_AT_OFFICE',
  'NEED_NOT_AVAILABLE',
  'NO_OFFICE_FOUND',
] as const satisfies readonly ErrorCode[];

export const LIFE_REFUSALS = [
  'CHANGES_CLOSED',
  'ALREADY_CANCELLED',
  'BOOKING_STATUS_CONFLICT',
] as const satisfies readonly ErrorCode[];

export const GENERAL_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
] as const satisfies readonly ErrorCode[];

export const CITIZEN_CODES: readonly ErrorCode[] = [
  ...TIME_REFUSALS,
  ...INTERPRETER_REFUSALS,
  ...NEVER_REFUSALS,
  ...LIFE_REFUSALS,
  ...GENERAL_CODES,
];

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
