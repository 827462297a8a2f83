import { QueryFailedError } from 'typeorm';
import { isDatabaseOutage } from './database-outage';

const pgError = (code: string, message = 'pg'): Error => Object.assign(new Error(message), { code });

describe(isDatabaseOutage.name, () => {
  it.each([
    ['a refused connection', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['an admin shutdown', new QueryFailedError('SELECT 1', [], pgError('57P01'))],
    ['a server starting up', pgError('57P03', 'the database system is starting up')],
    ['a broken connection', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
    ['no connection from the pool in time', new Error('timeout exceeded when trying to connect')],
  ])('should take %s for an outage', (_label, error) => {
    expect(isDatabaseOutage(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505'))],
    ['a syntax error', new QueryFailedError('SELEC', [], pgError('42601'))],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['something not an error', 'ECONNREFUSED'],
  ])('should not take %s for an outage', (_label, error) => {
    expect(isDatabaseOutage(error)).toBe(false);
  });
});
