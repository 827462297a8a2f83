import { VISITOR_LOCALES, type VisitorLocale } from './locales';

/**
 * HANDLER_MISSED: the visitor was checked in and waited, but the agency's handler never joined
 * before the join window closed (or staff gave the visitor a new time). It counts against the
 * agency, not the visitor, and releases the booking's holds.
 */
export const BOOKING_STATUSES = [
  'BOOKED',
  'CHECKED_IN',
  'IN_SESSION',
  'COMPLETED',
  'CANCELLED',
  'NO_SHOW',
  'HANDLER_MISSED',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/**
 * The visitor is at the office (checked in) or the meeting is running: the meeting can be joined,
 * and the room screen hosts the visit. One rule for the API and every client.
 */
export const VISIT_STATUSES: readonly BookingStatus[] = ['CHECKED_IN', 'IN_SESSION'];

export function isVisitUnderWay(status: BookingStatus): boolean {
  return VISIT_STATUSES.includes(status);
}

/** Statuses whose booking still holds its room, handler and interpreter. */
export const ACTIVE_BOOKING_STATUSES: readonly BookingStatus[] = ['BOOKED', 'CHECKED_IN', 'IN_SESSION'];

/**
 * How office staff verified a visitor's identity in person. STRENGTHENED_CHECK is the biometric
 * check some offices do; OTHER stays for check-ins recorded before the console offered the rest.
 */
export const ID_CHECK_METHODS = [
  'ID_CARD',
  'PASSPORT',
  'DRIVING_LICENCE',
  'KNOWN_TO_STAFF',
  'STRENGTHENED_CHECK',
  'OTHER',
] as const;
export type IdCheckMethod = (typeof ID_CHECK_METHODS)[number];

/** Needs that decide which room may be allocated. */
export const ACCESSIBILITY_NEEDS = ['STEP_FREE_ACCESS', 'HEARING_LOOP'] as const;
export type AccessibilityNeed = (typeof ACCESSIBILITY_NEEDS)[number];

export const ROOM_BLOCK_REASONS = ['MAINTENANCE', 'COURT_HEARING', 'OTHER_USE'] as const;
export type RoomBlockReason = (typeof ROOM_BLOCK_REASONS)[number];

/** Bookings, their messages and their calendar files speak every visitor language. */
export const NOTIFICATION_LOCALES = VISITOR_LOCALES;
export type NotificationLocale = VisitorLocale;

/** Pushed on the `/live` socket namespace; ids and status only, details come from REST reads. */
export interface BookingChangedEvent {
  bookingId: string;
  status: BookingStatus;
  officeId: string;
  roomId: string;
}

/** A visitor pressed "call office staff": to every console of the office (and admins). */
export interface StaffCallEvent {
  callId: string;
  officeId: string;
  roomId: string;
  roomName: string;
  at: string;
}

/** Someone took the call: the other consoles drop it, the room screen says staff are coming. */
export interface StaffCallAcknowledgedEvent {
  callId: string;
  officeId: string;
  roomId: string;
  at: string;
}

/** The visitor is checked in and waiting, and the handler has not joined: to the handler. */
export interface HandlerReminderEvent {
  bookingId: string;
  officeId: string;
  roomId: string;
  at: string;
}

export interface LiveServerEvents {
  'booking.changed': (event: BookingChangedEvent) => void;
  'staff.call': (event: StaffCallEvent) => void;
  'staff.call.acknowledged': (event: StaffCallAcknowledgedEvent) => void;
  'handler.reminder': (event: HandlerReminderEvent) => void;
}

export const LIVE_NAMESPACE = '/live';
