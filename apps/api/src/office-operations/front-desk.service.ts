import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreatedBooking, IdCheckMethod, StaffBookingView } from '@distans/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { canMove, statusConflict } from '../bookings/booking-lifecycle';
import { staffBookingView } from '../bookings/booking-view';
import { BookingsService } from '../bookings/bookings.service';
import { ConflictError } from '../common/domain-errors';
import type { Actor } from '../common/request-context';
import { assertOfficeInScope } from '../common/scope';
import { OfficeBookingDto } from './dto/office-booking.dto';
import { clockLabel } from '../common/local-time';

/** Visitors may check in this long before their start (they tend to come early). */
export const CHECK_IN_OPENS_MINUTES = 60;

/**
 * What office staff do at the desk: book on a visitor's behalf, check a visitor in after seeing
 * their identity document, and mark a no-show. Staff act only on bookings of their own offices;
 * any other booking answers 404, like one that does not exist.
 */
@Injectable()
export class FrontDeskService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bookings: BookingsService,
    private readonly audit: AuditService,
  ) {}

  async bookOnBehalf(actor: Actor, officeId: string, dto: OfficeBookingDto): Promise<CreatedBooking> {
    assertOfficeInScope(actor, officeId);
    return this.bookings.create({ ...dto, officeId }, { via: 'OFFICE_STAFF', bookedBy: actor.id });
  }

  /** Records that identity was verified in person (how, by whom, when) and moves BOOKED -> CHECKED_IN. */
  async checkIn(actor: Actor, bookingId: string, method: IdCheckMethod, now = Date.now()): Promise<StaffBookingView> {
    return this.db.transaction(async (tx) => {
      const booking = await this.bookings.load(tx, bookingId, true);
      assertOfficeInScope(actor, booking.office_id, 'Booking');
      if (!canMove(booking.status, 'CHECKED_IN')) throw statusConflict(booking.status, 'checked in');
      const opens = booking.starts_at.getTime() - CHECK_IN_OPENS_MINUTES * 60_000;
      if (now < opens) {
        throw new ConflictError(
          `Check-in opens ${CHECK_IN_OPENS_MINUTES} minutes before the start, at ${clockLabel(opens, booking.time_zone)}`,
          { code: 'CHECK_IN_NOT_OPEN' },
        );
      }
      if (now >= booking.ends_at.getTime()) {
        throw new ConflictError(
          `The meeting was due to end at ${clockLabel(booking.ends_at, booking.time_zone)}; it can no longer be checked in`,
          { code: 'CHECK_IN_CLOSED' },
        );
      }
      // Written before the status so that the database's "checked in means verified" check holds.
      await tx.query(`UPDATE booking SET checked_in_at = $2, checked_in_by = $3, id_check_method = $4 WHERE id = $1`, [
        booking.id,
        new Date(now),
        actor.id,
        method,
      ]);
      const moved = await this.bookings.move(
        tx,
        booking,
        'CHECKED_IN',
        'CHECKED_IN',
        { id: actor.id, role: actor.role },
        { idCheckMethod: method },
      );
      await this.audit.record(
        {
          action: 'booking.check-in',
          resourceType: 'booking',
          resourceId: booking.id,
          details: { idCheckMethod: method },
        },
        { tx },
      );
      return staffBookingView(moved);
    });
  }

  /** The visitor did not come: the booking becomes NO_SHOW and its room and people are free again. */
  async markNoShow(actor: Actor, bookingId: string, now = Date.now()): Promise<StaffBookingView> {
    return this.db.transaction(async (tx) => {
      const booking = await this.bookings.load(tx, bookingId, true);
      assertOfficeInScope(actor, booking.office_id, 'Booking');
      if (canMove(booking.status, 'NO_SHOW') && now < booking.starts_at.getTime()) {
        throw new ConflictError(
          `A no-show can be marked only after the start, at ${clockLabel(booking.starts_at, booking.time_zone)}`,
          { code: 'NO_SHOW_TOO_EARLY' },
        );
      }
      const moved = await this.bookings.move(tx, booking, 'NO_SHOW', 'NO_SHOW', { id: actor.id, role: actor.role });
      await this.audit.record({ action: 'booking.no-show', resourceType: 'booking', resourceId: booking.id }, { tx });
      return staffBookingView(moved);
    });
  }
}
