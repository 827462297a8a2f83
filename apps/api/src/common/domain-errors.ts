/**
 * Errors a service throws when a request cannot be honoured. Each carries its own HTTP status so
 * services stay free of HTTP types while the exception filter renders one error shape for all.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly error: string;
  constructor(
    message: string,
    readonly details?: Record<string, string[]>,
    /** Structured data that helps the caller act on the error, e.g. the bookings a room block overlaps. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Also used when the caller may not know the thing exists: out of scope looks like absent. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly error = 'Not Found';
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly error = 'Conflict';
}

export class InvalidInputError extends DomainError {
  readonly status = 400;
  readonly error = 'Bad Request';
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  readonly error = 'Unauthorized';
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly error = 'Forbidden';
}

export class AccountLockedError extends DomainError {
  readonly status = 423;
  readonly error = 'Locked';
}
