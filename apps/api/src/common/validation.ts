import { ValidationError, ValidationPipe } from '@nestjs/common';
import { InvalidInputError } from './domain-errors';

/** Flattens class-validator's tree into `{ 'weeklyHours.1.closes': ['...'] }`. */
export function fieldErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      out[path] = Object.entries(e.constraints).map(([key, msg]) =>
        key === 'whitelistValidation' ? `${e.property} is not an allowed field` : msg,
      );
    }
    if (e.children?.length) Object.assign(out, fieldErrors(e.children, path));
  }
  return out;
}

/** Unknown fields are refused, not silently dropped: a typo must not look like success. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputError('Some fields are invalid', { details: fieldErrors(errors) }),
  });
}
