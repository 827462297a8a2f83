import type { BookingStatus } from '@distans/contracts';
import type { EntityManager } from 'typeorm';
import type { RecordedActor } from '../common/request-context';

export type BookingEventKind =
  | 'CREATED'
  | 'RESCHEDULED'
  | 'CANCELLED'
  | 'CHECKED_IN'
  | 'SESSION_STARTED'
  | 'COMPLETED'
  | 'NO_SHOW'
  | 'HANDLER_REMINDED'
  | 'HANDLER_MISSED';

/** Appends to the booking's history; the table refuses updates and deletes. */
export async function recordBookingEvent(
  tx: EntityManager,
  bookingId: string,
  kind: BookingEventKind,
  from: BookingStatus | null,
  to: BookingStatus,
  actor: RecordedActor,
  details: Record<string, unknown> = {},
): Promise<void> {
  await tx.query(
    `INSERT INTO booking_event (booking_id, kind, from_status, to_status, actor_id, actor_role, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [bookingId, kind, from, to, actor.id, actor.role, JSON.stringify(details)],
  );
}
