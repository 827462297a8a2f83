import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { NotificationsService } from '../notifications/notifications.service';
import { BOOKING_SELECT, BookingRow } from './booking-columns';
import { BookingsService } from './bookings.service';

const BATCH = 200;

/**
 * Queues the reminder (e-mail and SMS, in the booking's language) BOOKING_REMINDER_HOURS before
 * each booked meeting. `reminder_queued_at` is set in the same transaction as the outbox rows and
 * the rows are claimed with SKIP LOCKED, so each booking is reminded once, however many instances
 * run the job; a cancelled (or otherwise no longer booked) booking is never reminded. A booking
 * made inside the window already has its confirmation, and a moved booking is reminded of its new
 * time (the move clears the flag).
 */
@Injectable()
export class ReminderJob {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bookings: BookingsService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many bookings got their reminder queued. */
  async sweep(now = new Date()): Promise<number> {
    const hours = this.config.BOOKING_REMINDER_HOURS;
    if (hours === 0) return 0;
    return this.db.transaction(async (tx) => {
      const due: BookingRow[] = await tx.query(
        `${BOOKING_SELECT}
          WHERE b.status = 'BOOKED' AND b.reminder_queued_at IS NULL
            AND b.starts_at > $1::timestamptz AND b.starts_at <= $1::timestamptz + make_interval(hours => $2)
            AND b.created_at <= b.starts_at - make_interval(hours => $2)
          ORDER BY b.starts_at
          LIMIT $3
          FOR UPDATE OF b SKIP LOCKED`,
        [now, hours, BATCH],
      );
      for (const booking of due) {
        await tx.query(`UPDATE booking SET reminder_queued_at = $2 WHERE id = $1`, [booking.id, now]);
        await this.notifications.enqueue(tx, this.bookings.notice(booking), 'REMINDER');
      }
      return due.length;
    });
  }
}
