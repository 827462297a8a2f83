import {
  ACTIVE_BOOKING_STATUSES,
  type AgencyName,
  type AgendaItem,
  type BookingDetailView,
  type BookingStatus,
  type CitizenBookingView,
  type InterpreterNeed,
  type BookingBasics,
  type CaseTypeSummary,
  type ConflictingBooking,
  type StaffBookingView,
  manageLink,
} from '@distans/contracts';
import { localSpan, localTimes } from '../common/local-time';
import type { BookingNotice } from '../notifications/notifications.service';
import type { AgendaBookingRow, BookingCore, BookingRow, StaffBookingRow } from './booking-columns';

/**
 * One mapper per audience, each built from the same parts: when and where, the agency, the case
 * type, the interpreter and the identity check are shaped once. Each takes only the columns its
 * audience may see (see booking-columns.ts).
 */

/** The extra a booking's detail reads beside its row: people's names and the history. */
export interface BookingDetailExtra {
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

/** The citizen holding the manage token: their booking, with where to go and until when it can change. */
export function citizenView(row: BookingRow, cutoffMinutes: number, now = Date.now()): CitizenBookingView {
  const changeableUntil = row.starts_at.getTime() - cutoffMinutes * 60_000;
  return {
    ...basics(row),
    agency: agencyName(row),
    caseType: caseTypeSummary(row),
    office: {
      id: row.office_id,
      name: row.office_name,
      streetAddress: row.street_address,
      postalCode: row.postal_code,
      city: row.city,
      phone: row.office_phone,
      timeZone: row.time_zone,
    },
    room: { name: row.room_name },
    language: row.language,
    interpreter: row.interpreter_id !== null,
    accessibilityNeeds: row.accessibility_needs,
    citizen: { name: row.citizen_name, phone: row.citizen_phone, email: row.citizen_email },
    locale: row.locale,
    whatToBring: row.id_check_required ? ['VALID_ID'] : [],
    changeableUntil: new Date(changeableUntil).toISOString(),
    changesOpen: row.status === 'BOOKED' && now <= changeableUntil,
  };
}

/** A handler's or interpreter's day: the meeting, without the citizen's contact. */
export function agendaItem(row: AgendaBookingRow): AgendaItem {
  return {
    id: row.id,
    ...basics(row),
    agency: agencyName(row),
    caseType: caseTypeName(row),
    office: { id: row.office_id, name: row.office_name },
    room: { id: row.room_id, name: row.room_name },
    language: row.language,
    interpreter: interpreterNeed(row),
    accessibilityNeeds: row.accessibility_needs,
    idVerified: row.checked_in_at !== null,
    idCheck:
      row.checked_in_at && row.id_check_method
        ? { method: row.id_check_method, at: row.checked_in_at.toISOString() }
        : null,
  };
}

/** Everything about one booking, for the people who hold the meeting. */
export function detailView(row: BookingRow, extra: BookingDetailExtra): BookingDetailView {
  const item = agendaItem(row);
  return {
    ...item,
    agency: { id: row.agency_id, ...item.agency },
    caseType: caseTypeSummary(row),
    handler: { id: row.handler_id, name: extra.handler_name },
    interpreter: row.interpreter_id
      ? { id: row.interpreter_id, name: extra.interpreter_name ?? '', language: row.interpreter_language }
      : null,
    accessibilityNote: row.accessibility_note,
    citizen: { name: row.citizen_name, phone: row.citizen_phone, email: row.citizen_email, locale: row.locale },
    bookedVia: extra.booked_via,
    idCheck: item.idCheck && extra.checked_in_by ? { ...item.idCheck, by: extra.checked_in_by } : null,
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

/** What a booking's messages need beside its row: the site, the change cutoff and the manage code. */
export interface NoticeContext {
  site: string;
  cutoffMinutes: number;
  /** The booking's manage code, or null when it is not at hand. */
  manageCode: string | null;
}

/** The citizen's messages and calendar file: where and when, no case details. */
export function bookingNotice(row: BookingRow, context: NoticeContext): BookingNotice {
  return {
    bookingId: row.id,
    locale: row.locale,
    name: row.citizen_name,
    email: row.citizen_email,
    phone: row.citizen_phone,
    sequence: row.calendar_sequence,
    cancelled: row.status === 'CANCELLED',
    facts: {
      bookingId: row.id,
      reference: row.reference,
      agencyName: { sv: row.agency_name_sv, en: row.agency_name_en },
      caseTypeName: { sv: row.case_type_name_sv, en: row.case_type_name_en },
      officeName: row.office_name,
      officeAddress: [row.street_address, [row.postal_code, row.city].filter(Boolean).join(' ')]
        .filter(Boolean)
        .join(', '),
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      zone: row.time_zone,
      idCheckRequired: row.id_check_required,
      interpreter: row.interpreter_id !== null,
      changeableUntil: new Date(row.starts_at.getTime() - context.cutoffMinutes * 60_000),
      site: context.site.replace(/\/+$/, ''),
      manage: context.manageCode
        ? { code: context.manageCode, link: manageLink(context.site, row.reference, context.manageCode) }
        : null,
    },
  };
}

/**
 * Staff see the visitor's name only while it can matter at the desk; once a booking is cancelled,
 * completed or a no-show there is nobody left to greet, so the name is not shown (nor logged).
 */
export function showsVisitorName(status: BookingStatus): boolean {
  return ACTIVE_BOOKING_STATUSES.includes(status);
}

/**
 * Office staff running the day: logistics (agency, interpreter, needs, check-in), no case, no
 * contact. `offerNewTimeAfterMinutes`: from how long after the start staff may give a visitor whose
 * handler has not come a new time (HANDLER_MISSED_OFFER_AFTER_MINUTES).
 */
export function staffBookingView(row: StaffBookingRow, offerNewTimeAfterMinutes: number): StaffBookingView {
  return {
    id: row.id,
    ...basics(row),
    roomId: row.room_id,
    agency: agencyName(row),
    language: row.language,
    interpreter: interpreterNeed(row),
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

function basics(row: BookingCore): BookingBasics {
  return {
    reference: row.reference,
    status: row.status,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    local: localTimes(row.starts_at, row.ends_at, row.time_zone),
  };
}

/** A booking in the way of a change (a room block, closed hours): enough to find it, no visitor data. */
export function conflictingBooking(
  row: BookingCore & { agency_code: string; agency_name_sv: string; agency_name_en: string },
): ConflictingBooking {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    local: localSpan(row.starts_at, row.ends_at, row.time_zone),
    agency: agencyName(row),
  };
}

export function agencyName(row: { agency_code: string; agency_name_sv: string; agency_name_en: string }): AgencyName {
  return { code: row.agency_code, nameSv: row.agency_name_sv, nameEn: row.agency_name_en };
}

function caseTypeName(row: { case_type_name_sv: string; case_type_name_en: string }): {
  nameSv: string;
  nameEn: string;
} {
  return { nameSv: row.case_type_name_sv, nameEn: row.case_type_name_en };
}

function caseTypeSummary(row: BookingRow): CaseTypeSummary {
  return {
    id: row.case_type_id,
    ...caseTypeName(row),
    durationMin: row.duration_min,
    idCheckRequired: row.id_check_required,
  };
}

function interpreterNeed(row: { interpreter_id: string | null; interpreter_language: string | null }): InterpreterNeed {
  return { needed: row.interpreter_id !== null, language: row.interpreter_language };
}
