import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgendaItem, AgendaView } from '@distans/contracts';
import { addDays, IsoDate, LocalDay } from '@distans/scheduling';
import { DataSource } from 'typeorm';
import { BookingRow, localTimes } from '../bookings/booking-view';
import { ForbiddenError } from '../common/domain-errors';
import type { Actor } from '../common/request-context';

type AgendaRow = Pick<
  BookingRow,
  | 'id'
  | 'reference'
  | 'status'
  | 'starts_at'
  | 'ends_at'
  | 'time_zone'
  | 'agency_code'
  | 'agency_name_sv'
  | 'agency_name_en'
  | 'case_type_name_sv'
  | 'case_type_name_en'
  | 'office_id'
  | 'office_name'
  | 'room_id'
  | 'room_name'
  | 'language'
  | 'interpreter_id'
  | 'interpreter_language'
  | 'accessibility_needs'
  | 'checked_in_at'
  | 'id_check_method'
>;

/**
 * A handler's or interpreter's own meetings on one day, in their own time zone. Only bookings
 * assigned to the caller (a handler's also only of their agency), and no citizen contact: that is
 * one click further, on the booking itself, where reading it is audit-logged.
 */
@Injectable()
export class AgendaService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forDay(actor: Actor, date: IsoDate): Promise<AgendaView> {
    const own = ownBookings(actor);
    const [user]: { time_zone: string }[] = await this.db.query(`SELECT time_zone FROM app_user WHERE id = $1`, [
      actor.id,
    ]);
    const timeZone = user?.time_zone ?? 'Europe/Stockholm';
    const from = new Date(new LocalDay(date, timeZone).start);
    const to = new Date(new LocalDay(addDays(date, 1), timeZone).start);
    const rows: AgendaRow[] = await this.db.query(
      `SELECT b.id, b.reference, b.status, b.starts_at, b.ends_at, o.time_zone,
              a.code AS agency_code, a.name_sv AS agency_name_sv, a.name_en AS agency_name_en,
              ct.name_sv AS case_type_name_sv, ct.name_en AS case_type_name_en,
              o.id AS office_id, o.name AS office_name, r.id AS room_id, r.name AS room_name,
              b.language, b.interpreter_id, b.interpreter_language, b.accessibility_needs,
              b.checked_in_at, b.id_check_method
         FROM booking b
         JOIN agency a ON a.id = b.agency_id
         JOIN case_type ct ON ct.id = b.case_type_id
         JOIN office o ON o.id = b.office_id
         JOIN room r ON r.id = b.room_id
        WHERE ${own.condition} AND b.starts_at >= $2 AND b.starts_at < $3
        ORDER BY b.starts_at, b.reference`,
      [actor.id, from, to, ...own.params],
    );
    return { date, timeZone, items: rows.map(agendaItem) };
  }
}

/** The caller's own bookings; a handler's also only of their agency, on top of the foreign key. */
function ownBookings(actor: Actor): { condition: string; params: unknown[] } {
  switch (actor.role) {
    case 'HANDLER':
      return { condition: 'b.handler_id = $1 AND b.agency_id = $4', params: [actor.agencyId] };
    case 'INTERPRETER':
      return { condition: 'b.interpreter_id = $1', params: [] };
    case 'ADMIN':
    case 'OFFICE_STAFF':
    case 'ROOM_DEVICE':
      throw new ForbiddenError('Only handlers and interpreters have an agenda');
  }
}

function agendaItem(row: AgendaRow): AgendaItem {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    local: localTimes(row),
    agency: { code: row.agency_code, nameSv: row.agency_name_sv, nameEn: row.agency_name_en },
    caseType: { nameSv: row.case_type_name_sv, nameEn: row.case_type_name_en },
    office: { id: row.office_id, name: row.office_name },
    room: { id: row.room_id, name: row.room_name },
    language: row.language,
    interpreter: { needed: row.interpreter_id !== null, language: row.interpreter_language },
    accessibilityNeeds: row.accessibility_needs,
    idVerified: row.checked_in_at !== null,
    idCheck:
      row.checked_in_at && row.id_check_method
        ? { method: row.id_check_method, at: row.checked_in_at.toISOString() }
        : null,
  };
}
