import { EntityManager, QueryFailedError } from 'typeorm';

export type ResourceKind = 'room' | 'handler' | 'interpreter';

const EXCLUSION_VIOLATION = '23P01';
const DEADLOCK_DETECTED = '40P01';

/**
 * Inserts one hold, first taking a transaction-scoped advisory lock on the resource.
 *
 * Two transactions inserting clashing rows under an exclusion constraint at the same moment each
 * see the other's uncommitted row and wait for it: a deadlock that PostgreSQL breaks only after
 * deadlock_timeout, as an error. Taking the per-resource lock first makes such attempts queue
 * instead; the later one then meets the committed row and gets a plain exclusion violation.
 * Locks are always taken room, then handler, then interpreter, so they cannot form a cycle, and a
 * rollback to the caller's savepoint releases the lock of a candidate that was not taken.
 */
export async function insertHold(
  tx: EntityManager,
  hold: { kind: ResourceKind; resourceId: string; during: string; bookingId?: string; roomBlockId?: string },
): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`hold:${hold.kind}:${hold.resourceId}`]);
  await tx.query(
    `INSERT INTO resource_hold (resource_kind, resource_id, during, booking_id, room_block_id)
     VALUES ($1, $2, $3::tstzrange, $4, $5)`,
    [hold.kind, hold.resourceId, hold.during, hold.bookingId ?? null, hold.roomBlockId ?? null],
  );
}

function pgCode(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
}

/** The resource was taken meanwhile (or, defensively, a deadlock broke the attempt): try another. */
export function isHoldConflict(error: unknown): boolean {
  const code = pgCode(error);
  return code === EXCLUSION_VIOLATION || code === DEADLOCK_DETECTED;
}

/** `[start, end)` in the literal form tstzrange accepts. */
export function holdRange(start: Date, end: Date): string {
  return `[${start.toISOString()},${end.toISOString()})`;
}
