import { JobScheduler } from '../../apps/api/src/jobs/job-scheduler';
import { NoShowJob } from '../../apps/api/src/bookings/no-show.job';
import { bookingWorld, futureDate } from '../support/booking-fixture';
import { Factory } from '../support/factories';
import { bookPublicly, loginAs, shiftBookingTo } from '../support/operations-fixture';
import { createTestApp, TestApp } from '../support/test-app';

describe(NoShowJob.name, () => {
  let t: TestApp;
  let job: NoShowJob;

  beforeAll(async () => {
    t = await createTestApp({ JOB_INTERVAL_SECONDS: '0' });
    job = t.app.get(NoShowJob);
  });
  afterAll(() => t.close());

  const state = async (bookingId: string) => {
    const [row] = await t.db.query(
      `SELECT b.status, (SELECT count(*)::int FROM resource_hold h WHERE h.booking_id = b.id) AS holds
         FROM booking b WHERE b.id = $1`,
      [bookingId],
    );
    return row as { status: string; holds: number };
  };

  it('should mark a booking nobody checked in 15 minutes after its start as NO_SHOW and free its room and handler', async () => {
    const world = await bookingWorld(t, { rooms: 1, handlers: 1 });
    const booking = await bookPublicly(t, world, futureDate(5), '10:00');
    await shiftBookingTo(t, booking.id, -16);
    expect(await state(booking.id)).toEqual({ status: 'BOOKED', holds: 2 });

    expect(await job.sweep()).toBeGreaterThanOrEqual(1);

    expect(await state(booking.id)).toEqual({ status: 'NO_SHOW', holds: 0 });
    const events = await t.db.query(
      `SELECT kind, from_status, to_status, actor_id, actor_role, details FROM booking_event
        WHERE booking_id = $1 ORDER BY id`,
      [booking.id],
    );
    expect(events[events.length - 1]).toEqual({
      kind: 'NO_SHOW',
      from_status: 'BOOKED',
      to_status: 'NO_SHOW',
      actor_id: null,
      actor_role: 'SYSTEM',
      details: { reason: 'not checked in', afterMinutes: 15 },
    });
  });

  it('should leave bookings still within the grace period, and visitors who checked in', async () => {
    const world = await bookingWorld(t, { rooms: 2, handlers: 2 });
    const staff = await new Factory(t.db).user('OFFICE_STAFF', { officeIds: [world.officeId] });
    const date = futureDate(5);
    const waiting = await bookPublicly(t, world, date, '10:00');
    const arrived = await bookPublicly(t, world, date, '10:00');
    await shiftBookingTo(t, waiting.id, -10);
    await shiftBookingTo(t, arrived.id, -5);
    const checkIn = await t.request('POST', `/bookings/${arrived.id}/check-in`, {
      token: await loginAs(t, staff.id),
      body: { idCheckMethod: 'ID_CARD' },
    });
    expect(checkIn.status).toBe(200);
    await shiftBookingTo(t, arrived.id, -20);

    await job.sweep();

    expect(await state(waiting.id)).toEqual({ status: 'BOOKED', holds: 2 });
    expect(await state(arrived.id)).toEqual({ status: 'CHECKED_IN', holds: 2 });
  });

  it('should mark each booking once when several instances sweep at the same time', async () => {
    const world = await bookingWorld(t, { rooms: 3, handlers: 3 });
    const date = futureDate(5);
    const bookings = await Promise.all(['09:00', '09:00', '09:00'].map((hhmm) => bookPublicly(t, world, date, hhmm)));
    for (const booking of bookings) await shiftBookingTo(t, booking.id, -30);

    const marked = await Promise.all([job.sweep(), job.sweep(), job.sweep()]);

    expect(marked.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
    const events = await t.db.query(
      `SELECT booking_id, count(*)::int AS n FROM booking_event WHERE kind = 'NO_SHOW' AND booking_id = ANY ($1)
        GROUP BY booking_id`,
      [bookings.map((b) => b.id)],
    );
    expect(events).toHaveLength(3);
    expect(events.every((e: { n: number }) => e.n === 1)).toBe(true);
  });

  it('should run by itself every JOB_INTERVAL_SECONDS', async () => {
    const world = await bookingWorld(t);
    const booking = await bookPublicly(t, world, futureDate(5), '10:00');
    await shiftBookingTo(t, booking.id, -20);
    const ticking = await createTestApp({ JOB_INTERVAL_SECONDS: '1' });
    try {
      expect(ticking.app.get(JobScheduler)).toBeDefined();
      const deadline = Date.now() + 10_000;
      while ((await state(booking.id)).status === 'BOOKED' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(await state(booking.id)).toEqual({ status: 'NO_SHOW', holds: 0 });
    } finally {
      await ticking.close();
    }
  });
});
