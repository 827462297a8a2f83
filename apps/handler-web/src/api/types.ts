import type { BookingStatus, IdCheckMethod, Language, StaffRole, WeeklyIntervalDto } from '@distans/contracts';

// These mirror the API's response views (apps/api/src/agenda/*, users/users.service.ts,
// auth/auth.service.ts). They are not in @distans/contracts yet; when they move there, import them instead.

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  tokenType: 'Bearer';
}

export interface Profile {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
  agencyId: string | null;
  caseTypeIds: string[];
  officeIds: string[];
  languages: Language[];
  weeklyHours: WeeklyIntervalDto[];
  timeZone: string;
  createdAt: string;
}

export interface LocalTimes {
  date: string;
  start: string;
  end: string;
  zone: string;
}

export interface AgendaItem {
  id: string;
  reference: string;
  status: BookingStatus;
  start: string;
  end: string;
  local: LocalTimes;
  agency: { code: string; nameSv: string; nameEn: string };
  caseType: { nameSv: string; nameEn: string };
  office: { id: string; name: string };
  room: { id: string; name: string };
  language: string;
  interpreter: { needed: boolean; language: string | null };
  accessibilityNeeds: string[];
  idVerified: boolean;
  idCheck: { method: IdCheckMethod; at: string } | null;
}

export interface AgendaView {
  date: string;
  timeZone: string;
  items: AgendaItem[];
}

export interface BookingEventView {
  at: string;
  kind: string;
  from: BookingStatus | null;
  to: BookingStatus;
  actor: { id: string | null; role: string };
  details: Record<string, unknown>;
}

export interface BookingDetail {
  id: string;
  reference: string;
  status: BookingStatus;
  start: string;
  end: string;
  local: LocalTimes;
  agency: { id: string; code: string; nameSv: string; nameEn: string };
  caseType: { id: string; nameSv: string; nameEn: string; durationMin: number; idCheckRequired: boolean };
  office: { id: string; name: string };
  room: { id: string; name: string };
  handler: { id: string; name: string };
  interpreter: { id: string; name: string; language: string | null } | null;
  language: string;
  accessibilityNeeds: string[];
  accessibilityNote: string;
  citizen: { name: string; phone: string | null; email: string | null; locale: 'sv' | 'en' };
  bookedVia: 'PUBLIC' | 'OFFICE_STAFF';
  idVerified: boolean;
  idCheck: { method: IdCheckMethod; at: string; by: string } | null;
  events: BookingEventView[];
}

/** What every screen needs to say about a booking, from either the agenda or the detail read. */
export interface BookingSummary {
  id: string;
  reference: string;
  status: BookingStatus;
  start: string;
  end: string;
  officeName: string;
  roomName: string;
  caseType: { nameSv: string; nameEn: string };
  interpreterNeeded: boolean;
}

export function summaryOf(item: AgendaItem | BookingDetail): BookingSummary {
  return {
    id: item.id,
    reference: item.reference,
    status: item.status,
    start: item.start,
    end: item.end,
    officeName: item.office.name,
    roomName: item.room.name,
    caseType: { nameSv: item.caseType.nameSv, nameEn: item.caseType.nameEn },
    interpreterNeeded: 'events' in item ? item.interpreter !== null : item.interpreter.needed,
  };
}

/** Statuses in which the meeting can be joined. */
export function isJoinable(status: BookingStatus): boolean {
  return status === 'CHECKED_IN' || status === 'IN_SESSION';
}
