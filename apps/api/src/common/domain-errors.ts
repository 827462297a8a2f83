import type { ErrorCode, SessionError, SessionErrorCode } from '@distans/contracts';

export interface DomainErrorOptions {
  /** Overrides the kind's default code when the caller can tell more (e.g. a taken slot). */
  code?: ErrorCode;
  /** Field path to the problems with that field. */
  details?: Record<string, string[]>;
  /** Structured data that helps the caller act on the error, e.g. the bookings a room block overlaps. */
  extra?: Record<string, unknown>;
}

/**
 * Errors a service throws when a request cannot be honoured. Each kind carries its HTTP status,
 * its signalling error code and a default machine-readable code, so services stay free of HTTP
 * and socket types while the exception filter and the session gateway each render one shape.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** The HTTP reason phrase of `status`. */
  abstract readonly error: string;
  /** What the /session signalling answers with. */
  abstract readonly sessionCode: SessionErrorCode;
  protected abstract readonly defaultCode: ErrorCode;
  readonly details?: Record<string, string[]>;
  readonly extra?: Record<string, unknown>;
  readonly #code?: ErrorCode;

  constructor(message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.name = new.target.name;
    this.#code = options.code;
    if (options.details) this.details = options.details;
    if (options.extra) this.extra = options.extra;
  }

  /** Stable, machine-readable: clients map it to a message in the reader's language. */
  get code(): ErrorCode {
    return this.#code ?? this.defaultCode;
  }

  toSessionError(): SessionError {
    return {
      code: this.sessionCode,
      errorCode: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** Also used when the caller may not know the thing exists: out of scope looks like absent. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly error = 'Not Found';
  readonly sessionCode = 'NOT_FOUND';
  protected readonly defaultCode = 'NOT_FOUND';
}

/**
 * A thing that exists but lies outside the caller's offices or agency. It answers exactly like a
 * missing one; the exception filter records it as a security event.
 */
export class OutOfScopeError extends NotFoundError {
  constructor(
    message: string,
    readonly officeId: string | null = null,
  ) {
    super(message);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly error = 'Conflict';
  readonly sessionCode = 'CONFLICT';
  protected readonly defaultCode = 'CONFLICT';
}

export class InvalidInputError extends DomainError {
  readonly status = 400;
  readonly error = 'Bad Request';
  readonly sessionCode = 'BAD_REQUEST';
  protected readonly defaultCode = 'VALIDATION_FAILED';
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  readonly error = 'Unauthorized';
  /** A signalling connection that is not (or no longer) who it claims may not take part. */
  readonly sessionCode = 'FORBIDDEN';
  protected readonly defaultCode = 'UNAUTHENTICATED';
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly error = 'Forbidden';
  readonly sessionCode = 'FORBIDDEN';
  protected readonly defaultCode = 'FORBIDDEN';
}

export class AccountLockedError extends DomainError {
  readonly status = 423;
  readonly error = 'Locked';
  readonly sessionCode = 'BAD_REQUEST';
  protected readonly defaultCode = 'ACCOUNT_LOCKED';
}

/** A part of the service is switched off or out of reach: retrying elsewhere or later may help. */
export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  readonly error = 'Service Unavailable';
  readonly sessionCode = 'INTERNAL';
  protected readonly defaultCode = 'SERVICE_UNAVAILABLE';
}

/** A limit that protects a shared resource (the public booking site's abuse limits). */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly error = 'Too Many Requests';
  readonly sessionCode = 'BAD_REQUEST';
  protected readonly defaultCode = 'RATE_LIMITED';
}
