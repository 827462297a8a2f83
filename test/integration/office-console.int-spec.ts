import type { Socket } from 'socket.io-client';
import type { HandlerReminderEvent, StaffCallAcknowledgedEvent, StaffCallEvent } from '@distans/contracts';
import { HandlerWaitJob } from '../../apps/api/src/bookings/handler-wait.job';
import { bookingWorld, BookingWorld, futureDate } from '../support/booking-fixture';
import { countRows, Factory, login } from '../support/factories';
import { bookPublicly, loginAs, shiftBookingTo } from '../support/operations-fixture';
import { liveClients } from '../support/live-client';
import { createTestApp, TestApp } from '../support/test-app';

const FALLBACK_SECONDS = 60;

/**
 * What the office console needs from the API: calls for staff and their acknowledgement, the
 * handler who does not come (reminder, HANDLER_MISSED, a new time), cancelling at the desk,
 * finding the visitor, and which room screens are online.
 */
describe('Office console API', () => {
  let t: TestApp;
  let f: Factory;
  let baseUrl: string;

  const { connect, next, closeAll } = liveClients(() => baseUrl);
  const silence = async (socket: Socket, event: string, ms = 300): Promise<boolean> => {
    let heard = false;
    const listener = () => (heard = true);
    socket.on(event, listener);
    await new Promise((r) => setTimeout(r, ms));
    socket.off(event, listener);
    return !heard;
  };

  /** A world with a staff member of its office and a paired room screen. */
  const office = async () => {
    const world = await bookingWorld(t, { rooms: 1, handlers: 1 });
    const staff = await f.user('OFFICE_STAFF', { officeIds: [world.officeId] });
    const token = await loginAs(t, staff.id);
    const code = await t.request('POST', `/rooms/${world.roomIds[0]}/pairing-codes`, { token });
    const paired = await t.request('POST', '/devices/pair', { body: { code: code.body.code } });
    return { world, staff, token, deviceToken: paired.body.deviceToken as string, deviceId: paired.body.deviceId };
  };

  /** A booking of `world` that started `minutesAgo` minutes ago, with the visitor checked in. */
  const waitingVisit = async (world: BookingWorld, token: string, minutesAgo: number) => {
    const booking = await bookPublicly(t, world, futureDate(6), '10:00', {
      citizen: { name: 'Vera Väntare', phone: '+46 70 123 45 67', email: 'vera@example.se' },
    });
    await shiftBookingTo(t, booking.id, -1);
    const checkIn = await t.request('POST', `/bookings/${booking.id}/check-in`, {
      token,
      body: { idCheckMethod: 'STRENGTHENED_CHECK' },
    });
    expect(checkIn.status).toBe(200);
    await shiftBookingTo(t, booking.id, -minutesAgo);
    return booking;
  };

  beforeAll(async () => {
    t = await createTestApp({
      JOB_INTERVAL_SECONDS: '0',
      HANDLER_REMINDER_AFTER_MINUTES: '5',
      HANDLER_MISSED_OFFER_AFTER_MINUTES: '15',
      STAFF_CALL_FALLBACK_SECONDS: String(FALLBACK_SECONDS),
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await t.app.getUrl();
    f = new Factory(t.db);
  });
  afterAll(async () => {
    closeAll();
    await t.close();
  });

  describe('calls for staff', () => {
    it('should reach the office and the admins, stay open until taken, and tell the room screen once taken', async () => {
      const { world, staff, token, deviceToken } = await office();
      const admin = await f.user('ADMIN');
      const adminToken = await login(t, admin);
      const other = await office();
      const [staffSocket, adminSocket, deviceSocket, otherSocket] = await Promise.all([
        connect(token),
        connect(adminToken),
        connect(deviceToken),
        connect(other.token),
      ]);

      const heard = Promise.all([
        next<StaffCallEvent>(staffSocket, 'staff.call'),
        next<StaffCallEvent>(adminSocket, 'staff.call'),
      ]);
      const otherQuiet = silence(otherSocket, 'staff.call', 500);
      const called = await t.request('POST', '/room-screen/call-staff', { token: deviceToken });
      expect(called.status).toBe(202);
      expect(called.body).toEqual({
        id: expect.any(String),
        calledAt: expect.any(String),
        acknowledgedAt: null,
        fallbackAt: new Date(Date.parse(called.body.calledAt) + FALLBACK_SECONDS * 1000).toISOString(),
      });
      for (const event of await heard)
        expect(event).toMatchObject({ callId: called.body.id, officeId: world.officeId });
      expect(await otherQuiet).toBe(true);

      // Pressing again while the call is open rings nobody twice: it is the same call.
      const again = await t.request('POST', '/room-screen/call-staff', { token: deviceToken });
      expect(again.body.id).toBe(called.body.id);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM staff_call WHERE room_id = $1`, [
        world.roomIds[0],
      ]);
      expect(n).toBe(1);

      const open = await t.request('GET', '/staff-calls', { token });
      expect(open.body).toEqual([
        {
          id: called.body.id,
          office: { id: world.officeId, name: world.officeName },
          room: { id: world.roomIds[0], name: expect.any(String) },
          calledAt: called.body.calledAt,
          acknowledgedAt: null,
          acknowledgedBy: null,
        },
      ]);
      expect((await t.request('GET', '/staff-calls', { token: other.token })).body).toEqual([]);
      expect((await t.request('GET', '/room-screen/status', { token: deviceToken })).body.staffCall).toMatchObject({
        id: called.body.id,
        acknowledgedAt: null,
      });

      // Another office's staff cannot take it; a handler may not even ask.
      expect(
        (await t.request('POST', `/staff-calls/${called.body.id}/acknowledge`, { token: other.token })).status,
      ).toBe(404);
      const handlerToken = await login(t, world.handlers[0]);
      expect(
        (await t.request('POST', `/staff-calls/${called.body.id}/acknowledge`, { token: handlerToken })).status,
      ).toBe(403);

      const taken = Promise.all([
        next<StaffCallAcknowledgedEvent>(deviceSocket, 'staff.call.acknowledged'),
        next<StaffCallAcknowledgedEvent>(adminSocket, 'staff.call.acknowledged'),
      ]);
      const ack = await t.request('POST', `/staff-calls/${called.body.id}/acknowledge`, { token });
      expect(ack.status).toBe(200);
      expect(ack.body).toMatchObject({ acknowledgedAt: expect.any(String), acknowledgedBy: 'Test OFFICE_STAFF' });
      for (const event of await taken) expect(event.callId).toBe(called.body.id);
      const [row] = await t.db.query(
        `SELECT created_at, acknowledged_at, acknowledged_by FROM staff_call WHERE id = $1`,
        [called.body.id],
      );
      expect(row.acknowledged_by).toBe(staff.id);
      expect(row.acknowledged_at.getTime()).toBeGreaterThanOrEqual(row.created_at.getTime());
      expect((await t.request('GET', '/room-screen/status', { token: deviceToken })).body.staffCall).toMatchObject({
        id: called.body.id,
        acknowledgedAt: ack.body.acknowledgedAt,
      });
      expect((await t.request('GET', '/staff-calls', { token })).body).toEqual([]);

      // A second "I'm going" changes nothing: the first one who took it stays on record.
      const second = await f.user('OFFICE_STAFF', { officeIds: [world.officeId] });
      const late = await t.request('POST', `/staff-calls/${called.body.id}/acknowledge`, {
        token: await loginAs(t, second.id),
      });
      expect(late.body.acknowledgedAt).toBe(ack.body.acknowledgedAt);
      expect(late.body.acknowledgedBy).toBe('Test OFFICE_STAFF');
      const [{ acks }] = await t.db.query(
        `SELECT count(*)::int AS acks FROM audit_log WHERE action = 'staff-call.acknowledge' AND resource_id = $1`,
        [called.body.id],
      );
      expect(acks).toBe(1);
    });

    it('should refuse the database an acknowledgement without who, or before the call', async () => {
      const { world, deviceToken } = await office();
      const called = await t.request('POST', '/room-screen/call-staff', { token: deviceToken });
      await expect(
        t.db.query(`UPDATE staff_call SET acknowledged_at = now() WHERE id = $1`, [called.body.id]),
      ).rejects.toThrow(/staff_call_acknowledged_by_someone/);
      const staff = await f.user('OFFICE_STAFF', { officeIds: [world.officeId] });
      await expect(
        t.db.query(
          `UPDATE staff_call SET acknowledged_at = created_at - interval '1 minute', acknowledged_by = $2 WHERE id = $1`,
          [called.body.id, staff.id],
        ),
      ).rejects.toThrow(/staff_call_acknowledged_after_call/);
    });
  });

  describe('when the handler does not come', () => {
    it('should remind the handler after the set minutes, once, and show the wait to the office and the room', async () => {
      const { world, token, deviceToken } = await office();
      const booking = await waitingVisit(world, token, 4);
      const job = t.app.get(HandlerWaitJob);
      expect(await job.sweep()).toEqual({ reminded: 0, missed: 0 });

      await shiftBookingTo(t, booking.id, -6);
      const handlerSocket = await connect(await login(t, world.handlers[0]));
      const reminder = next<HandlerReminderEvent>(handlerSocket, 'handler.reminder');
      expect((await job.sweep()).reminded).toBe(1);
      expect(await reminder).toMatchObject({
        bookingId: booking.id,
        officeId: world.officeId,
        roomId: world.roomIds[0],
      });
      expect((await job.sweep()).reminded).toBe(0);

      const [event] = await t.db.query(
        `SELECT from_status, to_status, actor_role FROM booking_event WHERE booking_id = $1 AND kind = 'HANDLER_REMINDED'`,
        [booking.id],
      );
      expect(event).toEqual({ from_status: 'CHECKED_IN', to_status: 'CHECKED_IN', actor_role: 'SYSTEM' });
      const date = (
        await t.db.query(
          `SELECT (starts_at AT TIME ZONE 'Europe/Stockholm')::date::text AS d FROM booking WHERE id = $1`,
          [booking.id],
        )
      )[0].d;
      const day = await t.request('GET', `/offices/${world.officeId}/schedule?date=${date}`, { token });
      const shown = day.body.rooms[0].bookings.find((b: { id: string }) => b.id === booking.id);
      expect(shown.waitingForHandler).toEqual({ remindedAt: expect.any(String), newTimeFrom: expect.any(String) });
      const room = await t.request('GET', '/room-screen/status', { token: deviceToken });
      expect(room.body.visit).toMatchObject({ bookingId: booking.id, handlerReminded: true, locale: 'sv' });
    });

    it('should not remind a handler who has joined', async () => {
      const { world, token } = await office();
      const booking = await waitingVisit(world, token, 8);
      await t.db.query(
        `INSERT INTO session_participation (booking_id, peer_role, actor_id) VALUES ($1, 'HANDLER', $2)`,
        [booking.id, world.handlerIds[0]],
      );
      await t.app.get(HandlerWaitJob).sweep();
      const [row] = await t.db.query(`SELECT handler_reminded_at FROM booking WHERE id = $1`, [booking.id]);
      expect(row.handler_reminded_at).toBeNull();
    });

    it('should end the visit as HANDLER_MISSED when the join window closes, against the agency, releasing its holds', async () => {
      const { world, token, deviceToken } = await office();
      // 30-minute meeting plus the 30-minute join window after it: closed a minute ago.
      const booking = await waitingVisit(world, token, 61);
      const device = await connect(deviceToken);
      const changed = next<{ status: string }>(device, 'booking.changed');
      expect(await t.app.get(HandlerWaitJob).sweep()).toMatchObject({ missed: 1 });
      expect((await changed).status).toBe('HANDLER_MISSED');
      const [row] = await t.db.query(`SELECT status FROM booking WHERE id = $1`, [booking.id]);
      expect(row.status).toBe('HANDLER_MISSED');
      expect(await t.db.query(`SELECT 1 FROM resource_hold WHERE booking_id = $1`, [booking.id])).toHaveLength(0);
      const [event] = await t.db.query(
        `SELECT from_status, actor_role, details FROM booking_event WHERE booking_id = $1 AND kind = 'HANDLER_MISSED'`,
        [booking.id],
      );
      expect(event).toMatchObject({
        from_status: 'CHECKED_IN',
        actor_role: 'SYSTEM',
        details: { recordedAgainst: 'AGENCY' },
      });
      // The room screen that missed the live event still learns how its visit ended; no other room does.
      const room = (await t.request('GET', '/room-screen/status', { token: deviceToken })).body;
      expect(room.visit).toBeNull();
      expect(room.endedVisit).toEqual({ bookingId: booking.id, status: 'HANDLER_MISSED' });
      const elsewhere = await office();
      expect(
        (await t.request('GET', '/room-screen/status', { token: elsewhere.deviceToken })).body.endedVisit,
      ).toBeNull();
      // Final: nothing moves it again.
      expect((await t.request('POST', `/bookings/${booking.id}/no-show`, { token })).status).toBe(409);
    });

    it('should let staff give a new time only after the set wait, in one step with closing the missed meeting', async () => {
      const { world, token } = await office();
      const booking = await waitingVisit(world, token, 10);
      const early = await t.request('POST', `/bookings/${booking.id}/new-time`, {
        token,
        body: { start: new Date(Date.now() + 86_400_000).toISOString() },
      });
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/new time can be given from/);

      await shiftBookingTo(t, booking.id, -16);
      const options = await t.request('GET', `/bookings/${booking.id}/new-time-options`, { token });
      expect(options.status).toBe(200);
      expect(JSON.stringify(options.body)).not.toContain('Vera');
      const slot = options.body.offices[0].days.find((d: { slots: unknown[] }) => d.slots.length > 0).slots[0];

      const before = await countRows(t.db, 'booking');
      const taken = await t.request('POST', `/bookings/${booking.id}/new-time`, {
        token,
        body: { start: '2020-01-06T09:00:00Z' },
      });
      expect(taken.status).toBeGreaterThanOrEqual(400);
      expect(taken.status).toBeLessThan(500);
      expect(await countRows(t.db, 'booking')).toBe(before);
      expect((await t.db.query(`SELECT status FROM booking WHERE id = $1`, [booking.id]))[0].status).toBe('CHECKED_IN');

      const given = await t.request('POST', `/bookings/${booking.id}/new-time`, { token, body: { start: slot.start } });
      expect(given.status).toBe(200);
      expect(given.body.missed).toMatchObject({ id: booking.id, status: 'HANDLER_MISSED', waitingForHandler: null });
      expect(given.body.booking).toMatchObject({
        status: 'BOOKED',
        start: slot.start,
        citizen: { name: 'Vera Väntare' },
      });
      const [copy] = await t.db.query(`SELECT citizen_phone, citizen_email, booked_via FROM booking WHERE id = $1`, [
        given.body.booking.id,
      ]);
      expect(copy).toEqual({
        citizen_phone: '+46 70 123 45 67',
        citizen_email: 'vera@example.se',
        booked_via: 'OFFICE_STAFF',
      });
      const [event] = await t.db.query(
        `SELECT actor_role, details FROM booking_event WHERE booking_id = $1 AND kind = 'HANDLER_MISSED'`,
        [booking.id],
      );
      expect(event).toMatchObject({ actor_role: 'OFFICE_STAFF', details: { recordedAgainst: 'AGENCY' } });
    });

    it('should refuse the database a HANDLER_MISSED booking that was never checked in', async () => {
      const world = await bookingWorld(t);
      const booking = await bookPublicly(t, world, futureDate(8), '11:00');
      await expect(
        t.db.query(`UPDATE booking SET status = 'HANDLER_MISSED' WHERE id = $1`, [booking.id]),
      ).rejects.toThrow(/booking_handler_missed_checked_in/);
    });
  });

  describe('at the desk', () => {
    it('should find the day’s visitor by reference, name or phone digits without returning the phone', async () => {
      const { world, token } = await office();
      const date = futureDate(9);
      const booking = await bookPublicly(t, world, date, '13:00', {
        citizen: { name: 'Karin Lindqvist', phone: '+46 70 987 65 43' },
      });
      const search = (q: string) =>
        t.request('GET', `/offices/${world.officeId}/arrivals?date=${date}&q=${encodeURIComponent(q)}`, { token });
      for (const q of [booking.reference.slice(0, 3).toLowerCase(), 'lindq', 'kar', '070987', '65 43']) {
        const res = await search(q);
        expect([q, res.body.map((b: { id: string }) => b.id)]).toEqual([q, [booking.id]]);
      }
      expect((await search('zz')).body).toEqual([]);
      // No field carries the phone (not the whole JSON: a random booking id may contain "987").
      const [found] = (await search('0709')).body;
      expect(Object.values(found).filter((v) => typeof v === 'string' && /987\D*65/.test(v))).toEqual([]);
      expect(JSON.stringify(found)).not.toMatch(/987\D*65\D*43/);
      const [{ reads }] = await t.db.query(
        `SELECT count(*)::int AS reads FROM audit_log WHERE action = 'booking.visitor-name.read' AND resource_id = $1
            AND details->>'via' = 'arrival-search'`,
        [booking.id],
      );
      expect(reads).toBeGreaterThanOrEqual(5);
      const other = await office();
      expect(
        (await t.request('GET', `/offices/${world.officeId}/arrivals?date=${date}&q=kar`, { token: other.token }))
          .status,
      ).toBe(404);
    });

    it('should cancel on the visitor’s behalf with no online cut-off, and tell the visitor', async () => {
      const { world, token } = await office();
      const booking = await bookPublicly(t, world, futureDate(3), '09:00', {
        citizen: { name: 'A', email: 'a@example.se' },
      });
      await shiftBookingTo(t, booking.id, 30);
      const other = await office();
      expect((await t.request('POST', `/bookings/${booking.id}/cancel`, { token: other.token })).status).toBe(404);
      const res = await t.request('POST', `/bookings/${booking.id}/cancel`, { token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'CANCELLED', visitorName: null });
      expect(await t.db.query(`SELECT 1 FROM resource_hold WHERE booking_id = $1`, [booking.id])).toHaveLength(0);
      const [message] = await t.db.query(
        `SELECT kind FROM notification_outbox WHERE booking_id = $1 AND kind = 'CANCELLATION'`,
        [booking.id],
      );
      expect(message).toEqual({ kind: 'CANCELLATION' });
    });

    it('should record the identity checks the desk offers, and refuse an unknown one', async () => {
      for (const method of ['KNOWN_TO_STAFF', 'STRENGTHENED_CHECK', 'SELFIE'] as const) {
        const { world, token } = await office();
        const booking = await bookPublicly(t, world, futureDate(10), '10:00');
        await shiftBookingTo(t, booking.id, 20);
        const res = await t.request('POST', `/bookings/${booking.id}/check-in`, {
          token,
          body: { idCheckMethod: method },
        });
        if (method === 'SELFIE') {
          expect(res.status).toBe(400);
          expect(res.body.details.idCheckMethod[0]).toMatch(/KNOWN_TO_STAFF/);
        } else {
          expect(res.status).toBe(200);
          expect(
            (await t.db.query(`SELECT id_check_method FROM booking WHERE id = $1`, [booking.id]))[0].id_check_method,
          ).toBe(method);
        }
      }
    });
  });

  describe('room screens', () => {
    it('should say when a room screen was last seen and whether it is online now', async () => {
      const { world, token, deviceToken, deviceId } = await office();
      const list = () => t.request('GET', `/rooms/${world.roomIds[0]}/devices`, { token });
      expect((await list()).body).toEqual([expect.objectContaining({ id: deviceId, lastSeenAt: null, online: false })]);
      await t.request('GET', '/room-screen/status', { token: deviceToken });
      const seen = (await list()).body[0];
      expect(seen).toMatchObject({ online: true, lastSeenAt: expect.any(String) });
      expect(Date.now() - Date.parse(seen.lastSeenAt)).toBeLessThan(60_000);

      await t.db.query(`UPDATE room_device SET last_seen_at = now() - interval '10 minutes' WHERE id = $1`, [deviceId]);
      expect((await list()).body[0]).toMatchObject({ online: false });
      // Connecting to live updates counts as being seen too.
      const socket = await connect(deviceToken);
      expect((await list()).body[0]).toMatchObject({ online: true });
      socket.disconnect();

      expect((await t.request('DELETE', `/devices/${deviceId}`, { token })).status).toBe(204);
      expect((await list()).body[0]).toMatchObject({ online: false, revokedAt: expect.any(String) });
    });
  });
});
