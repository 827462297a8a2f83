import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BookingDetailView, BookingStatus } from '@distans/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BookingRow, localTimes } from '../bookings/booking-view';
import { BookingsService } from '../bookings/bookings.service';
import { NotFoundError } from '../common/domain-errors';
import type { Actor } from '../common/request-context';

interface ExtraRow {
  booked_via: 'PUBLIC' | 'OFFICE_STAFF';
  checked_in_by: string | null;
  handler_name: string;
  interpreter_name: string | null;
  events: {
    at: string;
    kind: string;
    from_status: BookingStatus | null;
    to_status: BookingStatus;
    actor_id: string | null;
    actor_role: string;
    details: Record<string, unknown>;
  }[];
}

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
    const [extra]: ExtraRow[] = await this.db.query(
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

function detailView(row: BookingRow, extra: ExtraRow): BookingDetailView {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    local: localTimes(row),
    agency: { id: row.agency_id, code: row.agency_code, nameSv: row.agency_name_sv, nameEn: row.agency_name_en },
    caseType: {
      id: row.case_type_id,
      nameSv: row.case_type_name_sv,
      nameEn: row.case_type_name_en,
      durationMin: row.duration_min,
      idCheckRequired: row.id_check_required,
    },
    office: { id: row.office_id, name: row.office_name },
    room: { id: row.room_id, name: row.room_name },
    handler: { id: row.handler_id, name: extra.handler_name },
    interpreter: row.interpreter_id
      ? { id: row.interpreter_id, name: extra.interpreter_name ?? '', language: row.interpreter_language }
      : null,
    language: row.language,
    accessibilityNeeds: row.accessibility_needs,
    accessibilityNote: row.accessibility_note,
    citizen: { name: row.citizen_name, phone: row.citizen_phone, email: row.citizen_email, locale: row.locale },
    bookedVia: extra.booked_via,
    idVerified: row.checked_in_at !== null,
    idCheck:
      row.checked_in_at && row.id_check_method && extra.checked_in_by
        ? { method: row.id_check_method, at: row.checked_in_at.toISOString(), by: extra.checked_in_by }
        : null,
    events: extra.events.map((e) => ({
      at: new Date(e.at).toISOString(),
      kind: e.kind,
      from: e.from_status,
      to: e.to_status,
      actor: { id: e.actor_id, role: e.actor_role },
      details: e.details,
    })),
  };
}
