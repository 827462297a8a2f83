import { QueryFailedError } from 'typeorm';

/** Seconds a client is asked to wait before trying again while the database is unreachable. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** Connection exceptions (08), shutdown or start-up in progress (57P01-57P03), too many connections. */
const SQLSTATES = /^(08...|57P0[1-3]|53300)$/;
const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** What pg and its pool say, without a code, when a connection breaks or cannot be had in time. */
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * Whether an error means "the database cannot be reached right now" rather than a bug, so that
 * the answer is 503 with Retry-After, which clients and load balancers know to wait out.
 */
export function isDatabaseOutage(error: unknown): boolean {
  const cause: unknown = error instanceof QueryFailedError ? error.driverError : error;
  // Duck-typed: socket errors are made by Node's core, which need not share this code's Error class.
  if (typeof cause !== 'object' || cause === null) return false;
  const { code, message } = cause as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (SQLSTATES.test(code) || SOCKET_ERRORS.has(code))) return true;
  return typeof message === 'string' && MESSAGES.test(message);
}
