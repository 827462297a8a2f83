import { ReminderJob } from '../../apps/api/src/bookings/reminder.job';
import { bookingWorld, futureDate } from '../support/booking-fixture';
import { bookPublicly, shiftBookingTo } from '../support/operations-fixture';
import { createTestApp, TestApp } from '../support/test-app';

describe(ReminderJob.name, () => {
  let t: TestApp;
  let job: ReminderJob;

  beforeAll(async () => {
    t = await createTestApp({ JOB_INTERVAL_SECONDS: '0', BOOKING_REMINDER_HOURS: '24' });
    job = t.app.get(ReminderJob);
  });
  afterAll(() => t.close());

  /** A booking made days ago whose meeting starts `minutesFromNow` from now. */
  const bookedLongAgo = async (minutesFromNow: number, overrides: Record<string, unknown> = {}) => {
    const world = await bookingWorld(t, { rooms: 1, handlers: 1 });
    const booking = await bookPublicly(t, world, futureDate(5), '10:00', overrides);
    await shiftBookingTo(t, booking.id, minutesFromNow);
    await t.db.query(`UPDATE booking SET created_at = now() - interval '3 days' WHERE id = $1`, [booking.id]);
    return booking;
  };

  const reminders = (bookingId: string) =>
    t.db.query(
      `SELECT channel, locale, subject, body, html, calendar FROM notification_outbox
        WHERE booking_id = $1 AND kind = 'REMINDER' ORDER BY channel`,
      [bookingId],
    ) as Promise<
      { channel: string; locale: string; subject: string; body: string; html: string | null; calendar: string | null }[]
    >;

  it('should remind once, by e-mail and SMS in the booking language, with the manage link and code', async () => {
    const booking = await bookedLongAgo(20 * 60, { locale: 'ar' });

    expect(await job.sweep()).toBeGreaterThanOrEqual(1);
    const sent = await reminders(booking.id);
    expect(sent.map((m) => [m.channel, m.locale])).toEqual([
      ['EMAIL', 'ar'],
      ['SMS', 'ar'],
    ]);
    expect(sent[0].subject).toBe(`تذكير بموعدك ${booking.reference}`);
    expect(sent[0].html).toContain('dir="rtl"');
    expect(sent[0].calendar).toContain('METHOD:REQUEST');
    for (const message of sent) {
      expect(message.body).toContain(booking.manageToken);
      expect(message.body).toContain(`/manage/${booking.reference}#${booking.manageToken}`);
    }

    await job.sweep();
    await job.sweep();
    expect(await reminders(booking.id)).toHaveLength(2);
    const [flag] = await t.db.query(`SELECT reminder_queued_at FROM booking WHERE id = $1`, [booking.id]);
    expect(flag.reminder_queued_at).toBeInstanceOf(Date);
  });

  it('should never remind a cancelled booking', async () => {
    const booking = await bookedLongAgo(20 * 60);
    const cancel = await t.request('POST', `/bookings/ref/${booking.reference}/cancel`, {
      headers: { 'x-manage-token': booking.manageToken },
    });
    expect(cancel.status).toBe(200);
    await job.sweep();
    expect(await reminders(booking.id)).toEqual([]);
  });

  it('should wait until the reminder window opens, and not remind a meeting that has begun', async () => {
    const later = await bookedLongAgo(30 * 60);
    const begun = await bookedLongAgo(-5);
    await job.sweep();
    expect(await reminders(later.id)).toEqual([]);
    expect(await reminders(begun.id)).toEqual([]);
    await shiftBookingTo(t, later.id, 23 * 60);
    await job.sweep();
    expect(await reminders(later.id)).toHaveLength(2);
  });

  it('should not remind a booking made inside the window: its confirmation has just gone out', async () => {
    const world = await bookingWorld(t, { rooms: 1, handlers: 1 });
    const booking = await bookPublicly(t, world, futureDate(5), '10:00');
    await shiftBookingTo(t, booking.id, 20 * 60);
    await job.sweep();
    expect(await reminders(booking.id)).toEqual([]);
  });
});
