import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { BOOKING_SELECT, BookingRow } from './booking-columns';
import { BookingsService } from './bookings.service';

/** Advisory lock key of the sweep: one instance sweeps at a time, the others skip that round. */
export const NO_SHOW_SWEEP_LOCK = 0x4453_0001;
const BATCH = 200;

/**
 * Turns bookings that nobody checked in for NO_SHOW_AFTER_MINUTES after their start into
 * NO_SHOW, releasing the room, handler and interpreter for someone else (a walk-in, say).
 */
@Injectable()
export class NoShowJob {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bookings: BookingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many bookings were marked. Rows another transaction holds are left for next time. */
  async sweep(now = new Date()): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [{ locked }]: { locked: boolean }[] = await tx.query(
        `SELECT pg_try_advisory_xact_lock($1::bigint) AS locked`,
        [NO_SHOW_SWEEP_LOCK],
      );
      if (!locked) return 0;
      const due: BookingRow[] = await tx.query(
        `${BOOKING_SELECT}
          WHERE b.status = 'BOOKED' AND b.starts_at <= $1::timestamptz - make_interval(mins => $2)
          ORDER BY b.starts_at
          LIMIT $3
          FOR UPDATE OF b SKIP LOCKED`,
        [now, this.config.NO_SHOW_AFTER_MINUTES, BATCH],
      );
      for (const booking of due) {
        await this.bookings.move(
          tx,
          booking,
          'NO_SHOW',
          'NO_SHOW',
          { id: null, role: 'SYSTEM' },
          { reason: 'not checked in', afterMinutes: this.config.NO_SHOW_AFTER_MINUTES },
        );
      }
      return due.length;
    });
  }
}
