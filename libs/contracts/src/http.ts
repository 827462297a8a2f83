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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

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
