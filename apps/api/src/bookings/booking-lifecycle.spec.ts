import { BOOKING_STATUSES } from '@distans/contracts';
import { canMove, releasesResources } from './booking-lifecycle';

describe(canMove.name, () => {
  it('should follow BOOKED -> CHECKED_IN -> IN_SESSION -> COMPLETED', () => {
    expect(canMove('BOOKED', 'CHECKED_IN')).toBe(true);
    expect(canMove('CHECKED_IN', 'IN_SESSION')).toBe(true);
    expect(canMove('IN_SESSION', 'COMPLETED')).toBe(true);
  });

  it('should let a booking be cancelled or missed only before the meeting starts', () => {
    expect(canMove('BOOKED', 'CANCELLED')).toBe(true);
    expect(canMove('BOOKED', 'NO_SHOW')).toBe(true);
    expect(canMove('IN_SESSION', 'CANCELLED')).toBe(false);
    expect(canMove('IN_SESSION', 'NO_SHOW')).toBe(false);
  });

  it('should never leave a final status', () => {
    for (const final of ['COMPLETED', 'CANCELLED', 'NO_SHOW', 'HANDLER_MISSED'] as const) {
      for (const to of BOOKING_STATUSES) expect(canMove(final, to)).toBe(false);
    }
  });

  it('should let only a checked-in visit end as missed by the handler, not one that began', () => {
    expect(canMove('CHECKED_IN', 'HANDLER_MISSED')).toBe(true);
    expect(canMove('BOOKED', 'HANDLER_MISSED')).toBe(false);
    expect(canMove('IN_SESSION', 'HANDLER_MISSED')).toBe(false);
  });

  it('should not skip check-in', () => {
    expect(canMove('BOOKED', 'IN_SESSION')).toBe(false);
    expect(canMove('BOOKED', 'COMPLETED')).toBe(false);
  });
});

describe(releasesResources.name, () => {
  it('should free the room and handler for cancelled and missed bookings only', () => {
    expect(BOOKING_STATUSES.filter(releasesResources)).toEqual(['CANCELLED', 'NO_SHOW', 'HANDLER_MISSED']);
  });
});
