import type { BookingStatus, IdCheckMethod } from './bookings';
import type { Language, WeeklyIntervalDto } from './organisation';
import type { StaffRole } from './roles';

/** Response shapes of the REST API that the web clients read; one definition for both sides. */

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  tokenType: 'Bearer';
}

export interface UserView {
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

/** Office-local date and wall-clock times of a booking, for people rather than machines. */
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
  /** True once office staff checked the visitor in after seeing an identity document. */
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

/** Everything about one booking, for the people who hold the meeting. */
export interface BookingDetailView {
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

/** One slot on a door display: times and state only, never who or which agency. */
export interface DoorSlot {
  start: string;
  end: string;
  local: { start: string; end: string };
  state: 'BOOKED' | 'CHECKED_IN' | 'IN_SESSION' | 'BLOCKED';
}

/** The visit a room is hosting once its visitor is checked in: the kiosk shows the reference only. */
export interface RoomVisit {
  bookingId: string;
  reference: string;
  start: string;
  localStart: string;
  status: BookingStatus;
}

/** What a paired kiosk may know about its own room today. */
export interface RoomScreenStatus {
  room: { id: string; name: string };
  office: { id: string; name: string; timeZone: string };
  now: string;
  /** Today's remaining and current slots, in order. */
  slots: DoorSlot[];
  current: DoorSlot | null;
  next: DoorSlot | null;
  visit: RoomVisit | null;
}

/** Answer to POST /devices/pair: shown once, the token is the kiosk's credential. */
export interface PairedDeviceView {
  deviceId: string;
  deviceToken: string;
  room: { id: string; name: string };
  office: { id: string; name: string };
}
