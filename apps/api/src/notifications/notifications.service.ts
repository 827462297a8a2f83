import { Inject, Injectable } from '@nestjs/common';
import type { NotificationLocale } from '@distans/contracts';
import addressparser from 'nodemailer/lib/addressparser';
import type { EntityManager } from 'typeorm';
import { bookingCalendar } from '../bookings/booking-calendar';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { calendarText, composeMessage, NotificationFacts, NotificationKind } from './notification-templates';

/** What a message about one booking needs: who gets it, in which language, and the facts it states. */
export interface BookingNotice {
  bookingId: string;
  locale: NotificationLocale;
  name: string;
  email: string | null;
  phone: string | null;
  /** booking.calendar_sequence, and whether the booking is cancelled: the calendar file's version. */
  sequence: number;
  cancelled: boolean;
  facts: NotificationFacts;
}

/**
 * Puts messages in the outbox inside the booking's own transaction: a booking is never confirmed
 * without its message, nor a message sent for a booking that rolled back. Sending happens later,
 * with retries, in OutboxDispatcher. E-mails carry the booking's calendar file.
 */
@Injectable()
export class NotificationsService {
  private readonly organizerEmail: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const [from] = addressparser(config.MAIL_FROM, { flatten: true });
    this.organizerEmail = from?.address || 'no-reply@distans.invalid';
  }

  async enqueue(tx: EntityManager, notice: BookingNotice, kind: NotificationKind): Promise<number> {
    const message = composeMessage(kind, notice.locale, notice.facts);
    const calendar = this.calendar(notice);
    const rows: [string, string, string, string | null, string | null][] = [];
    if (notice.email) rows.push(['EMAIL', notice.email, message.body, message.html, calendar]);
    if (notice.phone) rows.push(['SMS', notice.phone, message.short, null, null]);
    for (const [channel, recipient, body, html, ics] of rows) {
      await tx.query(
        `INSERT INTO notification_outbox (booking_id, kind, channel, recipient, locale, subject, body, html, calendar)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [notice.bookingId, kind, channel, recipient, notice.locale, message.subject, body, html, ics],
      );
    }
    return rows.length;
  }

  /** The booking as an .ics invitation (or cancellation), as attached to e-mails and downloaded. */
  calendar(notice: BookingNotice): string {
    const { facts } = notice;
    return bookingCalendar({
      bookingId: notice.bookingId,
      sequence: notice.sequence,
      cancelled: notice.cancelled,
      start: facts.startsAt,
      end: facts.endsAt,
      zone: facts.zone,
      officeName: facts.officeName,
      officeAddress: facts.officeAddress,
      organizerEmail: this.organizerEmail,
      attendee: { name: notice.name, email: notice.email },
      locale: notice.locale,
      ...calendarText(notice.locale, facts),
      url: facts.manage?.link ?? facts.site,
    });
  }
}
