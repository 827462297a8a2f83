import { at, bookingBody, BookingWorld } from './booking-fixture';
import { login } from './factories';
import { TEST_PASSWORD, TestApp } from './test-app';

/** Logs in a user the fixtures created (they all share the test password). */
export async function loginAs(t: TestApp, userId: string): Promise<string> {
  const [user] = await t.db.query(`SELECT email FROM app_user WHERE id = $1`, [userId]);
  return login(t, { email: user.email, password: TEST_PASSWORD });
}

export interface PublicBooking {
  id: string;
  reference: string;
  manageToken: string;
  manageUrl: string;
}

/** A booking made the way citizens make them: through the public API. */
export async function bookPublicly(
  t: TestApp,
  world: BookingWorld,
  date: string,
  hhmm: string,
  overrides: Record<string, unknown> = {},
): Promise<PublicBooking> {
  const res = await t.request('POST', '/bookings', { body: bookingBody(world, at(date, hhmm), overrides) });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Moves a booking (and its holds) in time, so that tests can stand at its start without waiting:
 * `minutesFromNow` may be negative for a meeting that has already begun.
 */
export async function shiftBookingTo(t: TestApp, bookingId: string, minutesFromNow: number): Promise<void> {
  await t.db.query(
    `WITH shift AS (SELECT now() + make_interval(mins => $2) - starts_at AS by FROM booking WHERE id = $1)
     UPDATE booking b SET starts_at = b.starts_at + shift.by, ends_at = b.ends_at + shift.by,
                          hold_until = b.hold_until + shift.by
       FROM shift WHERE b.id = $1`,
    [bookingId, minutesFromNow],
  );
  await t.db.query(
    `UPDATE resource_hold h SET during = tstzrange(b.starts_at, b.hold_until, '[)')
       FROM booking b WHERE h.booking_id = b.id AND b.id = $1`,
    [bookingId],
  );
}
