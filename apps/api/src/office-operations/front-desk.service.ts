import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AccessibilityNeed,
  AvailabilityView,
  CreatedBooking,
  IdCheckMethod,
  Language,
  StaffBookingView,
} from '@distans/contracts';
import { addDays, localDateOf } from '@distans/scheduling';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AvailabilityService } from '../bookings/availability/availability.service';
import { canMove, statusConflict } from '../bookings/booking-lifecycle';
import type { BookingRow } from '../bookings/booking-columns';
import { staffBookingView } from '../bookings/booking-view';
import { BookingsService } from '../bookings/bookings.service';
import { clockLabel } from '../common/local-time';
import { ConflictError } from '../common/domain-errors';
import type { Actor } from '../common/request-context';
import { assertOfficeInScope } from '../common/scope';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { OfficeBookingDto } from './dto/office-booking.dto';

/** Visitors may check in this long before their start (they tend to come early). */
export const CHECK_IN_OPENS_MINUTES = 60;
/** How far ahead a new time is looked for when the handler did not come. */
const NEW_TIME_SEARCH_DAYS = 14;

/** The missed meeting and the visitor's new booking, made together. */
export interface NewTimeResult {
  missed: StaffBookingView;
  booking: CreatedBooking;
}

/**
 * What office staff do at the desk: book on a visitor's behalf, check a visitor in after seeing
 * their identity document, mark a no-show, cancel for the visitor, and give a new time when the
 * handler did not come. Staff act only on bookings of their own offices; any other booking answers
 * 404, like one that does not exist.
 */
@Injectable()
export class FrontDeskService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bookings: BookingsService,
    private readonly availability: AvailabilityService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async bookOnBehalf(actor: Actor, officeId: string, dto: OfficeBookingDto): Promise<CreatedBooking> {
    assertOfficeInScope(actor, officeId);
    return this.bookings.create({ ...dto, officeId }, { via: 'OFFICE_STAFF', bookedBy: actor.id });
  }

  /** Records that identity was verified in person (how, by whom, when) and moves BOOKED -> CHECKED_IN. */
  async checkIn(actor: Actor, bookingId: string, method: IdCheckMethod, now = Date.now()): Promise<StaffBookingView> {
    return this.db.transaction(async (tx) => {
      const booking = await this.loadInScope(tx, actor, bookingId);
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
      return this.view(moved);
    });
  }

  /** The visitor did not come: the booking becomes NO_SHOW and its room and people are free again. */
  async markNoShow(actor: Actor, bookingId: string, now = Date.now()): Promise<StaffBookingView> {
    return this.db.transaction(async (tx) => {
      const booking = await this.loadInScope(tx, actor, bookingId);
      if (canMove(booking.status, 'NO_SHOW') && now < booking.starts_at.getTime()) {
        throw new ConflictError(
          `A no-show can be marked only after the start, at ${clockLabel(booking.starts_at, booking.time_zone)}`,
          { code: 'NO_SHOW_TOO_EARLY' },
        );
      }
      const moved = await this.bookings.move(tx, booking, 'NO_SHOW', 'NO_SHOW', { id: actor.id, role: actor.role });
      await this.audit.record({ action: 'booking.no-show', resourceType: 'booking', resourceId: booking.id }, { tx });
      return this.view(moved);
    });
  }

  /**
   * The visitor asked at the desk (or on the phone) to cancel. Unlike online self-service there is
   * no cut-off: staff may cancel up to the meeting. The visitor gets the cancellation message.
   */
  async cancelForVisitor(actor: Actor, bookingId: string): Promise<StaffBookingView> {
    return this.db.transaction(async (tx) => {
      const booking = await this.loadInScope(tx, actor, bookingId);
      const moved = await this.bookings.move(
        tx,
        booking,
        'CANCELLED',
        'CANCELLED',
        { id: actor.id, role: actor.role },
        { onBehalfOfVisitor: true },
      );
      await this.audit.record(
        {
          action: 'booking.cancel',
          resourceType: 'booking',
          resourceId: booking.id,
          details: { onBehalfOfVisitor: true },
        },
        { tx },
      );
      return this.view(moved);
    });
  }

  /**
   * Free times for a visitor whose handler did not come: the same case, language, interpreter and
   * needs, at this office, from now on. The case type stays on the server: staff never see it.
   */
  async newTimeOptions(actor: Actor, bookingId: string, now = Date.now()): Promise<AvailabilityView> {
    const booking = await this.loadInScope(this.db.manager, actor, bookingId);
    this.assertMayGiveNewTime(booking, now);
    const today = localDateOf(now, booking.time_zone);
    return this.availability.search(
      {
        caseType: booking.case_type_id,
        office: booking.office_id,
        from: today,
        to: addDays(today, NEW_TIME_SEARCH_DAYS - 1),
        language: booking.language as Language,
        interpreter: booking.interpreter_id !== null,
        accessibility: booking.accessibility_needs as AccessibilityNeed[],
      },
      now,
    );
  }

  /**
   * The handler did not come and the visitor accepts a new time: in one transaction the missed
   * meeting ends as HANDLER_MISSED (counted against the agency, not the visitor) and releases its
   * holds, and the same visit is booked again at `start`. If the new time cannot be had, nothing
   * changes and the visitor is still checked in.
   */
  async giveNewTime(actor: Actor, bookingId: string, start: string, now = Date.now()): Promise<NewTimeResult> {
    return this.db.transaction(async (tx) => {
      const booking = await this.loadInScope(tx, actor, bookingId);
      this.assertMayGiveNewTime(booking, now);
      const missed = await this.bookings.move(
        tx,
        booking,
        'HANDLER_MISSED',
        'HANDLER_MISSED',
        { id: actor.id, role: actor.role },
        { recordedAgainst: 'AGENCY', newTime: start },
      );
      const created = await this.bookings.createIn(
        tx,
        {
          caseTypeId: booking.case_type_id,
          officeId: booking.office_id,
          start,
          language: booking.language as Language,
          interpreter: booking.interpreter_id !== null,
          accessibilityNeeds: booking.accessibility_needs as AccessibilityNeed[],
          accessibilityNote: booking.accessibility_note,
          citizen: {
            name: booking.citizen_name,
            ...(booking.citizen_phone ? { phone: booking.citizen_phone } : {}),
            ...(booking.citizen_email ? { email: booking.citizen_email } : {}),
          },
          locale: booking.locale,
        },
        { via: 'OFFICE_STAFF', bookedBy: actor.id },
      );
      await this.audit.record(
        {
          action: 'booking.handler-missed',
          resourceType: 'booking',
          resourceId: booking.id,
          details: { recordedAgainst: 'AGENCY', newBookingId: created.id },
        },
        { tx },
      );
      return { missed: this.view(missed), booking: created };
    });
  }

  private assertMayGiveNewTime(booking: BookingRow, now: number): void {
    if (booking.status !== 'CHECKED_IN')
      throw statusConflict(booking.status, 'given a new time: no visitor is waiting');
    const from = booking.starts_at.getTime() + this.config.HANDLER_MISSED_OFFER_AFTER_MINUTES * 60_000;
    if (now < from) {
      throw new ConflictError(
        `The handler still has time to join: a new time can be given from ${clockLabel(from, booking.time_zone)}`,
        { code: 'NEW_TIME_TOO_EARLY' },
      );
    }
  }

  private async loadInScope(tx: EntityManager, actor: Actor, bookingId: string): Promise<BookingRow> {
    const booking = await this.bookings.load(tx, bookingId, tx !== this.db.manager);
    assertOfficeInScope(actor, booking.office_id, 'Booking');
    return booking;
  }

  private view(row: BookingRow): StaffBookingView {
    return staffBookingView(row, this.config.HANDLER_MISSED_OFFER_AFTER_MINUTES);
  }
}
