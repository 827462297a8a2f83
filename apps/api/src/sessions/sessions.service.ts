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
 * each participant joined and left. Nothing about the media or the chat is stored.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bookings: BookingsService,
  ) {}

  async recordJoin(identity: SessionIdentity): Promise<string> {
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO session_participation (booking_id, peer_role, actor_id) VALUES ($1, $2, $3) RETURNING id`,
      [identity.bookingId, identity.role, identity.actorId],
    );
    return row.id;
  }

  async recordLeave(participationId: string, reason: SessionLeaveReason): Promise<void> {
    await this.db.query(
      `UPDATE session_participation SET left_at = now(), leave_reason = $2 WHERE id = $1 AND left_at IS NULL`,
      [participationId, reason],
    );
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
