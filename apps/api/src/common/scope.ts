import { OutOfScopeError } from './domain-errors';
import type { Actor } from './request-context';

/**
 * Scope rules used inside queries. Out-of-scope things answer 404 exactly like missing ones, so a
 * caller cannot learn that another agency's or office's record exists.
 */
export function officeScope(actor: Actor): string[] | 'all' {
  if (actor.role === 'ADMIN') return 'all';
  if (actor.role === 'OFFICE_STAFF') return actor.officeIds;
  return [];
}

export function assertOfficeInScope(actor: Actor, officeId: string, what = 'Office'): void {
  const scope = officeScope(actor);
  if (scope !== 'all' && !scope.includes(officeId)) throw new OutOfScopeError(`${what} not found`, officeId);
}

export function agencyScope(actor: Actor): string | 'all' | null {
  if (actor.role === 'ADMIN') return 'all';
  if (actor.role === 'HANDLER') return actor.agencyId;
  return null;
}
