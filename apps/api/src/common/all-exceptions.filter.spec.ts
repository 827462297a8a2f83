import { NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { errorBody } from './all-exceptions.filter';
import { AccountLockedError, ConflictError, InvalidInputError, UnauthenticatedError } from './domain-errors';

describe(errorBody.name, () => {
  it('should give a domain error its kind’s default code, status and details', () => {
    const body = errorBody(new InvalidInputError('Some fields are invalid', { details: { start: ['too soon'] } }));
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION_FAILED',
      message: 'Some fields are invalid',
      details: { start: ['too soon'] },
    });
  });

  it('should carry the code a service chose over the default, and the extra data', () => {
    const body = errorBody(new ConflictError('Taken', { code: 'CONFLICT', extra: { conflictCount: 2 } }));
    expect(body).toMatchObject({ statusCode: 409, code: 'CONFLICT', extra: { conflictCount: 2 } });
  });

  it.each([
    [new UnauthenticatedError('Log in first'), 401, 'UNAUTHENTICATED'],
    [new AccountLockedError('Locked'), 423, 'ACCOUNT_LOCKED'],
    [new ThrottlerException(), 429, 'RATE_LIMITED'],
    [new NotFoundException('Cannot GET /nowhere'), 404, 'NOT_FOUND'],
    [Object.assign(new Error('Unexpected end of JSON input'), { statusCode: 400 }), 400, 'VALIDATION_FAILED'],
    [Object.assign(new Error('Request body is too large'), { statusCode: 413 }), 413, 'PAYLOAD_TOO_LARGE'],
  ])('should answer %p with %d and code %s', (exception, statusCode, code) => {
    expect(errorBody(exception)).toMatchObject({ statusCode, code });
  });

  it('should turn a constraint the database enforced into a 409 without SQL in it', () => {
    const error = new QueryFailedError('INSERT ...', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    const body = errorBody(error);
    expect(body).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    expect(body.message).not.toMatch(/INSERT|duplicate/);
  });

  it('should say nothing about an unknown error but INTERNAL and a request to quote the correlation id', () => {
    const body = errorBody(new Error('connection string postgres://secret@db'));
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL',
      message: 'Something went wrong. Quote the correlation id when reporting it.',
    });
  });
});
