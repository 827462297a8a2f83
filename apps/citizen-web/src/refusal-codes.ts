import type { ErrorCode } from '@distans/contracts';

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
