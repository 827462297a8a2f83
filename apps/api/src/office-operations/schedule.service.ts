import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DayScheduleView,
  RoomBlockReason,
  RoomBlockSummary,
  StaffBookingView,
  WeeklyIntervalDto,
} from '@distans/contracts';
import { addDays, DatedException, IsoDate, LocalDay, openingDay } from '@distans/scheduling';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import type { Actor } from '../common/request-context';
import { assertOfficeInScope } from '../common/scope';
import { STAFF_BOOKING_SELECT, StaffBookingRow } from '../bookings/booking-columns';
import { staffBookingView } from '../bookings/booking-view';
import { closingClock, localClock, localSpan } from '../common/local-time';
import { visitorNameReads } from './visitor-name-reads';

interface OfficeDayRow {
  id: string;
  name: string;
  time_zone: string;
  weekly_hours: WeeklyIntervalDto[];
  closed_on_public_holidays: boolean;
  exceptions: { date: string; closed: boolean; intervals: { opens: string; closes: string }[]; reason: string }[];
  rooms: { id: string; name: string; active: boolean }[];
}

export interface BlockRow {
  id: string;
  room_id: string;
  starts_at: Date;
  ends_at: Date;
  reason: RoomBlockReason;
  note: string;
}

/**
 * The office's day for its staff: rooms across the day with their bookings and blocks, and the
 * opening hours. Bookings carry logistics only (agency, interpreter, needs, check-in); the
 * visitor's name is there because check-in needs it, and every name shown is audit-logged.
 */
@Injectable()
export class ScheduleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async day(actor: Actor, officeId: string, date: IsoDate): Promise<DayScheduleView> {
    assertOfficeInScope(actor, officeId);
    const [office]: OfficeDayRow[] = await this.db.query(
      `SELECT o.id, o.name, o.time_zone, o.weekly_hours, o.closed_on_public_holidays,
              COALESCE((SELECT json_agg(json_build_object('date', e.date::text, 'closed', e.closed,
                                                          'intervals', e.intervals, 'reason', e.reason))
                          FROM office_exception e WHERE e.office_id = o.id AND e.date = $2::date), '[]') AS exceptions,
              COALESCE((SELECT json_agg(json_build_object('id', r.id, 'name', r.name, 'active', r.active) ORDER BY r.name, r.id)
                          FROM room r WHERE r.office_id = o.id), '[]') AS rooms
         FROM office o WHERE o.id = $1`,
      [officeId, date],
    );
    if (!office) throw new NotFoundError('Office not found');
    const zone = office.time_zone;
    const from = new Date(new LocalDay(date, zone).start);
    const to = new Date(new LocalDay(addDays(date, 1), zone).start);

    const bookingRows: StaffBookingRow[] = await this.db.query(
      `${STAFF_BOOKING_SELECT} WHERE b.office_id = $1 AND b.starts_at >= $2 AND b.starts_at < $3 ORDER BY b.starts_at, b.reference`,
      [officeId, from, to],
    );
    const blockRows: BlockRow[] = await this.db.query(
      `SELECT id, room_id, starts_at, ends_at, reason, note FROM room_block
        WHERE office_id = $1 AND starts_at < $3 AND ends_at > $2 ORDER BY starts_at, id`,
      [officeId, from, to],
    );

    const bookings = bookingRows.map((row) => staffBookingView(row, this.config.HANDLER_MISSED_OFFER_AFTER_MINUTES));
    await this.audit.recordMany(visitorNameReads(bookings, { via: 'office-schedule', officeId, date }));

    const opening = openingDay(
      {
        zone,
        weekly: office.weekly_hours,
        closedOnPublicHolidays: office.closed_on_public_holidays,
        exceptions: office.exceptions.map((e): DatedException => ({
          date: e.date,
          closed: e.closed,
          intervals: e.intervals,
          ...(e.reason ? { reason: e.reason } : {}),
        })),
      },
      date,
    );

    return {
      office: { id: office.id, name: office.name, timeZone: zone },
      date,
      openingHours: {
        closed: opening.spans.length === 0,
        source: opening.source,
        reason: opening.reason ?? null,
        intervals: opening.spans.map((span) => ({
          start: new Date(span.start).toISOString(),
          end: new Date(span.end).toISOString(),
          opens: localClock(span.start, zone),
          closes: closingClock(span.end, zone),
        })),
      },
      rooms: office.rooms.map((room) => ({
        ...room,
        bookings: bookings.filter((b) => b.roomId === room.id).map(({ roomId: _roomId, ...b }) => b),
        blocks: blockRows
          .filter((k) => k.room_id === room.id)
          .map((k) => roomBlockSummary(k, zone))
          .map(({ roomId: _roomId, ...k }) => k),
      })),
    };
  }

  /** Finding the visitor at the desk in a few keystrokes; every name in the answer is audit-logged. */
  async arrivals(actor: Actor, officeId: string, date: IsoDate, query: string): Promise<StaffBookingView[]> {
    assertOfficeInScope(actor, officeId);
    const terms = arrivalSearchTerms(query);
    if (terms.reference.length < 2 && terms.name.length < 2) return [];
    const [office]: { time_zone: string }[] = await this.db.query(`SELECT time_zone FROM office WHERE id = $1`, [
      officeId,
    ]);
    if (!office) throw new NotFoundError('Office not found');
    const from = new Date(new LocalDay(date, office.time_zone).start);
    const to = new Date(new LocalDay(addDays(date, 1), office.time_zone).start);
    const rows: StaffBookingRow[] = await this.db.query(
      `${STAFF_BOOKING_SELECT}
        WHERE b.office_id = $1 AND b.starts_at >= $2 AND b.starts_at < $3 AND b.status IN ('BOOKED', 'CHECKED_IN')
          AND ((length($4) >= 2 AND replace(b.reference, '-', '') LIKE $4 || '%')
               OR (length($5) >= 2 AND (lower(b.citizen_name) LIKE $5 || '%' OR lower(b.citizen_name) LIKE '% ' || $5 || '%'))
               OR ($6::text IS NOT NULL AND regexp_replace(b.citizen_phone, '\\D', '', 'g') LIKE '%' || $6 || '%'))
        ORDER BY b.starts_at, b.reference
        LIMIT ${ARRIVAL_MATCHES}`,
      [officeId, from, to, terms.reference, terms.name, terms.phoneDigits],
    );
    const views = rows.map((row) => staffBookingView(row, this.config.HANDLER_MISSED_OFFER_AFTER_MINUTES));
    await this.audit.recordMany(visitorNameReads(views, { via: 'arrival-search', officeId, date }));
    return views;
  }
}

/** At most this many matches: the desk wants the one visitor in front of it, not a list. */
const ARRIVAL_MATCHES = 10;

/**
 * The office's day's bookings still to arrive (or just arrived) that match what staff typed:
 * the start of a reference ("k7m"), part of the visitor's name, or three or more digits of their
 * phone number ("0701", "+46 70 1"). The phone number is only matched, never returned.
 */
export function arrivalSearchTerms(raw: string): { reference: string; name: string; phoneDigits: string | null } {
  const query = raw.trim();
  const digits = query.replace(/\D/g, '');
  // Swedish numbers are written 070… or +46 70…: compare without the trunk prefix or country code.
  const national = digits.startsWith('46') && query.startsWith('+') ? digits.slice(2) : digits.replace(/^0/, '');
  return {
    reference: query.toUpperCase().replace(/[^0-9A-Z]/g, ''),
    name: query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`),
    phoneDigits: digits.length >= 3 ? national : null,
  };
}

export function roomBlockSummary(row: BlockRow, zone: string): RoomBlockSummary {
  return {
    id: row.id,
    roomId: row.room_id,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    local: localSpan(row.starts_at, row.ends_at, zone),
    reason: row.reason,
    note: row.note,
  };
}
