import { Injectable } from '@nestjs/common';
import type { NotificationLocale } from '@distans/contracts';
import type { EntityManager } from 'typeorm';
import { composeMessage, NotificationFacts, NotificationKind } from './notification-templates';

/** What a message about one booking needs: who gets it, in which language, and the facts it states. */
export interface BookingNotice {
  bookingId: string;
  locale: NotificationLocale;
  email: string | null;
  phone: string | null;
  facts: NotificationFacts;
}

/**
 * Puts messages in the outbox inside the booking's own transaction: a booking is never confirmed
 * without its message, nor a message sent for a booking that rolled back. Sending happens later,
 * with retries, in OutboxDispatcher.
 */
@Injectable()
export class NotificationsService {
  async enqueue(tx: EntityManager, notice: BookingNotice, kind: NotificationKind): Promise<number> {
    const message = composeMessage(kind, notice.locale, notice.facts);
    const rows: [string, string, string][] = [];
    if (notice.email) rows.push(['EMAIL', notice.email, message.body]);
    if (notice.phone) rows.push(['SMS', notice.phone, message.short]);
    for (const [channel, recipient, body] of rows) {
      await tx.query(
        `INSERT INTO notification_outbox (booking_id, kind, channel, recipient, locale, subject, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [notice.bookingId, kind, channel, recipient, notice.locale, message.subject, body],
      );
    }
    return rows.length;
  }
}
