import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgendaView } from '@distans/contracts';
import { addDays, IsoDate, LocalDay } from '@distans/scheduling';
import { DataSource } from 'typeorm';
import { AGENDA_BOOKING_SELECT, AgendaBookingRow } from '../bookings/booking-columns';
import { agendaItem } from '../bookings/booking-view';
import { ForbiddenError } from '../common/domain-errors';
import type { Actor } from '../common/request-context';

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
    const rows: AgendaBookingRow[] = await this.db.query(
      `${AGENDA_BOOKING_SELECT}
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
