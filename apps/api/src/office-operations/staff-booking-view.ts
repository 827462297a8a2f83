import { ACTIVE_BOOKING_STATUSES, BookingStatus, StaffBookingView } from '@distans/contracts';
import { DateTime } from 'luxon';
import type { AuditRecord } from '../audit/audit.service';
import { BookingRow, localTimes } from '../bookings/booking-view';

export type { StaffBookingView } from '@distans/contracts';

/** The columns of a booking that office staff need to run the day: logistics, no case or contact. */
export type StaffBookingRow = Pick<
  BookingRow,
  | 'id'
  | 'reference'
  | 'status'
  | 'starts_at'
  | 'ends_at'
  | 'time_zone'
  | 'room_id'
  | 'agency_code'
  | 'agency_name_sv'
  | 'agency_name_en'
  | 'language'
  | 'interpreter_id'
  | 'interpreter_language'
  | 'accessibility_needs'
  | 'id_check_required'
  | 'checked_in_at'
  | 'citizen_name'
  | 'handler_reminded_at'
>;

export const STAFF_BOOKING_SELECT = `
  SELECT b.id, b.reference, b.status, b.starts_at, b.ends_at, o.time_zone, b.room_id,
         a.code AS agency_code, a.name_sv AS agency_name_sv, a.name_en AS agency_name_en,
         b.language, b.interpreter_id, b.interpreter_language, b.accessibility_needs, ct.id_check_required,
         b.checked_in_at, b.citizen_name, b.handler_reminded_at
    FROM booking b
    JOIN agency a ON a.id = b.agency_id
    JOIN case_type ct ON ct.id = b.case_type_id
    JOIN office o ON o.id = b.office_id`;

/**
 * Staff see the visitor's name only while it can matter at the desk; once a booking is cancelled,
 * completed or a no-show there is nobody left to greet, so the name is not shown (nor logged).
 */
export function showsVisitorName(status: BookingStatus): boolean {
  return ACTIVE_BOOKING_STATUSES.includes(status);
}

/**
 * `offerNewTimeAfterMinutes`: from how long after the start staff may give a visitor whose handler
 * has not come a new time (HANDLER_MISSED_OFFER_AFTER_MINUTES).
 */
export function staffBookingView(row: StaffBookingRow, offerNewTimeAfterMinutes: number): StaffBookingView {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    local: localTimes(row),
    roomId: row.room_id,
    agency: { code: row.agency_code, nameSv: row.agency_name_sv, nameEn: row.agency_name_en },
    language: row.language,
    interpreter: { needed: row.interpreter_id !== null, language: row.interpreter_language },
    accessibilityNeeds: row.accessibility_needs,
    idCheckRequired: row.id_check_required,
    checkedIn: row.checked_in_at !== null,
    visitorName: showsVisitorName(row.status) ? row.citizen_name : null,
    waitingForHandler:
      row.status === 'CHECKED_IN' && row.handler_reminded_at
        ? {
            remindedAt: row.handler_reminded_at.toISOString(),
            newTimeFrom: new Date(row.starts_at.getTime() + offerNewTimeAfterMinutes * 60_000).toISOString(),
          }
        : null,
  };
}

/** One audit row per booking whose visitor name a response carries. */
export function visitorNameReads(views: StaffBookingView[], details: Record<string, unknown>): AuditRecord[] {
  return views
    .filter((view) => view.visitorName !== null)
    .map((view) => ({ action: 'booking.visitor-name.read', resourceType: 'booking', resourceId: view.id, details }));
}

/** Office-local wall clock of an instant, e.g. '14:30'. */
export function localClock(instant: Date | number, zone: string): string {
  const value = typeof instant === 'number' ? instant : instant.getTime();
  return DateTime.fromMillis(value, { zone }).toFormat('HH:mm');
}

/** Office-local date and times of a span that may cross midnight (room blocks can last days). */
export function localSpan(
  start: Date,
  end: Date,
  zone: string,
): { startDate: string; start: string; endDate: string; end: string; zone: string } {
  const from = DateTime.fromJSDate(start, { zone });
  const to = DateTime.fromJSDate(end, { zone });
  return {
    startDate: from.toISODate()!,
    start: from.toFormat('HH:mm'),
    endDate: to.toISODate()!,
    end: to.toFormat('HH:mm'),
    zone,
  };
}
