import { Injectable } from '@nestjs/common';
import type { BookingDecision, ConflictingBooking, TimeIntervalDto, WeeklyIntervalDto } from '@distans/contracts';
import {
  contains,
  IsoDate,
  localDateOf,
  openingDay,
  type DatedException,
  type OfficeCalendar,
} from '@distans/scheduling';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { IMPACT_BOOKING_SELECT, type ImpactBookingRow } from '../../bookings/booking-columns';
import { conflictingBooking } from '../../bookings/booking-view';
import { BookingsService } from '../../bookings/bookings.service';
import { ConflictError } from '../../common/domain-errors';
import { currentActor } from '../../common/request-context';

/** Bookings still to come that a change can strand; later statuses have nothing left to move. */
const FUTURE_STATUSES = `('BOOKED', 'CHECKED_IN')`;

/** A change to an office's calendar, as the preview and the saving endpoints both describe it. */
export interface CalendarChange {
  weeklyHours?: WeeklyIntervalDto[];
  closedOnPublicHolidays?: boolean;
  /** The exception that will stand on `date`, or null when the date's exception is removed. */
  exception?: { date: IsoDate; closed: boolean; intervals: TimeIntervalDto[]; reason?: string } | null;
  /** With `exception: null`: the date whose exception goes. */
  date?: IsoDate;
}

/** Why bookings are cancelled, for the booking's history and the audit log. */
export type ImpactCause = 'office-hours' | 'room-deactivated';

/**
 * What a change to an office's opening hours or to a room does to the bookings already made.
 * The same computation answers the preview (nothing written) and guards the change itself: a
 * change that strands bookings is refused (409 BOOKINGS_AFFECTED, listing them) until the
 * administrator decides to keep or to cancel them, and cancelling happens in the change's own
 * transaction, with each visitor's cancellation message, so nothing is ever half done.
 */
@Injectable()
export class BookingImpactService {
  constructor(
    private readonly bookings: BookingsService,
    private readonly audit: AuditService,
  ) {}

  /** Future bookings of the office that would lie (partly) outside its hours after `change`. */
  async ofCalendarChange(
    tx: EntityManager,
    officeId: string,
    change: CalendarChange,
    now = Date.now(),
  ): Promise<ImpactBookingRow[]> {
    const [office]: { time_zone: string; weekly_hours: WeeklyIntervalDto[]; closed_on_public_holidays: boolean }[] =
      await tx.query(`SELECT time_zone, weekly_hours, closed_on_public_holidays FROM office WHERE id = $1`, [officeId]);
    if (!office) return [];
    const onDate = change.exception?.date ?? change.date;
    const rows: ImpactBookingRow[] = await tx.query(
      `${IMPACT_BOOKING_SELECT}
        WHERE b.office_id = $1 AND b.status IN ${FUTURE_STATUSES} AND b.ends_at > $2
          AND ($3::date IS NULL OR (b.starts_at AT TIME ZONE o.time_zone)::date = $3::date)
        ORDER BY b.starts_at, b.id`,
      [officeId, new Date(now), onDate ?? null],
    );
    if (!rows.length) return [];
    const exceptions: { date: string; closed: boolean; intervals: TimeIntervalDto[]; reason: string }[] =
      await tx.query(
        `SELECT date::text AS date, closed, intervals, reason FROM office_exception WHERE office_id = $1 AND date >= $2`,
        [officeId, localDateOf(now, office.time_zone)],
      );
    const calendar: OfficeCalendar = {
      zone: office.time_zone,
      weekly: change.weeklyHours ?? office.weekly_hours,
      closedOnPublicHolidays: change.closedOnPublicHolidays ?? office.closed_on_public_holidays,
      exceptions: [
        ...(change.exception ? [toDated(change.exception)] : []),
        ...exceptions.filter((e) => e.date !== onDate).map(toDated),
      ],
    };
    return rows.filter((row) => {
      const date = localDateOf(row.starts_at.getTime(), row.time_zone);
      const spans = openingDay(calendar, date).spans;
      return !contains(spans, { start: row.starts_at.getTime(), end: row.ends_at.getTime() });
    });
  }

  /** Bookings still to come in a room (before it is taken out of use). */
  async inRoom(tx: EntityManager, roomId: string, now = Date.now()): Promise<ImpactBookingRow[]> {
    return tx.query(
      `${IMPACT_BOOKING_SELECT}
        WHERE b.room_id = $1 AND b.status IN ${FUTURE_STATUSES} AND b.ends_at > $2
        ORDER BY b.starts_at, b.id`,
      [roomId, new Date(now)],
    );
  }

  /**
   * Applies the administrator's decision inside the change's transaction: without one, affected
   * bookings refuse the change; `cancel` cancels each (releasing its holds and queueing the
   * visitor's cancellation message); `keep` leaves them, and the audit log says so.
   */
  async settle(
    tx: EntityManager,
    affected: ImpactBookingRow[],
    decision: BookingDecision | undefined,
    cause: ImpactCause,
  ): Promise<void> {
    if (!affected.length) return;
    if (!decision) {
      throw new ConflictError(
        `The change affects ${affected.length} booking(s). Send onBookings: 'keep' or 'cancel' to decide what happens to them.`,
        { code: 'BOOKINGS_AFFECTED', extra: { affected: affected.map(conflictingBooking) } },
      );
    }
    const actor = currentActor();
    for (const row of affected) {
      if (decision === 'cancel') {
        const booking = await this.bookings.load(tx, row.id, true);
        await this.bookings.move(tx, booking, 'CANCELLED', 'CANCELLED', actor, { cause });
      }
      await this.audit.record(
        {
          action: decision === 'cancel' ? 'booking.cancel' : 'booking.keep',
          resourceType: 'booking',
          resourceId: row.id,
          details: { cause },
        },
        { tx },
      );
    }
  }

  views(rows: ImpactBookingRow[]): ConflictingBooking[] {
    return rows.map(conflictingBooking);
  }
}

function toDated(e: { date: string; closed: boolean; intervals: TimeIntervalDto[]; reason?: string }): DatedException {
  return { date: e.date, closed: e.closed, intervals: e.intervals, ...(e.reason ? { reason: e.reason } : {}) };
}
