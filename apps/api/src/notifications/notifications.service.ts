import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BookingRow } from '../bookings/booking-view';
import { composeMessage, NotificationKind } from './notification-templates';

/**
 * Puts messages in the outbox inside the booking's own transaction: a booking is never confirmed
 * without its message, nor a message sent for a booking that rolled back. Sending happens later,
 * with retries, in OutboxDispatcher.
 */
@Injectable()
export class NotificationsService {
  async enqueue(tx: EntityManager, booking: BookingRow, kind: NotificationKind): Promise<number> {
    const message = composeMessage(kind, booking.locale, {
      reference: booking.reference,
      agencyName: { sv: booking.agency_name_sv, en: booking.agency_name_en },
      caseTypeName: { sv: booking.case_type_name_sv, en: booking.case_type_name_en },
      officeName: booking.office_name,
      officeAddress: [booking.street_address, [booking.postal_code, booking.city].filter(Boolean).join(' ')]
        .filter(Boolean)
        .join(', '),
      startsAt: booking.starts_at,
      zone: booking.time_zone,
      idCheckRequired: booking.id_check_required,
      interpreter: booking.interpreter_id !== null,
    });
    const rows: [string, string, string][] = [];
    if (booking.citizen_email) rows.push(['EMAIL', booking.citizen_email, message.body]);
    if (booking.citizen_phone) rows.push(['SMS', booking.citizen_phone, message.short]);
    for (const [channel, recipient, body] of rows) {
      await tx.query(
        `INSERT INTO notification_outbox (booking_id, kind, channel, recipient, locale, subject, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [booking.id, kind, channel, recipient, booking.locale, message.subject, body],
      );
    }
    return rows.length;
  }
}
