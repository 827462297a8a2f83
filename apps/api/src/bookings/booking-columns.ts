import type { BookingStatus, IdCheckMethod, NotificationLocale } from '@distans/contracts';

/**
 * The columns of a booking, named once, in parts (as immich names its column lists in
 * `database.ts`). Every booking read selects `core` and the parts its audience may see, over the
 * same joins, so a column is spelled in one place and a view cannot pick up what it should not:
 * office staff get no case type and no contact, an agenda no contact.
 */
const BOOKING_PARTS = {
  core: 'b.id, b.reference, b.status, b.starts_at, b.ends_at, o.time_zone',
  agency: 'b.agency_id, a.code AS agency_code, a.name_sv AS agency_name_sv, a.name_en AS agency_name_en',
  caseType: 'b.case_type_id, ct.name_sv AS case_type_name_sv, ct.name_en AS case_type_name_en, ct.duration_min',
  place: 'b.office_id, o.name AS office_name, b.room_id, r.name AS room_name',
  address: 'o.street_address, o.postal_code, o.city, o.phone AS office_phone',
  visit:
    'b.language, b.interpreter_id, b.interpreter_language, b.accessibility_needs, ct.id_check_required, ' +
    'b.checked_in_at, b.id_check_method, b.handler_reminded_at',
  visitorName: 'b.citizen_name',
  contact: 'b.citizen_phone, b.citizen_email, b.locale, b.accessibility_note, b.calendar_sequence',
  /** For changing the booking: who holds it, until when, and the citizen's manage token. */
  allocation: 'b.handler_id, b.hold_until, b.manage_token_hash, b.manage_code_sealed',
} as const;

const BOOKING_JOINS = `
    FROM booking b
    JOIN agency a ON a.id = b.agency_id
    JOIN case_type ct ON ct.id = b.case_type_id
    JOIN office o ON o.id = b.office_id
    JOIN room r ON r.id = b.room_id`;

export interface BookingCore {
  id: string;
  reference: string;
  status: BookingStatus;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
}

interface BookingPartColumns {
  core: BookingCore;
  agency: { agency_id: string; agency_code: string; agency_name_sv: string; agency_name_en: string };
  caseType: { case_type_id: string; case_type_name_sv: string; case_type_name_en: string; duration_min: number };
  place: { office_id: string; office_name: string; room_id: string; room_name: string };
  address: { street_address: string; postal_code: string; city: string; office_phone: string };
  visit: {
    language: string;
    interpreter_id: string | null;
    interpreter_language: string | null;
    accessibility_needs: string[];
    id_check_required: boolean;
    checked_in_at: Date | null;
    id_check_method: IdCheckMethod | null;
    handler_reminded_at: Date | null;
  };
  visitorName: { citizen_name: string };
  contact: {
    citizen_phone: string | null;
    citizen_email: string | null;
    locale: NotificationLocale;
    accessibility_note: string;
    /** The .ics SEQUENCE: raised by every new time and by the cancellation. */
    calendar_sequence: number;
  };
  allocation: { handler_id: string; hold_until: Date; manage_token_hash: string; manage_code_sealed: string | null };
}

export type BookingPart = keyof BookingPartColumns;

type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

/** The row a select of these parts answers with. */
export type BookingRowOf<P extends BookingPart> = BookingCore & Intersection<BookingPartColumns[P]>;

/** `SELECT <core and parts> FROM booking b JOIN ...`; add WHERE, ORDER BY and locks after it. */
function selectBookings(parts: readonly BookingPart[]): string {
  const columns = (['core', ...parts.filter((part) => part !== 'core')] as BookingPart[]).map(
    (part) => BOOKING_PARTS[part],
  );
  return `SELECT ${columns.join(',\n         ')}${BOOKING_JOINS}`;
}

/** Everything: what the booking service loads to change a booking and to show it to its citizen. */
const FULL = ['agency', 'caseType', 'place', 'address', 'visit', 'visitorName', 'contact', 'allocation'] as const;
export type BookingRow = BookingRowOf<(typeof FULL)[number]>;
export const BOOKING_SELECT = selectBookings(FULL);

/** A handler's or interpreter's agenda: the meeting, no contact. */
const AGENDA = ['agency', 'caseType', 'place', 'visit'] as const;
export type AgendaBookingRow = BookingRowOf<(typeof AGENDA)[number]>;
export const AGENDA_BOOKING_SELECT = selectBookings(AGENDA);

/** Office staff: logistics and the visitor's name for the desk; no case type, no contact. */
const STAFF = ['agency', 'place', 'visit', 'visitorName'] as const;
export type StaffBookingRow = BookingRowOf<(typeof STAFF)[number]>;
export const STAFF_BOOKING_SELECT = selectBookings(STAFF);

/** A booking that a change to opening hours or a room would affect: when, where, which agency. */
const IMPACT = ['agency', 'place'] as const;
export type ImpactBookingRow = BookingRowOf<(typeof IMPACT)[number]>;
export const IMPACT_BOOKING_SELECT = selectBookings(IMPACT);
