import type { BookingStatus, IdCheckMethod, NotificationLocale, RoomBlockReason } from './bookings';
import type { UnavailableReason } from './http';
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

/**
 * Office-local date and wall-clock times of a booking, for people rather than machines. Each time
 * comes with its UTC offset ('+02:00'): on the autumn daylight-saving Sunday 02:00-02:59 happens
 * twice, and a meeting from 02:45 to 02:15 reads right only as 02:45 (+02:00) to 02:15 (+01:00).
 */
export interface LocalTimes {
  date: string;
  start: string;
  startOffset: string;
  end: string;
  endOffset: string;
  zone: string;
}

/** Office-local dates and times of a span that may cross midnight (room blocks can last days). */
export interface LocalSpan {
  startDate: string;
  start: string;
  startOffset: string;
  endDate: string;
  end: string;
  endOffset: string;
  zone: string;
}

/** Which agency a booking is with: the citizen must always know who is responsible. */
export interface AgencyName {
  code: string;
  nameSv: string;
  nameEn: string;
}

/** How an interpreter takes part: whether one is booked, and for which language. */
export interface InterpreterNeed {
  needed: boolean;
  language: string | null;
}

/** A booking's reference, status and time: an instant for machines, the office's wall clock for people. */
export interface BookingBasics {
  reference: string;
  status: BookingStatus;
  start: string;
  end: string;
  local: LocalTimes;
}

export interface CaseTypeSummary {
  id: string;
  nameSv: string;
  nameEn: string;
  durationMin: number;
  idCheckRequired: boolean;
}

/** What the visitor is asked to bring: a valid ID when the case type has the in-person identity check. */
export const BRING_ITEMS = ['VALID_ID'] as const;
export type BringItem = (typeof BRING_ITEMS)[number];

/**
 * What the citizen (holding the manage code) sees of their own booking: what the confirmation and
 * manage pages show. Times come both as instants (`start`, `end`) and as the office's wall clock
 * (`local`, with `office.timeZone`); agencies and case types are named in Swedish and English only
 * (`localisedName` picks one for a visitor language).
 */
export interface CitizenBookingView extends BookingBasics {
  agency: AgencyName;
  caseType: CaseTypeSummary;
  office: {
    id: string;
    name: string;
    streetAddress: string;
    postalCode: string;
    city: string;
    /** For when changes are closed or nobody answers; '' when the office has none. */
    phone: string;
    timeZone: string;
  };
  room: { name: string };
  language: string;
  interpreter: boolean;
  accessibilityNeeds: string[];
  citizen: { name: string; phone: string | null; email: string | null };
  /** The language the booking was made in: its messages, its calendar file and the room screen. */
  locale: NotificationLocale;
  whatToBring: BringItem[];
  /** Until when the visitor may move or cancel it online (the office-local time is in `local`'s zone). */
  changeableUntil: string;
  /** Whether moving or cancelling online is still possible now: BOOKED and before `changeableUntil`. */
  changesOpen: boolean;
}

/** Answer to making a booking (POST /bookings, or office staff booking on a visitor's behalf). */
export interface CreatedBooking extends CitizenBookingView {
  id: string;
  /**
   * Shown once: the manage code, grouped ('K7QM-4XRT-9P', see manage-code.ts). With the reference
   * it lets the citizen see, change or cancel the booking; send it as the `x-manage-token` header.
   */
  manageToken: string;
  /** `${PUBLIC_BASE_URL}/manage/<reference>#<code>`, as the messages carry it. */
  manageUrl: string;
}

/** One free start: the instant to book, and the office's wall clock with its UTC offset to show. */
export interface AvailableSlot {
  start: string;
  local: string;
  offset: string;
}

/** Free start times per office for one case type (GET /availability). */
export interface AvailabilityView {
  caseType: { id: string; durationMin: number; nameSv: string; nameEn: string };
  from: string;
  to: string;
  language: string;
  /** Whether an interpreter is booked: as asked for, or always for Swedish Sign Language. */
  interpreter: boolean;
  /**
   * Set when no time can ever be had for this request, whatever the dates (e.g.
   * 'NO_INTERPRETER_FOR_LANGUAGE'): clients explain it instead of showing an empty calendar.
   * Null when times may exist (even if none are free in the dates asked for).
   */
  unavailableReason: UnavailableReason | null;
  offices: {
    officeId: string;
    officeName: string;
    municipality: string;
    /** As above, for this office alone (e.g. no room here has the need asked for). */
    unavailableReason: UnavailableReason | null;
    days: { date: string; slots: AvailableSlot[] }[];
  }[];
}

/** A booking as office staff see it to run the day: logistics, no case and no contact. */
export interface StaffBookingView extends BookingBasics {
  id: string;
  roomId: string;
  /** Which agency the visitor meets: logistics, not the case. */
  agency: AgencyName;
  language: string;
  interpreter: InterpreterNeed;
  accessibilityNeeds: string[];
  idCheckRequired: boolean;
  checkedIn: boolean;
  /** For greeting and checking in; only while the visit is still to come or under way. */
  visitorName: string | null;
  /**
   * Set while a checked-in visitor waits for a handler who has not joined: when the handler was
   * reminded, and from when staff may give the visitor a new time instead.
   */
  waitingForHandler: { remindedAt: string; newTimeFrom: string } | null;
  /**
   * Made on the public site in a burst from one client address (BURST_BOOKINGS within
   * BURST_WINDOW_MINUTES): staff may want to check that it is genuine. Says nothing about who.
   */
  burst: boolean;
}

export interface RoomBlockSummary {
  id: string;
  roomId: string;
  start: string;
  end: string;
  local: LocalSpan;
  reason: RoomBlockReason;
  note: string;
}

export interface RoomBlockView extends RoomBlockSummary {
  roomName: string;
  createdBy: string;
  createdAt: string;
}

/** A booking standing in the way of a block: enough to find and rebook it, no visitor data. */
export interface ConflictingBooking {
  id: string;
  reference: string;
  status: BookingStatus;
  start: string;
  end: string;
  local: LocalSpan;
  agency: AgencyName;
}

/** Where a day's opening hours come from. */
export type OpeningDaySource = 'weekly' | 'exception' | 'holiday';

/** An office's day for its staff: rooms with their bookings and blocks, and the opening hours. */
export interface DayScheduleView {
  office: { id: string; name: string; timeZone: string };
  date: string;
  openingHours: {
    closed: boolean;
    source: OpeningDaySource;
    reason: string | null;
    intervals: { start: string; end: string; opens: string; closes: string }[];
  };
  rooms: {
    id: string;
    name: string;
    active: boolean;
    bookings: Omit<StaffBookingView, 'roomId'>[];
    blocks: Omit<RoomBlockSummary, 'roomId'>[];
  }[];
}

export interface AgendaItem extends BookingBasics {
  id: string;
  agency: AgencyName;
  caseType: { nameSv: string; nameEn: string };
  office: { id: string; name: string };
  room: { id: string; name: string };
  language: string;
  interpreter: InterpreterNeed;
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
export interface BookingDetailView extends BookingBasics {
  id: string;
  agency: AgencyName & { id: string };
  caseType: CaseTypeSummary;
  office: { id: string; name: string };
  room: { id: string; name: string };
  handler: { id: string; name: string };
  interpreter: { id: string; name: string; language: string | null } | null;
  language: string;
  accessibilityNeeds: string[];
  accessibilityNote: string;
  citizen: { name: string; phone: string | null; email: string | null; locale: NotificationLocale };
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
  /** The handler has not joined in time and has been reminded; the visitor is told so. */
  handlerReminded: boolean;
  /**
   * The language the visitor booked in: the visit's screens start in it (the visitor may still
   * switch). Only on the visit, inside the room; the door display outside stays neutral.
   */
  locale: NotificationLocale;
}

/** The room's latest "call office staff", while it matters to the visitor. */
export interface RoomStaffCall {
  id: string;
  calledAt: string;
  acknowledgedAt: string | null;
  /** When the screen should tell the visitor what else to do if nobody has acknowledged by then. */
  fallbackAt: string;
}

/** A "call office staff" alert from a visiting room, open until a staff member takes it. */
export interface StaffCallView {
  id: string;
  office: { id: string; name: string };
  room: { id: string; name: string };
  calledAt: string;
  acknowledgedAt: string | null;
  /** The staff member who took it (their display name), once someone has. */
  acknowledgedBy: string | null;
}

/** What a paired kiosk may know about its own room today. */
export interface RoomScreenStatus {
  room: { id: string; name: string };
  office: { id: string; name: string; timeZone: string; phone: string };
  now: string;
  /** Today's remaining and current slots, in order. */
  slots: DoorSlot[];
  current: DoorSlot | null;
  next: DoorSlot | null;
  visit: RoomVisit | null;
  /**
   * How the room's last visit today ended (completed, missed by the handler, cancelled), so a
   * kiosk that missed the live event still shows the visitor the right screen once its visit has
   * gone from `visit`. Only the booking's id and status: nothing about the visitor.
   */
  endedVisit: { bookingId: string; status: BookingStatus } | null;
  staffCall: RoomStaffCall | null;
}

/** Answer to POST /devices/pair: shown once, the token is the kiosk's credential. */
export interface PairedDeviceView {
  deviceId: string;
  deviceToken: string;
  room: { id: string; name: string };
  office: { id: string; name: string };
}

/** What GET /me answers a room device: its room and office only. */
export interface DeviceSelfView {
  role: 'ROOM_DEVICE';
  deviceId: string;
  room: { id: string; name: string };
  office: { id: string; name: string; timeZone: string };
}

/** A handler's or interpreter's absence (GET /me/absences, /users/:id/absences). */
export interface AbsenceView {
  id: string;
  startsAt: string;
  endsAt: string;
  reason: string;
}

/** A one-time pairing code for a room, shown to office staff once. */
export interface PairingCodeView {
  code: string;
  roomId: string;
  expiresAt: string;
}

/** A paired room screen, as office staff see it. */
export interface DeviceView {
  id: string;
  roomId: string;
  label: string;
  createdAt: string;
  lastSeenAt: string | null;
  /** Seen within the last couple of minutes (a paired kiosk checks in at least every 30 s). */
  online: boolean;
  revokedAt: string | null;
}

/** One row of the audit log, for administrators (GET /audit). */
export interface AuditView {
  id: string;
  at: string;
  actorId: string | null;
  /** The staff member's display name, when the actor was one. */
  actorName: string | null;
  actorRole: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  clientIp: string | null;
  correlationId: string | null;
  details: Record<string, unknown>;
}

/**
 * What an administrator decides for bookings that a change would leave outside the opening hours
 * (or in a room taken out of use): keep them as they are, or cancel them and send each visitor
 * the cancellation message. Asked for only when there are such bookings.
 */
export const BOOKING_DECISIONS = ['keep', 'cancel'] as const;
export type BookingDecision = (typeof BOOKING_DECISIONS)[number];

/** The future bookings a change would affect, before it is saved (the preview endpoints). */
export interface BookingImpactView {
  affected: ConflictingBooking[];
}

/**
 * A one-time code that lets a staff member choose their own password (an invitation or a reset).
 * Shown to the administrator once; only its hash is stored.
 */
export interface PasswordCodeView {
  code: string;
  /** Where the person types it: the office console's set-password page, the code in the fragment. */
  path: string;
  expiresAt: string;
}

/** Answer to creating a staff member: the invitation code when no password was given. */
export interface CreatedUserView extends UserView {
  invitation: PasswordCodeView | null;
}

/** Answer to setting a password with a one-time code: who may now log in, and where. */
export interface PasswordSetView {
  email: string;
  role: StaffRole;
}
