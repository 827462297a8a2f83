import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RecordedActor } from '../common/request-context';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { recordBookingEvent } from './booking-events';
import { BOOKING_SELECT, BookingRow } from './booking-columns';
import { BookingsService } from './bookings.service';

/** Advisory lock key of the sweep: one instance sweeps at a time, the others skip that round. */
export const HANDLER_WAIT_SWEEP_LOCK = 0x4453_0002;
const BATCH = 200;
const SYSTEM: RecordedActor = { id: null, role: 'SYSTEM' };

/** A handler who has been in the session (even if they dropped again) came: this is not for them. */
const handlerNeverJoined = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM session_participation p WHERE p.booking_id = ${alias}.id AND p.peer_role = 'HANDLER')`;

/**
 * When the handler does not come. A checked-in visitor whose handler has not joined
 * HANDLER_REMINDER_AFTER_MINUTES after the start: the handler is reminded (the booking's
 * handler_reminded_at, which the database announces live to the handler, the office and the
 * room). When the join window closes without the handler, the booking ends as HANDLER_MISSED,
 * counted against the agency, and its room, handler and interpreter are released.
 */
@Injectable()
export class HandlerWaitJob {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bookings: BookingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many handlers were reminded and how many meetings were closed as missed. */
  async sweep(now = new Date()): Promise<{ reminded: number; missed: number }> {
    return this.db.transaction(async (tx) => {
      const [{ locked }]: { locked: boolean }[] = await tx.query(
        `SELECT pg_try_advisory_xact_lock($1::bigint) AS locked`,
        [HANDLER_WAIT_SWEEP_LOCK],
      );
      if (!locked) return { reminded: 0, missed: 0 };

      const closed: BookingRow[] = await tx.query(
        `${BOOKING_SELECT}
          WHERE b.status = 'CHECKED_IN' AND b.ends_at < $1::timestamptz - make_interval(mins => $2)
            AND ${handlerNeverJoined('b')}
          ORDER BY b.starts_at
          LIMIT $3
          FOR UPDATE OF b SKIP LOCKED`,
        [now, this.config.SESSION_JOIN_AFTER_MINUTES, BATCH],
      );
      for (const booking of closed) {
        await this.bookings.move(tx, booking, 'HANDLER_MISSED', 'HANDLER_MISSED', SYSTEM, {
          reason: 'the join window closed without the handler',
          recordedAgainst: 'AGENCY',
        });
      }

      // An UPDATE answers [rows, count].
      const [reminded]: [{ id: string }[], number] = await tx.query(
        `UPDATE booking b SET handler_reminded_at = $1
          WHERE b.id IN (SELECT w.id FROM booking w
                          WHERE w.status = 'CHECKED_IN' AND w.handler_reminded_at IS NULL
                            AND w.starts_at <= $1::timestamptz - make_interval(mins => $2)
                            AND ${handlerNeverJoined('w')}
                          ORDER BY w.starts_at LIMIT $3
                          FOR UPDATE OF w SKIP LOCKED)
          RETURNING b.id`,
        [now, this.config.HANDLER_REMINDER_AFTER_MINUTES, BATCH],
      );
      for (const { id } of reminded) {
        await recordBookingEvent(tx, id, 'HANDLER_REMINDED', 'CHECKED_IN', 'CHECKED_IN', SYSTEM, {
          afterMinutes: this.config.HANDLER_REMINDER_AFTER_MINUTES,
        });
      }
      return { reminded: reminded.length, missed: closed.length };
    });
  }
}
