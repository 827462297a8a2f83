import type { BookingChangedEvent, StaffCallEvent } from '@distans/contracts';
import { at, bookingBody, bookingWorld, BookingWorld, futureDate } from '../support/booking-fixture';
import { Factory, login } from '../support/factories';
import { liveClients } from '../support/live-client';
import { createTestApp, TestApp } from '../support/test-app';

describe('Live updates and the room screen', () => {
  let t: TestApp;
  let baseUrl: string;
  let world: BookingWorld;
  let handlerToken: string;
  let staffToken: string;
  let deviceToken: string;

  const { connect, next, closeAll } = liveClients(() => baseUrl);

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await t.app.getUrl();
    world = await bookingWorld(t, { rooms: 1, handlers: 1 });
    const f = new Factory(t.db);
    handlerToken = await login(t, world.handlers[0]);
    const staff = await f.user('OFFICE_STAFF', { officeIds: [world.officeId] });
    staffToken = await login(t, staff);
    const code = await t.request('POST', `/rooms/${world.roomIds[0]}/pairing-codes`, { token: staffToken });
    const paired = await t.request('POST', '/devices/pair', { body: { code: code.body.code } });
    deviceToken = paired.body.deviceToken;
  });
  afterAll(async () => {
    closeAll();
    await t.close();
  });

  it('should disconnect a socket without valid credentials', async () => {
    const socket = await connect('not-a-token').catch(() => null);
    if (socket) {
      await new Promise((resolve) => (socket.connected ? socket.once('disconnect', resolve) : resolve(null)));
      expect(socket.connected).toBe(false);
    }
  });

  it('should tell the handler, the office and the room screen about a new booking and its check-in, and nobody else', async () => {
    const [handler, staff, device] = await Promise.all([
      connect(handlerToken),
      connect(staffToken),
      connect(deviceToken),
    ]);
    const other = await bookingWorld(t);
    const outsider = await connect(await login(t, other.handlers[0]));
    let outsiderHeard = false;
    outsider.on('booking.changed', () => (outsiderHeard = true));

    const heard = Promise.all([
      next<BookingChangedEvent>(handler, 'booking.changed'),
      next<BookingChangedEvent>(staff, 'booking.changed'),
      next<BookingChangedEvent>(device, 'booking.changed'),
    ]);
    const made = await t.request('POST', '/bookings', { body: bookingBody(world, at(futureDate(4), '10:00')) });
    expect(made.status).toBe(201);
    for (const event of await heard) {
      expect(event).toEqual({
        bookingId: made.body.id,
        status: 'BOOKED',
        officeId: world.officeId,
        roomId: world.roomIds[0],
      });
    }
    expect(JSON.stringify(await heard)).not.toContain('Andersson');
    await new Promise((r) => setTimeout(r, 200));
    expect(outsiderHeard).toBe(false);
  });

  it('should show the door display times and states only, then the visit reference once checked in', async () => {
    const now = Date.now();
    const start = new Date(Math.ceil((now + 20 * 60_000) / 900_000) * 900_000);
    // A visit about to start, whatever the time of day: written directly, as the booking rules
    // (notice, opening hours) are not what this test is about.
    const booking = await new Factory(t.db).booking({
      agencyId: world.agencyId,
      caseTypeId: world.caseTypeId,
      officeId: world.officeId,
      roomId: world.roomIds[0],
      handlerId: world.handlerIds[0],
      start,
      end: new Date(start.getTime() + 30 * 60_000),
      holdUntil: new Date(start.getTime() + 40 * 60_000),
    });
    const made = { body: booking };
    const idle = await t.request('GET', '/room-screen/status', { token: deviceToken });
    expect(idle.status).toBe(200);
    const text = JSON.stringify(idle.body);
    expect(text).not.toContain('Andersson');
    expect(text).not.toMatch(/agency|Bostadsbidrag|Housing/i);
    expect(idle.body.slots.map((s: { start: string }) => s.start)).toContain(start.toISOString());
    expect(idle.body.visit).toBeNull();

    const device = await connect(deviceToken);
    const changed = next<BookingChangedEvent>(device, 'booking.changed');
    const checkIn = await t.request('POST', `/bookings/${made.body.id}/check-in`, {
      token: staffToken,
      body: { idCheckMethod: 'ID_CARD' },
    });
    expect(checkIn.status).toBe(200);
    expect((await changed).status).toBe('CHECKED_IN');
    const visiting = await t.request('GET', '/room-screen/status', { token: deviceToken });
    expect(visiting.body.visit).toMatchObject({
      bookingId: made.body.id,
      reference: made.body.reference,
      status: 'CHECKED_IN',
    });
    expect(JSON.stringify(visiting.body)).not.toContain('Andersson');
  });

  it('should ring the office staff when the visitor calls from the room', async () => {
    const staff = await connect(staffToken);
    const call = next<StaffCallEvent>(staff, 'staff.call');
    const res = await t.request('POST', '/room-screen/call-staff', { token: deviceToken });
    expect(res.status).toBe(202);
    expect(await call).toMatchObject({
      officeId: world.officeId,
      roomId: world.roomIds[0],
      roomName: expect.any(String),
    });
    expect((await t.request('POST', '/room-screen/call-staff', { token: staffToken })).status).toBe(403);
  });
});
