import type { BookingStatus, CitizenBookingView, IdCheckMethod, LocalTimes } from '@distans/contracts';
import { DateTime } from 'luxon';

export type { CitizenBookingView } from '@distans/contracts';

export interface BookingRow {
  id: string;
  reference: string;
  status: BookingStatus;
  starts_at: Date;
  ends_at: Date;
  hold_until: Date;
  agency_id: string;
  agency_code: string;
  agency_name_sv: string;
  agency_name_en: string;
  case_type_id: string;
  case_type_name_sv: string;
  case_type_name_en: string;
  duration_min: number;
  id_check_required: boolean;
  office_id: string;
  office_name: string;
  street_address: string;
  postal_code: string;
  city: string;
  time_zone: string;
  room_id: string;
  room_name: string;
  handler_id: string;
  interpreter_id: string | null;
  language: string;
  interpreter_language: string | null;
  accessibility_needs: string[];
  accessibility_note: string;
  citizen_name: string;
  citizen_phone: string | null;
  citizen_email: string | null;
  locale: 'sv' | 'en';
  manage_token_hash: string;
  checked_in_at: Date | null;
  id_check_method: IdCheckMethod | null;
  handler_reminded_at: Date | null;
}

/** One SELECT shape for every booking read, joined with what people need to understand it. */
export const BOOKING_SELECT = `
  SELECT b.id, b.reference, b.status, b.starts_at, b.ends_at, b.hold_until,
         b.agency_id, a.code AS agency_code, a.name_sv AS agency_name_sv, a.name_en AS agency_name_en,
         b.case_type_id, ct.name_sv AS case_type_name_sv, ct.name_en AS case_type_name_en, ct.duration_min, ct.id_check_required,
         b.office_id, o.name AS office_name, o.street_address, o.postal_code, o.city, o.time_zone,
         b.room_id, r.name AS room_name, b.handler_id, b.interpreter_id, b.language, b.interpreter_language,
         b.accessibility_needs, b.accessibility_note, b.citizen_name, b.citizen_phone, b.citizen_email, b.locale,
         b.manage_token_hash, b.checked_in_at, b.id_check_method, b.handler_reminded_at
    FROM booking b
    JOIN agency a ON a.id = b.agency_id
    JOIN case_type ct ON ct.id = b.case_type_id
    JOIN office o ON o.id = b.office_id
    JOIN room r ON r.id = b.room_id`;

export function localTimes(row: Pick<BookingRow, 'starts_at' | 'ends_at' | 'time_zone'>): LocalTimes {
  const start = DateTime.fromJSDate(row.starts_at, { zone: row.time_zone });
  const end = DateTime.fromJSDate(row.ends_at, { zone: row.time_zone });
  return { date: start.toISODate()!, start: start.toFormat('HH:mm'), end: end.toFormat('HH:mm'), zone: row.time_zone };
}

export function citizenView(row: BookingRow, cutoffMinutes: number): CitizenBookingView {
  return {
    reference: row.reference,
    status: row.status,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    local: localTimes(row),
    agency: { code: row.agency_code, nameSv: row.agency_name_sv, nameEn: row.agency_name_en },
    caseType: {
      id: row.case_type_id,
      nameSv: row.case_type_name_sv,
      nameEn: row.case_type_name_en,
      durationMin: row.duration_min,
      idCheckRequired: row.id_check_required,
    },
    office: {
      id: row.office_id,
      name: row.office_name,
      streetAddress: row.street_address,
      postalCode: row.postal_code,
      city: row.city,
    },
    room: { name: row.room_name },
    language: row.language,
    interpreter: row.interpreter_id !== null,
    accessibilityNeeds: row.accessibility_needs,
    citizen: { name: row.citizen_name, phone: row.citizen_phone, email: row.citizen_email },
    changeableUntil: new Date(row.starts_at.getTime() - cutoffMinutes * 60_000).toISOString(),
  };
}
