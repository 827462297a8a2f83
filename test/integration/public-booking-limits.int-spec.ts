import { at, bookingBody, bookingWorld, BookingWorld, futureDate } from '../support/booking-fixture';
import { Factory } from '../support/factories';
import { loginAs } from '../support/operations-fixture';
import { createTestApp, TestApp } from '../support/test-app';

describe('Public booking limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      MAX_ACTIVE_BOOKINGS_PER_CONTACT: '2',
      MAX_BOOKINGS_PER_ADDRESS_PER_DAY: '4',
      BURST_BOOKINGS: '3',
      BURST_WINDOW_MINUTES: '10',
    });
  });
  afterAll(() => t.close());

  let slot = 0;
  /** A public booking from `address`, each at its own free time. */
  const book = async (world: BookingWorld, address: string, citizen: Record<string, string>) => {
    slot += 1;
    const time = `${String(9 + Math.floor(slot / 4)).padStart(2, '0')}:${String((slot % 4) * 15).padStart(2, '0')}`;
    const res = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/bookings',
        remoteAddress: address,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(
          bookingBody(world, at(futureDate(6), time), { citizen: { name: 'A. A.', ...citizen } }),
        ),
      });
    return { status: res.statusCode, body: JSON.parse(res.body) };
  };

  it('should refuse a third active booking for one phone number however it is typed, and allow it after a cancel', async () => {
    const world = await bookingWorld(t, { rooms: 3, handlers: 3 });
    const first = await book(world, '10.1.0.1', { phone: '070-111 22 33' });
    expect(first.status).toBe(201);
    expect((await book(world, '10.1.0.2', { phone: '+46 70 111 22 33' })).status).toBe(201);
    const third = await book(world, '10.1.0.3', { phone: '0046701112233' });
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ code: 'TOO_MANY_ACTIVE_BOOKINGS', extra: { limit: 2 } });
    expect(third.body.message).toMatch(/upcoming bookings/);

    const cancel = await t.request('POST', `/bookings/ref/${first.body.reference}/cancel`, {
      headers: { 'x-manage-token': first.body.manageToken },
    });
    expect(cancel.status).toBe(200);
    expect((await book(world, '10.1.0.3', { phone: '0701112233' })).status).toBe(201);
  });

  it('should count one e-mail address whatever its case', async () => {
    const world = await bookingWorld(t, { rooms: 3, handlers: 3 });
    expect((await book(world, '10.2.0.1', { email: 'Maja@Example.se' })).status).toBe(201);
    expect((await book(world, '10.2.0.2', { email: 'maja@example.se' })).status).toBe(201);
    const third = await book(world, '10.2.0.3', { email: 'MAJA@EXAMPLE.SE' });
    expect(third.body.code).toBe('TOO_MANY_ACTIVE_BOOKINGS');
  });

  it('should refuse the fifth booking of the day from one address, keeping only a salted hash of it', async () => {
    const world = await bookingWorld(t, { rooms: 6, handlers: 6 });
    for (let i = 0; i < 4; i += 1) {
      expect((await book(world, '10.3.0.9', { phone: `070-300 00 0${i}` })).status).toBe(201);
    }
    const fifth = await book(world, '10.3.0.9', { phone: '070-300 00 09' });
    expect(fifth.status).toBe(429);
    expect(fifth.body).toMatchObject({ code: 'TOO_MANY_BOOKINGS_FROM_ADDRESS', extra: { limit: 4 } });
    expect((await book(world, '10.3.0.10', { phone: '070-300 00 09' })).status).toBe(201);

    const stored = await t.db.query(`SELECT address_hash FROM public_booking_origin`);
    expect(JSON.stringify(stored)).not.toContain('10.3.0.9');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM booking WHERE citizen_phone_key = '+46703000000'`);
    expect(n).toBe(1);
  });

  it('should mark every booking of a burst from one address, none from another, and show the mark to office staff', async () => {
    const world = await bookingWorld(t, { rooms: 4, handlers: 4 });
    const a = await book(world, '10.4.0.1', { phone: '070-400 00 01' });
    const b = await book(world, '10.4.0.1', { phone: '070-400 00 02' });
    const other = await book(world, '10.4.0.2', { phone: '070-400 00 03' });
    const burstOf = async (reference: string) =>
      (await t.db.query(`SELECT burst FROM booking WHERE reference = $1`, [reference]))[0].burst;
    expect([await burstOf(a.body.reference), await burstOf(b.body.reference)]).toEqual([false, false]);

    const c = await book(world, '10.4.0.1', { phone: '070-400 00 04' });
    expect(c.status).toBe(201);
    for (const made of [a, b, c]) expect(await burstOf(made.body.reference)).toBe(true);
    expect(await burstOf(other.body.reference)).toBe(false);

    // Office staff see the mark in the day's schedule, and nothing about the address.
    const staff = await new Factory(t.db).user('OFFICE_STAFF', { officeIds: [world.officeId] });
    const schedule = await t.request('GET', `/offices/${world.officeId}/schedule?date=${futureDate(6)}`, {
      token: await loginAs(t, staff.id),
    });
    expect(schedule.status).toBe(200);
    const shown = schedule.body.rooms.flatMap(
      (room: { bookings: { reference: string; burst: boolean }[] }) => room.bookings,
    );
    const marks = Object.fromEntries(
      shown.map((booking: { reference: string; burst: boolean }) => [booking.reference, booking.burst]),
    );
    expect(marks).toEqual({
      [a.body.reference]: true,
      [b.body.reference]: true,
      [c.body.reference]: true,
      [other.body.reference]: false,
    });
    expect(JSON.stringify(schedule.body)).not.toMatch(/10\.4\.0|address_hash/);
  });

  it('should forget client-address hashes after two days', async () => {
    await t.db.query(`UPDATE public_booking_origin SET created_at = now() - interval '3 days'`);
    const { BookingsService } = await import('../../apps/api/src/bookings/bookings.service');
    expect(await t.app.get(BookingsService).purgePublicOrigins()).toBeGreaterThan(0);
    expect(await t.db.query(`SELECT 1 FROM public_booking_origin`)).toEqual([]);
  });
});
