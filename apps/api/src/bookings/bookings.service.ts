import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isManageCode,
  manageLink,
  normaliseManageCode,
  type BookingStatus,
  type CitizenBookingView,
  type CreatedBooking,
} from '@distans/contracts';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { safeEqual, sha256 } from '../auth/secrets';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { clockLabel, localDate } from '../common/local-time';
import { NotificationsService } from '../notifications/notifications.service';
import { canMove, describeStatus, releasesResources, statusConflict } from './booking-lifecycle';
import { formatNotice } from './refusals';
import { BookingAllocator } from './booking-allocator';
import { randomManageCode, randomReference } from './booking-reference';
import { BookingEventKind, recordBookingEvent } from './booking-events';
import { currentActor, RecordedActor } from '../common/request-context';
import { BOOKING_SELECT, BookingRow } from './booking-columns';
import { bookingNotice, citizenView } from './booking-view';
import { ManageCodeSeal } from './manage-code-seal';
import type { BookingNotice } from '../notifications/notifications.service';
import { CreateBookingDto } from './dto/create-booking.dto';

export interface BookingOrigin {
  via: 'PUBLIC' | 'OFFICE_STAFF';
  bookedBy: string | null;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Booking, rescheduling and cancelling, for citizens (by reference and manage token) and for
 * office staff booking on a visitor's behalf. Every change is one transaction: resource holds,
 * the booking row, its event and its outbox messages land together or not at all.
 */
@Injectable()
export class BookingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly allocator: BookingAllocator,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.seal = new ManageCodeSeal(config.JWT_ACCESS_SECRET ?? '');
  }

  private readonly seal: ManageCodeSeal;

  /** The facts every message and calendar file about this booking states. */
  notice(row: BookingRow): BookingNotice {
    return bookingNotice(row, {
      site: this.config.PUBLIC_BASE_URL,
      cutoffMinutes: this.config.BOOKING_CHANGE_CUTOFF_MINUTES,
      manageCode: this.seal.open(row.manage_code_sealed),
    });
  }

  async create(dto: CreateBookingDto, origin: BookingOrigin): Promise<CreatedBooking> {
    return this.db.transaction((tx) => this.createIn(tx, dto, origin));
  }

  /** Books inside the caller's transaction, e.g. together with closing the booking it replaces. */
  async createIn(tx: EntityManager, dto: CreateBookingDto, origin: BookingOrigin): Promise<CreatedBooking> {
    const manageToken = randomManageCode();
    const bookingId = randomUUID();
    const allocation = await this.allocator.allocate(tx, bookingId, {
      caseTypeId: dto.caseTypeId,
      officeId: dto.officeId,
      start: new Date(dto.start).getTime(),
      language: dto.language,
      interpreter: dto.interpreter,
      needs: dto.accessibilityNeeds,
    });
    await this.insertWithFreshReference(tx, (reference) =>
      tx.query(
        `INSERT INTO booking (id, reference, manage_token_hash, manage_code_sealed, agency_id, case_type_id, office_id, room_id, handler_id,
                              interpreter_id, language, interpreter_language, starts_at, ends_at, hold_until,
                              citizen_name, citizen_phone, citizen_email, accessibility_needs, accessibility_note,
                              locale, booked_via, booked_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
        [
          bookingId,
          reference,
          manageCodeHash(manageToken),
          this.seal.seal(manageToken),
          allocation.caseType.agencyId,
          dto.caseTypeId,
          dto.officeId,
          allocation.roomId,
          allocation.handlerId,
          allocation.interpreterId,
          dto.language,
          allocation.interpreterId ? dto.language : null,
          allocation.start,
          allocation.end,
          allocation.holdUntil,
          dto.citizen.name.trim(),
          dto.citizen.phone?.trim() ?? null,
          dto.citizen.email?.trim().toLowerCase() ?? null,
          dto.accessibilityNeeds,
          dto.accessibilityNote?.trim() ?? '',
          dto.locale,
          origin.via,
          origin.bookedBy,
        ],
      ),
    );
    await recordBookingEvent(tx, bookingId, 'CREATED', null, 'BOOKED', currentActor(), {
      via: origin.via,
    });
    const created = await this.load(tx, bookingId);
    await this.notifications.enqueue(tx, this.notice(created), 'CONFIRMATION');
    await this.audit.record(
      { action: 'booking.create', resourceType: 'booking', resourceId: created.id, details: { via: origin.via } },
      { tx },
    );
    return {
      id: created.id,
      manageToken,
      manageUrl: manageLink(this.config.PUBLIC_BASE_URL, created.reference, manageToken),
      ...citizenView(created, this.config.BOOKING_CHANGE_CUTOFF_MINUTES),
    };
  }

  async getForCitizen(reference: string, token: string): Promise<CitizenBookingView> {
    const row = await this.withToken(this.db.manager, reference, token);
    await this.audit.record({ action: 'booking.read', resourceType: 'booking', resourceId: row.id });
    return citizenView(row, this.config.BOOKING_CHANGE_CUTOFF_MINUTES);
  }

  /**
   * Idempotent: cancelling a booking that is already cancelled answers as the first cancel did,
   * with the cancelled booking, and changes nothing (no second event, no second message).
   */
  async cancelForCitizen(reference: string, token: string): Promise<CitizenBookingView> {
    const row = await this.db.transaction(async (tx) => {
      const booking = await this.withToken(tx, reference, token, true);
      if (booking.status === 'CANCELLED') return booking;
      this.assertChangeable(booking);
      return this.move(tx, booking, 'CANCELLED', 'CANCELLED', currentActor());
    });
    return citizenView(row, this.config.BOOKING_CHANGE_CUTOFF_MINUTES);
  }

  /**
   * Moves the booking to a new start in one transaction: its old holds are released and new ones
   * taken under the same booking id. If the new time cannot be had, the transaction rolls back and
   * the old booking stands exactly as it was.
   */
  async rescheduleForCitizen(reference: string, token: string, start: string): Promise<CitizenBookingView> {
    const row = await this.db.transaction(async (tx) => {
      const booking = await this.withToken(tx, reference, token, true);
      if (booking.status !== 'BOOKED') throw statusConflict(booking.status, 'moved');
      this.assertChangeable(booking);
      await tx.query(`DELETE FROM resource_hold WHERE booking_id = $1`, [booking.id]);
      const allocation = await this.allocator.allocate(tx, booking.id, {
        caseTypeId: booking.case_type_id,
        officeId: booking.office_id,
        start: new Date(start).getTime(),
        language: booking.language as CreateBookingDto['language'],
        interpreter: booking.interpreter_id !== null,
        needs: booking.accessibility_needs as CreateBookingDto['accessibilityNeeds'],
      });
      await tx.query(
        `UPDATE booking SET room_id = $2, handler_id = $3, interpreter_id = $4, starts_at = $5, ends_at = $6, hold_until = $7,
                            calendar_sequence = calendar_sequence + 1, reminder_queued_at = NULL, updated_at = now()
          WHERE id = $1`,
        [
          booking.id,
          allocation.roomId,
          allocation.handlerId,
          allocation.interpreterId,
          allocation.start,
          allocation.end,
          allocation.holdUntil,
        ],
      );
      await recordBookingEvent(tx, booking.id, 'RESCHEDULED', 'BOOKED', 'BOOKED', currentActor(), {
        from: booking.starts_at.toISOString(),
        to: allocation.start.toISOString(),
      });
      const moved = await this.load(tx, booking.id);
      await this.notifications.enqueue(tx, this.notice(moved), 'CHANGE');
      return moved;
    });
    return citizenView(row, this.config.BOOKING_CHANGE_CUTOFF_MINUTES);
  }

  /**
   * Applies one lifecycle move under a row lock. Illegal moves answer 409; moves to CANCELLED or
   * NO_SHOW release the room, handler and interpreter at once.
   */
  async move(
    tx: EntityManager,
    booking: BookingRow,
    to: BookingStatus,
    kind: BookingEventKind,
    actor: RecordedActor,
    details: Record<string, unknown> = {},
  ): Promise<BookingRow> {
    if (!canMove(booking.status, to)) throw statusConflict(booking.status, describeStatus(to));
    // A cancellation is a change the visitor's calendar must see (SEQUENCE, METHOD:CANCEL).
    await tx.query(
      `UPDATE booking SET status = $2, updated_at = now(),
                          calendar_sequence = calendar_sequence + CASE WHEN $2 = 'CANCELLED' THEN 1 ELSE 0 END
        WHERE id = $1`,
      [booking.id, to],
    );
    if (releasesResources(to)) await tx.query(`DELETE FROM resource_hold WHERE booking_id = $1`, [booking.id]);
    await recordBookingEvent(tx, booking.id, kind, booking.status, to, actor, details);
    const moved = await this.load(tx, booking.id);
    if (to === 'CANCELLED') await this.notifications.enqueue(tx, this.notice(moved), 'CANCELLATION');
    return moved;
  }

  async load(tx: EntityManager, id: string, lock = false): Promise<BookingRow> {
    const [row]: BookingRow[] = await tx.query(`${BOOKING_SELECT} WHERE b.id = $1 ${lock ? 'FOR UPDATE OF b' : ''}`, [
      id,
    ]);
    if (!row) throw new NotFoundError('Booking not found');
    return row;
  }

  /** The booking as a calendar file (REQUEST, or CANCEL once cancelled), for the visitor's own calendar. */
  async calendarForCitizen(reference: string, token: string): Promise<string> {
    const row = await this.withToken(this.db.manager, reference, token);
    await this.audit.record({
      action: 'booking.read',
      resourceType: 'booking',
      resourceId: row.id,
      details: { as: 'calendar' },
    });
    return this.notifications.calendar(this.notice(row));
  }

  /** A wrong token looks exactly like a wrong reference: 404, and nothing about the booking. */
  private async withToken(tx: EntityManager, reference: string, token: string, lock = false): Promise<BookingRow> {
    if (!isManageCode(token)) throw new NotFoundError('Booking not found');
    const [row]: BookingRow[] = await tx.query(
      `${BOOKING_SELECT} WHERE b.reference = $1 ${lock ? 'FOR UPDATE OF b' : ''}`,
      [reference.trim().toUpperCase()],
    );
    if (!row || !safeEqual(row.manage_token_hash, manageCodeHash(token))) throw new NotFoundError('Booking not found');
    return row;
  }

  private assertChangeable(booking: BookingRow): void {
    const minutes = this.config.BOOKING_CHANGE_CUTOFF_MINUTES;
    const cutoff = booking.starts_at.getTime() - minutes * 60_000;
    if (Date.now() > cutoff) {
      throw new ConflictError(
        `Bookings can be changed online until ${formatNotice(minutes)} before the start ` +
          `(this one until ${clockLabel(cutoff, booking.time_zone)} on ${localDate(cutoff, booking.time_zone)}). ` +
          'Please contact the office.',
        { code: 'CHANGES_CLOSED' },
      );
    }
  }

  private async insertWithFreshReference(
    tx: EntityManager,
    insert: (reference: string) => Promise<unknown>,
  ): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await tx.query('SAVEPOINT insert_booking');
      try {
        await insert(randomReference());
        await tx.query('RELEASE SAVEPOINT insert_booking');
        return;
      } catch (error) {
        const code =
          error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
        if (code?.code !== UNIQUE_VIOLATION || code.constraint !== 'booking_reference_key') throw error;
        await tx.query('ROLLBACK TO SAVEPOINT insert_booking');
      }
    }
    throw new Error('Could not find a free booking reference');
  }
}

/** Stored instead of the code: the hash of its canonical form, so any typed form of it matches. */
function manageCodeHash(code: string): string {
  return sha256(normaliseManageCode(code));
}
