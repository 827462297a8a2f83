/**
 * Stable, machine-readable error codes: a client maps `code` to a text in the reader's language,
 * while `message` stays English, for developers and logs. Every code the API can answer with is
 * listed here, so a client's table of texts can be checked for completeness by the compiler.
 * The first group are the defaults of each kind of error; specific codes go below them.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** A change to opening hours or a room would leave bookings outside them: `extra.affected` lists them. */
  'BOOKINGS_AFFECTED',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',

  // Booking: the start asked for (400, on `details.start`).
  'NOT_ON_GRID',
  'REPEATED_LOCAL_TIME',
  'TIME_PASSED',
  'TOO_SHORT_NOTICE',
  'TOO_FAR_AHEAD',
  'OFFICE_CLOSED',
  'OUTSIDE_OPENING_HOURS',
  // Booking: the interpreter asked for (400, on `details.interpreter`).
  'INTERPRETER_NOT_NEEDED_FOR_SWEDISH',
  'INTERPRETER_REQUIRED_FOR_SIGN_LANGUAGE',
  'INTERPRETER_NOT_OFFERED',
  // Booking: no time will work for this request, whatever the date (409; UNAVAILABLE_REASONS).
  'NO_HANDLER_FOR_CASE_TYPE',
  'NO_HANDLER_FOR_LANGUAGE',
  'NO_INTERPRETER_FOR_LANGUAGE',
  'NO_ROOM_AT_OFFICE',
  'NEED_NOT_AVAILABLE',
  'NO_OFFICE_FOUND',
  // Booking: that time is not free, another may be (409).
  'SLOT_TAKEN',
  'NEED_NOT_FREE',
  'INTERPRETER_NOT_FREE',
  // A booking's life after it is made (409).
  'CHANGES_CLOSED',
  'ALREADY_CANCELLED',
  'BOOKING_STATUS_CONFLICT',
  'CHECK_IN_NOT_OPEN',
  'CHECK_IN_CLOSED',
  'NO_SHOW_TOO_EARLY',
  'NEW_TIME_TOO_EARLY',
  'SESSION_NOT_OPEN',
  'SESSION_CLOSED',
  'VISITOR_NOT_CHECKED_IN',
  // The public booking site's abuse limits (429; office staff at the desk are not limited).
  'TOO_MANY_ACTIVE_BOOKINGS',
  'TOO_MANY_BOOKINGS_FROM_ADDRESS',
  // Room blocks (409).
  'ROOM_ALREADY_BLOCKED',
  'BLOCK_OVERLAPS_BOOKINGS',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why no time can be had for an availability request, whatever the dates: nothing anyone can
 * book will change it, so a client says so instead of showing an empty calendar. A booking
 * attempt for such a request is refused with the same code.
 */
export const UNAVAILABLE_REASONS = [
  'NO_HANDLER_FOR_CASE_TYPE',
  'NO_HANDLER_FOR_LANGUAGE',
  'NO_INTERPRETER_FOR_LANGUAGE',
  'NO_ROOM_AT_OFFICE',
  'NEED_NOT_AVAILABLE',
  'NO_OFFICE_FOUND',
] as const satisfies readonly ErrorCode[];
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

/** One shape for every error the API returns. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  /** What went wrong, for a program: always present. */
  code: ErrorCode;
  message: string;
  /** Field path (e.g. `weeklyHours.1.closes`) to the problems with that field. */
  details?: Record<string, string[]>;
  /** Structured data that helps the caller act, e.g. the bookings a room block would overlap. */
  extra?: Record<string, unknown>;
  correlationId?: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
