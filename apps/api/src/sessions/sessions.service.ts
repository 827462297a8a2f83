import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BookingStatus, SessionLeaveReason } from '@distans/contracts';
import { DataSource } from 'typeorm';
import type { RecordedActor } from '../common/request-context';
import { BookingsService } from '../bookings/bookings.service';
import type { SessionIdentity } from './session-tickets.service';

/**
 * What a video session changes in the database: the booking's lifecycle (IN_SESSION once the
 * handler and the room are both in, COMPLETED when the handler ends it) and, for statistics, when
 * each participant joined and left, also when the process that held the meeting died (see
 * `keepAlive` and `closeAbandoned`). Nothing about the media or the chat is stored.
 */
@Injectable()
export class SessionsService {
  /** The participations this process holds open; `keepAlive` stamps them so no sweep closes them. */
  private readonly held = new Set<string>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bookings: BookingsService,
  ) {}

  /**
   * Opens a participation. The same person's earlier open row in this meeting is closed as
   * replaced: they are back, through this connection (after a reconnect, or an API restart).
   */
  async recordJoin(identity: SessionIdentity): Promise<string> {
    const [row]: { id: string }[] = await this.db.query(
      `WITH replaced AS (
         UPDATE session_participation SET left_at = now(), leave_reason = 'REPLACED'
          WHERE booking_id = $1 AND peer_role = $2 AND actor_id = $3 AND left_at IS NULL)
       INSERT INTO session_participation (booking_id, peer_role, actor_id) VALUES ($1, $2, $3) RETURNING id`,
      [identity.bookingId, identity.role, identity.actorId],
    );
    this.held.add(row.id);
    return row.id;
  }

  async recordLeave(participationId: string, reason: SessionLeaveReason): Promise<void> {
    this.held.delete(participationId);
    await this.db.query(
      `UPDATE session_participation SET left_at = now(), leave_reason = $2 WHERE id = $1 AND left_at IS NULL`,
      [participationId, reason],
    );
  }

  /** Tells every instance's sweep that this process still holds its open participations. */
  async keepAlive(): Promise<void> {
    if (this.held.size === 0) return;
    await this.db.query(
      `UPDATE session_participation SET seen_at = now() WHERE id = ANY($1::uuid[]) AND left_at IS NULL`,
      [[...this.held]],
    );
  }

  /**
   * Closes open participations that no process has stamped for `staleSeconds`: their API died
   * mid-meeting. They count as left at their last stamp. Returns how many were closed.
   */
  async closeAbandoned(staleSeconds: number): Promise<number> {
    const [, closed]: [unknown[], number] = await this.db.query(
      `UPDATE session_participation SET left_at = seen_at, leave_reason = 'DROPPED'
        WHERE left_at IS NULL AND seen_at < now() - make_interval(secs => $1)`,
      [staleSeconds],
    );
    return closed;
  }

  /** Moves a checked-in booking to IN_SESSION; leaves any other status alone. */
  async start(bookingId: string, actor: RecordedActor): Promise<BookingStatus> {
    return this.db.transaction(async (tx) => {
      const booking = await this.bookings.load(tx, bookingId, true);
      if (booking.status !== 'CHECKED_IN') return booking.status;
      return (await this.bookings.move(tx, booking, 'IN_SESSION', 'SESSION_STARTED', actor)).status;
    });
  }

  /** Completes the booking; 409 (ConflictError) when it cannot be, e.g. the visitor never checked in. */
  async complete(bookingId: string, actor: RecordedActor): Promise<void> {
    await this.db.transaction(async (tx) => {
      const booking = await this.bookings.load(tx, bookingId, true);
      if (booking.status === 'COMPLETED') return;
      await this.bookings.move(tx, booking, 'COMPLETED', 'COMPLETED', actor, { via: 'session' });
    });
  }
}
