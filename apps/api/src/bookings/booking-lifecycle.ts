import type { BookingStatus } from '@distans/contracts';
import { ConflictError } from '../common/domain-errors';

/**
 * The only moves a booking can make. Anything else is refused with 409, so a booking can never
 * be, say, checked in after it was cancelled or completed twice.
 */
const ALLOWED: Record<BookingStatus, readonly BookingStatus[]> = {
  BOOKED: ['CHECKED_IN', 'CANCELLED', 'NO_SHOW'],
  CHECKED_IN: ['IN_SESSION', 'COMPLETED', 'CANCELLED', 'NO_SHOW', 'HANDLER_MISSED'],
  IN_SESSION: ['COMPLETED'],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: [],
  HANDLER_MISSED: [],
};

export function canMove(from: BookingStatus, to: BookingStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** Statuses after which the booking no longer needs its room, handler or interpreter. */
export function releasesResources(status: BookingStatus): boolean {
  return status === 'CANCELLED' || status === 'NO_SHOW' || status === 'HANDLER_MISSED';
}

const LABELS: Record<BookingStatus, string> = {
  BOOKED: 'booked',
  CHECKED_IN: 'checked in',
  IN_SESSION: 'in session',
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
  NO_SHOW: 'marked as no-show',
  HANDLER_MISSED: 'closed because the handler did not join',
};

export function describeStatus(status: BookingStatus): string {
  return LABELS[status];
}

/**
 * The 409 for a move the booking's status does not allow, e.g. "The booking is already cancelled
 * and cannot be moved". A cancelled booking has its own code, since that is the case a visitor
 * meets most (a second tab, an old link).
 */
export function statusConflict(status: BookingStatus, refused: string): ConflictError {
  return status === 'CANCELLED'
    ? new ConflictError(`The booking is already cancelled and cannot be ${refused}`, { code: 'ALREADY_CANCELLED' })
    : new ConflictError(`The booking is ${describeStatus(status)} and cannot be ${refused}`, {
        code: 'BOOKING_STATUS_CONFLICT',
      });
}
