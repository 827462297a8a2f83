import type { BookingStatus } from '@distans/contracts';

/** A shape for each booking status, shown beside its name so that status never rests on colour alone. */
export const BOOKING_STATUS_ICONS: Record<BookingStatus, string> = {
  BOOKED: '○',
  CHECKED_IN: '●',
  IN_SESSION: '▶',
  COMPLETED: '✓',
  CANCELLED: '✕',
  NO_SHOW: '–',
  HANDLER_MISSED: '⌀',
};
