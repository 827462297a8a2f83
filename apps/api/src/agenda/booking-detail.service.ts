import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BookingDetailView } from '@distans/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { BookingRow } from '../bookings/booking-columns';
import { BookingDetailExtra, detailView } from '../bookings/booking-view';
import { BookingsService } from '../bookings/bookings.service';
import { NotFoundError } from '../common/domain-errors';
import type { Actor } from '../common/request-context';

/**
 * One booking with the citizen's contact, for the handlers of its agency, its interpreter and
 * administrators. Anyone else (another agency, office staff) gets 404 as if it did not exist.
 * Every read writes an audit row, so access to the contact can be checked afterwards.
 */
@Injectable()
export class BookingDetailService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bookings: BookingsService,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, id: string): Promise<BookingDetailView> {
    const row = await this.bookings.load(this.db.manager, id);
    if (!mayRead(actor, row)) throw new NotFoundError('Booking not found');
    const [extra]: BookingDetailExtra[] = await this.db.query(
      `SELECT b.booked_via, b.checked_in_by, h.display_name AS handler_name, i.display_name AS interpreter_name,
              COALESCE((SELECT json_agg(json_build_object('at', e.at, 'kind', e.kind, 'from_status', e.from_status,
                                          'to_status', e.to_status, 'actor_id', e.actor_id, 'actor_role', e.actor_role,
                                          'details', e.details) ORDER BY e.at, e.id)
                          FROM booking_event e WHERE e.booking_id = b.id), '[]') AS events
         FROM booking b
         JOIN app_user h ON h.id = b.handler_id
         LEFT JOIN app_user i ON i.id = b.interpreter_id
        WHERE b.id = $1`,
      [id],
    );
    await this.audit.record({
      action: 'booking.contact.read',
      resourceType: 'booking',
      resourceId: id,
      details: { agencyId: row.agency_id },
    });
    return detailView(row, extra);
  }
}

function mayRead(actor: Actor, row: BookingRow): boolean {
  switch (actor.role) {
    case 'ADMIN':
      return true;
    case 'HANDLER':
      return actor.agencyId !== null && row.agency_id === actor.agencyId;
    case 'INTERPRETER':
      return row.interpreter_id === actor.id;
    case 'OFFICE_STAFF':
    case 'ROOM_DEVICE':
      return false;
  }
}
