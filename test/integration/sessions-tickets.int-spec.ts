import { createHmac } from 'node:crypto';
import { Factory, login } from '../support/factories';
import { checkIn, sessionWorld } from '../support/session-fixture';
import { createTestApp, TestApp } from '../support/test-app';

describe('Session tickets', () => {
  let t: TestApp;
  const TURN_SECRET = 'turn-shared-secret-for-tests';

  beforeAll(async () => {
    t = await createTestApp({
      STUN_URLS: 'stun:turn.example.org:3478',
      TURN_URLS: 'turn:turn.example.org:3478?transport=udp,turns:turn.example.org:443?transport=tcp',
      TURN_SHARED_SECRET: TURN_SECRET,
    });
  });
  afterAll(() => t.close());

  const ticket = (bookingId: string, token: string) =>
    t.request('POST', `/bookings/${bookingId}/session-ticket`, { token });

  it('should give the handler a short-lived ticket with STUN and time-limited TURN credentials', async () => {
    const w = await sessionWorld(t);
    const res = await ticket(w.bookingId, w.handler.token);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      namespace: '/session',
      booking: { id: w.bookingId },
      you: { role: 'HANDLER', displayName: 'Test HANDLER' },
    });
    const ttl = Date.parse(res.body.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);

    const [stun, turn] = res.body.iceServers;
    expect(stun).toEqual({ urls: ['stun:turn.example.org:3478'] });
    expect(turn.urls).toEqual(['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:443?transport=tcp']);
    // coturn's REST scheme: valid until the join window closes (end + 30 min), HMAC-SHA1 over the username.
    const [expiry] = turn.username.split(':');
    expect(Number(expiry) * 1000).toBeCloseTo(Date.parse(res.body.booking.end) + 30 * 60_000, -4);
    expect(turn.credential).toBe(createHmac('sha1', TURN_SECRET).update(turn.username).digest('base64'));
    expect(JSON.stringify(res.body)).not.toContain('Andersson');

    const audit = await t.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'session-ticket.issue' AND resource_id = $1`,
      [w.bookingId],
    );
    expect(audit).toHaveLength(1);
  });

  it('should give the interpreter a ticket, and the room device one only once the visitor is checked in', async () => {
    const w = await sessionWorld(t, { interpreter: true });
    const interpreter = await ticket(w.bookingId, w.interpreter!.token);
    expect([interpreter.status, interpreter.body.you?.role]).toEqual([201, 'INTERPRETER']);

    const early = await ticket(w.bookingId, w.device.token);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/not been checked in/);

    await checkIn(t, w);
    const room = await ticket(w.bookingId, w.device.token);
    expect(room.status).toBe(201);
    // The kiosk is named after its room, never after the visitor.
    expect(room.body.you).toEqual({ role: 'ROOM_DEVICE', displayName: w.roomName });
  });

  it('should answer 404 to everyone else: another handler, office staff, another room, an admin, a bad id', async () => {
    const w = await sessionWorld(t, { checkedIn: true });
    const other = await sessionWorld(t, { checkedIn: true });
    const f = new Factory(t.db);
    const staff = await login(t, await f.user('OFFICE_STAFF', { officeIds: [w.officeId] }));
    const admin = await login(t, await f.user('ADMIN'));
    for (const token of [other.handler.token, other.device.token, staff, admin]) {
      const res = await ticket(w.bookingId, token);
      expect([res.status, res.body.message]).toEqual([404, 'Booking not found']);
    }
    expect((await ticket('not-a-uuid', w.handler.token)).status).toBe(404);
    expect((await ticket('00000000-0000-4000-8000-000000000000', w.handler.token)).status).toBe(404);
    expect((await t.request('POST', `/bookings/${w.bookingId}/session-ticket`)).status).toBe(401);
  });

  it('should refuse outside the join window with a 409 that says when it opens, in office time', async () => {
    const w = await sessionWorld(t, { startInMinutes: 120 });
    const res = await ticket(w.bookingId, w.handler.token);
    expect(res.status).toBe(409);
    const opensAt = new Date(Date.now() + 110 * 60_000);
    expect(Math.abs(Date.parse(res.body.details.opensAt[0]) - opensAt.getTime())).toBeLessThan(60_000);
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      hour: '2-digit',
      minute: '2-digit',
    });
    expect(res.body.message).toMatch(
      /^The session opens at (\d{4}-\d\d-\d\d )?\d\d:\d\d \(Europe\/Stockholm\), 10 minutes before the start$/,
    );
    expect(res.body.message).toContain(local.format(new Date(res.body.details.opensAt[0])));

    const late = await sessionWorld(t, { startInMinutes: -70, durationMin: 30 });
    const closed = await ticket(late.bookingId, late.handler.token);
    expect(closed.status).toBe(409);
    expect(closed.body.message).toMatch(/The session closed at/);
  });

  it('should refuse a cancelled booking', async () => {
    const w = await sessionWorld(t);
    await t.db.query(`UPDATE booking SET status = 'CANCELLED' WHERE id = $1`, [w.bookingId]);
    const res = await ticket(w.bookingId, w.handler.token);
    expect([res.status, res.body.message]).toEqual([409, 'The booking is cancelled: there is no session to join']);
  });
});
