import { at, bookingBody, bookingWorld, BookingWorld, futureDate, offsetAt } from '../support/booking-fixture';
import { countRows, Factory } from '../support/factories';
import { bookPublicly, loginAs, shiftBookingTo } from '../support/operations-fixture';
import { createTestApp, TestApp } from '../support/test-app';

describe('Office operations', () => {
  let t: TestApp;
  let f: Factory;

  beforeAll(async () => {
    t = await createTestApp({ JOB_INTERVAL_SECONDS: '0' });
    f = new Factory(t.db);
  });
  afterAll(() => t.close());

  /** A booking world plus a staff member of its office. */
  const office = async (options: Parameters<typeof bookingWorld>[1] = {}) => {
    const world = await bookingWorld(t, options);
    const staff = await f.user('OFFICE_STAFF', { officeIds: [world.officeId] });
    return { world, staff, token: await loginAs(t, staff.id) };
  };

  const slots = async (world: BookingWorld, date: string) => {
    const res = await t.request(
      'GET',
      `/availability?caseType=${world.caseTypeId}&office=${world.officeId}&from=${date}&to=${date}`,
    );
    return res.body.offices[0].days[0].slots.map((s: { local: string }) => s.local) as string[];
  };

  const tables = ['booking', 'room_block', 'resource_hold', 'booking_event', 'notification_outbox'];
  const counts = () => Promise.all(tables.map((table) => countRows(t.db, table)));

  describe('day schedule', () => {
    it('should show a booking made through the public API in its room, with logistics and no contact or case details', async () => {
      const { world, staff, token } = await office({ rooms: 2 });
      const date = futureDate(5);
      const booking = await bookPublicly(t, world, date, '10:00', {
        accessibilityNeeds: ['STEP_FREE_ACCESS'],
        accessibilityNote: 'Uses a wheelchair',
      });

      const res = await t.request('GET', `/offices/${world.officeId}/schedule?date=${date}`, { token });
      expect(res.status).toBe(200);
      expect(res.body.office).toEqual({ id: world.officeId, name: world.officeName, timeZone: 'Europe/Stockholm' });
      expect(res.body.openingHours).toMatchObject({
        closed: false,
        intervals: [{ opens: '08:00', closes: '18:00', start: at(date, '08:00'), end: at(date, '18:00') }],
      });
      expect(res.body.rooms).toHaveLength(2);
      const all = res.body.rooms.flatMap((room: { bookings: unknown[] }) => room.bookings);
      expect(all).toEqual([
        {
          id: booking.id,
          reference: booking.reference,
          status: 'BOOKED',
          start: at(date, '10:00'),
          end: at(date, '10:30'),
          local: {
            date,
            start: '10:00',
            startOffset: offsetAt(date, '10:00'),
            end: '10:30',
            endOffset: offsetAt(date, '10:30'),
            zone: 'Europe/Stockholm',
          },
          agency: { code: expect.any(String), nameSv: expect.any(String), nameEn: expect.any(String) },
          language: 'sv',
          interpreter: { needed: false, language: null },
          accessibilityNeeds: ['STEP_FREE_ACCESS'],
          idCheckRequired: true,
          checkedIn: false,
          visitorName: 'A. Andersson',
          waitingForHandler: null,
        },
      ]);
      const text = JSON.stringify(res.body);
      for (const secret of ['anna@example.se', '123 45 67', 'Housing allowance', 'Bostadsbidrag', 'wheelchair']) {
        expect(text).not.toContain(secret);
      }

      const audit = await t.db.query(
        `SELECT actor_id, actor_role, details FROM audit_log WHERE action = 'booking.visitor-name.read' AND resource_id = $1`,
        [booking.id],
      );
      expect(audit).toEqual([
        {
          actor_id: staff.id,
          actor_role: 'OFFICE_STAFF',
          details: { via: 'office-schedule', officeId: world.officeId, date },
        },
      ]);
    });

    it('should keep the visitor name of a cancelled booking out of the schedule and the audit log', async () => {
      const { world, token } = await office();
      const date = futureDate(6);
      const booking = await bookPublicly(t, world, date, '09:00');
      await t.request('POST', `/bookings/ref/${booking.reference}/cancel`, {
        headers: { 'x-manage-token': booking.manageToken },
      });
      const res = await t.request('GET', `/offices/${world.officeId}/schedule?date=${date}`, { token });
      expect(res.body.rooms[0].bookings[0]).toMatchObject({ status: 'CANCELLED', visitorName: null });
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'booking.visitor-name.read' AND resource_id = $1`,
        [booking.id],
      );
      expect(n).toBe(0);
    });

    it('should answer 404 to staff of another office, 403 to a handler, and let an admin in', async () => {
      const { world } = await office();
      const other = await office();
      const url = `/offices/${world.officeId}/schedule?date=${futureDate(5)}`;
      expect((await t.request('GET', url, { token: other.token })).status).toBe(404);
      expect((await t.request('GET', url, { token: await loginAs(t, world.handlerIds[0]) })).status).toBe(403);
      const admin = await f.user('ADMIN');
      expect((await t.request('GET', url, { token: await loginAs(t, admin.id) })).status).toBe(200);
    });

    it.each([
      ['a missing date', ''],
      ['an impossible date', '?date=2026-02-30'],
      ['a date-time', '?date=2026-12-01T10:00:00Z'],
      ['an unknown parameter', `?date=2026-12-01&room=x`],
    ])('should refuse %s with a 400', async (_label, query) => {
      const { world, token } = await office();
      const res = await t.request('GET', `/offices/${world.officeId}/schedule${query}`, { token });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.details).length).toBeGreaterThan(0);
    });
  });

  describe('booking on behalf of a visitor', () => {
    it('should book at the desk, record who booked and hand back the reference and manage token', async () => {
      const { world, staff, token } = await office();
      const { officeId: _officeId, ...body } = bookingBody(world, at(futureDate(7), '11:00'));
      const res = await t.request('POST', `/offices/${world.officeId}/bookings`, { token, body });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'BOOKED', local: { start: '11:00' }, office: { id: world.officeId } });
      expect(res.body.reference).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/);
      expect(res.body.manageToken).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
      const [row] = await t.db.query(`SELECT booked_via, booked_by FROM booking WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ booked_via: 'OFFICE_STAFF', booked_by: staff.id });
      const [event] = await t.db.query(`SELECT kind, actor_id, actor_role FROM booking_event WHERE booking_id = $1`, [
        res.body.id,
      ]);
      expect(event).toEqual({ kind: 'CREATED', actor_id: staff.id, actor_role: 'OFFICE_STAFF' });
      // The visitor can manage it online like any other booking.
      const own = await t.request('GET', `/bookings/ref/${res.body.reference}`, {
        headers: { 'x-manage-token': res.body.manageToken },
      });
      expect(own.status).toBe(200);
    });

    it('should answer 404 for another office and store nothing', async () => {
      const { world } = await office();
      const other = await office();
      const before = await counts();
      const { officeId: _officeId, ...body } = bookingBody(world, at(futureDate(7), '11:00'));
      const res = await t.request('POST', `/offices/${world.officeId}/bookings`, { token: other.token, body });
      expect(res.status).toBe(404);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['an officeId in the body', { officeId: '00000000-0000-4000-8000-000000000000' }, 'officeId'],
      ['an unknown field', { pin: '19121212-1212' }, 'pin'],
      ['a start without offset', { start: '2027-01-10T10:00:00' }, 'start'],
      ['a missing citizen', { citizen: undefined }, 'citizen'],
      ['a bad language', { language: 'xx' }, 'language'],
    ])('should refuse %s with a field message and store nothing', async (_label, overrides, field) => {
      const { world, token } = await office();
      const { officeId: _officeId, ...body } = bookingBody(world, at(futureDate(7), '11:00'));
      const before = await counts();
      const res = await t.request('POST', `/offices/${world.officeId}/bookings`, {
        token,
        body: { ...body, ...overrides },
      });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.details)).toContain(field);
      expect(await counts()).toEqual(before);
    });
  });

  describe('check-in and no-show', () => {
    it('should check a visitor in from an hour before the start, recording method, by whom and when', async () => {
      const { world, staff, token } = await office();
      const booking = await bookPublicly(t, world, futureDate(5), '10:00');

      const early = await t.request('POST', `/bookings/${booking.id}/check-in`, {
        token,
        body: { idCheckMethod: 'PASSPORT' },
      });
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/^Check-in opens 60 minutes before the start, at \d{2}:\d{2}/);

      await shiftBookingTo(t, booking.id, 45);
      const before = Date.now();
      const res = await t.request('POST', `/bookings/${booking.id}/check-in`, {
        token,
        body: { idCheckMethod: 'PASSPORT' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: booking.id, status: 'CHECKED_IN', checkedIn: true });
      const [row] = await t.db.query(
        `SELECT status, checked_in_at, checked_in_by, id_check_method FROM booking WHERE id = $1`,
        [booking.id],
      );
      expect(row).toMatchObject({ status: 'CHECKED_IN', checked_in_by: staff.id, id_check_method: 'PASSPORT' });
      expect(row.checked_in_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
      const events = await t.db.query(
        `SELECT kind, from_status, to_status, actor_id, details FROM booking_event WHERE booking_id = $1 ORDER BY id`,
        [booking.id],
      );
      expect(events[1]).toEqual({
        kind: 'CHECKED_IN',
        from_status: 'BOOKED',
        to_status: 'CHECKED_IN',
        actor_id: staff.id,
        details: { idCheckMethod: 'PASSPORT' },
      });
      const audit = await t.db.query(
        `SELECT actor_id, details FROM audit_log WHERE action = 'booking.check-in' AND resource_id = $1`,
        [booking.id],
      );
      expect(audit).toEqual([{ actor_id: staff.id, details: { idCheckMethod: 'PASSPORT' } }]);

      const again = await t.request('POST', `/bookings/${booking.id}/check-in`, {
        token,
        body: { idCheckMethod: 'PASSPORT' },
      });
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('The booking is checked in and cannot be checked in');
    });

    it('should refuse to check in a cancelled booking or one whose meeting is over', async () => {
      const { world, token } = await office({ rooms: 2 });
      const date = futureDate(5);
      const cancelled = await bookPublicly(t, world, date, '10:00');
      await t.request('POST', `/bookings/ref/${cancelled.reference}/cancel`, {
        headers: { 'x-manage-token': cancelled.manageToken },
      });
      const res = await t.request('POST', `/bookings/${cancelled.id}/check-in`, {
        token,
        body: { idCheckMethod: 'ID_CARD' },
      });
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('The booking is already cancelled and cannot be checked in');

      const over = await bookPublicly(t, world, date, '13:00');
      await shiftBookingTo(t, over.id, -40);
      const late = await t.request('POST', `/bookings/${over.id}/check-in`, {
        token,
        body: { idCheckMethod: 'ID_CARD' },
      });
      expect(late.status).toBe(409);
      expect(late.body.message).toMatch(/can no longer be checked in/);
      const [row] = await t.db.query(`SELECT checked_in_at FROM booking WHERE id = $1`, [over.id]);
      expect(row.checked_in_at).toBeNull();
    });

    it('should answer 404 to staff of another office and 403 to a handler', async () => {
      const { world } = await office();
      const other = await office();
      const booking = await bookPublicly(t, world, futureDate(5), '10:00');
      await shiftBookingTo(t, booking.id, 10);
      const body = { idCheckMethod: 'ID_CARD' };
      expect((await t.request('POST', `/bookings/${booking.id}/check-in`, { token: other.token, body })).status).toBe(
        404,
      );
      expect((await t.request('POST', `/bookings/${booking.id}/no-show`, { token: other.token })).status).toBe(404);
      const handler = await loginAs(t, world.handlerIds[0]);
      expect((await t.request('POST', `/bookings/${booking.id}/check-in`, { token: handler, body })).status).toBe(403);
    });

    it.each([
      ['a bad method', { idCheckMethod: 'FACE' }, 'idCheckMethod'],
      ['a missing method', {}, 'idCheckMethod'],
      ['an unknown field', { idCheckMethod: 'OTHER', personalNumber: '19121212-1212' }, 'personalNumber'],
    ])('should refuse a check-in with %s and change nothing', async (_label, body, field) => {
      const { world, token } = await office();
      const booking = await bookPublicly(t, world, futureDate(5), '10:00');
      await shiftBookingTo(t, booking.id, 10);
      const res = await t.request('POST', `/bookings/${booking.id}/check-in`, { token, body });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.details)).toContain(field);
      const [row] = await t.db.query(`SELECT status, checked_in_at FROM booking WHERE id = $1`, [booking.id]);
      expect(row).toEqual({ status: 'BOOKED', checked_in_at: null });
    });

    it('should mark a no-show only after the start, and free the room and handler', async () => {
      const { world, staff, token } = await office();
      const booking = await bookPublicly(t, world, futureDate(5), '10:00');
      const early = await t.request('POST', `/bookings/${booking.id}/no-show`, { token });
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/only after the start/);

      await shiftBookingTo(t, booking.id, -5);
      const res = await t.request('POST', `/bookings/${booking.id}/no-show`, { token });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('NO_SHOW');
      expect(await t.db.query(`SELECT 1 FROM resource_hold WHERE booking_id = $1`, [booking.id])).toEqual([]);
      const [event] = await t.db.query(
        `SELECT actor_id, actor_role FROM booking_event WHERE booking_id = $1 AND kind = 'NO_SHOW'`,
        [booking.id],
      );
      expect(event).toEqual({ actor_id: staff.id, actor_role: 'OFFICE_STAFF' });
      expect((await t.request('POST', `/bookings/${booking.id}/no-show`, { token })).status).toBe(409);
    });
  });

  describe('room blocks', () => {
    it('should refuse a block over a booking with the count, list the booking on request, and write nothing', async () => {
      const { world, token } = await office({ rooms: 1 });
      const date = futureDate(8);
      const booking = await bookPublicly(t, world, date, '10:00');
      const body = {
        roomId: world.roomIds[0],
        start: at(date, '09:00'),
        end: at(date, '12:00'),
        reason: 'MAINTENANCE',
      };
      const before = await counts();

      const refused = await t.request('POST', `/offices/${world.officeId}/room-blocks`, { token, body });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/overlaps 1 booking\(s\)/);
      expect(refused.body.extra).toEqual({ conflictCount: 1 });

      const listed = await t.request('POST', `/offices/${world.officeId}/room-blocks`, {
        token,
        body: { ...body, listConflicts: true },
      });
      expect(listed.status).toBe(409);
      expect(listed.body.extra.conflicts).toEqual([
        {
          id: booking.id,
          reference: booking.reference,
          status: 'BOOKED',
          start: at(date, '10:00'),
          end: at(date, '10:30'),
          local: {
            startDate: date,
            start: '10:00',
            startOffset: offsetAt(date, '10:00'),
            endDate: date,
            end: '10:30',
            endOffset: offsetAt(date, '10:30'),
            zone: 'Europe/Stockholm',
          },
          agency: { code: expect.any(String), nameSv: expect.any(String), nameEn: expect.any(String) },
        },
      ]);
      expect(JSON.stringify(listed.body)).not.toContain('Andersson');
      expect(await counts()).toEqual(before);
    });

    it('should refuse a block that touches only the booking’s buffer, since the room is being readied', async () => {
      const { world, token } = await office({ rooms: 1 });
      const date = futureDate(8);
      await bookPublicly(t, world, date, '10:00'); // holds the room 10:00-10:40
      const res = await t.request('POST', `/offices/${world.officeId}/room-blocks`, {
        token,
        body: { roomId: world.roomIds[0], start: at(date, '10:30'), end: at(date, '11:00'), reason: 'OTHER_USE' },
      });
      expect(res.status).toBe(409);
      const fits = await t.request('POST', `/offices/${world.officeId}/room-blocks`, {
        token,
        body: { roomId: world.roomIds[0], start: at(date, '10:40'), end: at(date, '11:00'), reason: 'OTHER_USE' },
      });
      expect(fits.status).toBe(201);
    });

    it('should block a free time, take it out of availability and the schedule, and give it back when removed', async () => {
      const { world, staff, token } = await office({ rooms: 1 });
      const date = futureDate(9);
      expect(await slots(world, date)).toContain('13:00');

      const res = await t.request('POST', `/offices/${world.officeId}/room-blocks`, {
        token,
        body: {
          roomId: world.roomIds[0],
          start: at(date, '13:00'),
          end: at(date, '15:00'),
          reason: 'COURT_HEARING',
          note: 'Tingsrätten, mål T 123-26',
        },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        roomId: world.roomIds[0],
        reason: 'COURT_HEARING',
        local: { startDate: date, start: '13:00', end: '15:00' },
        createdBy: staff.id,
      });
      const after = await slots(world, date);
      // 30-minute meetings with a 10-minute buffer: 12:15 would hold the room until 12:55.
      expect(after).toContain('12:15');
      for (const gone of ['12:30', '13:00', '14:30']) expect(after).not.toContain(gone);
      expect(after).toContain('15:00');

      const schedule = await t.request('GET', `/offices/${world.officeId}/schedule?date=${date}`, { token });
      expect(schedule.body.rooms[0].blocks).toEqual([
        expect.objectContaining({ id: res.body.id, reason: 'COURT_HEARING', start: at(date, '13:00') }),
      ]);
      const list = await t.request('GET', `/offices/${world.officeId}/room-blocks?from=${date}&to=${date}`, { token });
      expect(list.body.map((b: { id: string }) => b.id)).toEqual([res.body.id]);

      const removed = await t.request('DELETE', `/offices/${world.officeId}/room-blocks/${res.body.id}`, { token });
      expect(removed.status).toBe(204);
      expect(await t.db.query(`SELECT 1 FROM resource_hold WHERE room_block_id = $1`, [res.body.id])).toEqual([]);
      expect(await slots(world, date)).toContain('13:00');
      expect(
        (await t.request('DELETE', `/offices/${world.officeId}/room-blocks/${res.body.id}`, { token })).status,
      ).toBe(404);
    });

    it('should refuse a block overlapping another block', async () => {
      const { world, token } = await office({ rooms: 1 });
      const date = futureDate(10);
      const body = {
        roomId: world.roomIds[0],
        start: at(date, '08:00'),
        end: at(date, '10:00'),
        reason: 'MAINTENANCE',
      };
      expect((await t.request('POST', `/offices/${world.officeId}/room-blocks`, { token, body })).status).toBe(201);
      const res = await t.request('POST', `/offices/${world.officeId}/room-blocks`, {
        token,
        body: { ...body, start: at(date, '09:00'), end: at(date, '11:00') },
      });
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('The room is already blocked for part of that time');
    });

    it('should keep room blocks within the staff member’s own offices', async () => {
      const { world, token } = await office();
      const other = await office();
      const date = futureDate(10);
      const body = {
        roomId: world.roomIds[0],
        start: at(date, '08:00'),
        end: at(date, '09:00'),
        reason: 'MAINTENANCE',
      };
      const before = await counts();
      expect(
        (await t.request('POST', `/offices/${world.officeId}/room-blocks`, { token: other.token, body })).status,
      ).toBe(404);
      // A room of another office, in one's own office's path.
      const foreign = await t.request('POST', `/offices/${other.world.officeId}/room-blocks`, {
        token: other.token,
        body,
      });
      expect(foreign.status).toBe(400);
      expect(Object.keys(foreign.body.details)).toEqual(['roomId']);
      expect(await counts()).toEqual(before);

      const made = await t.request('POST', `/offices/${world.officeId}/room-blocks`, { token, body });
      expect(made.status).toBe(201);
      const list = `/offices/${world.officeId}/room-blocks?from=${date}&to=${date}`;
      expect((await t.request('GET', list, { token: other.token })).status).toBe(404);
      const remove = `/offices/${world.officeId}/room-blocks/${made.body.id}`;
      expect((await t.request('DELETE', remove, { token: other.token })).status).toBe(404);
      expect(
        (
          await t.request('DELETE', `/offices/${other.world.officeId}/room-blocks/${made.body.id}`, {
            token: other.token,
          })
        ).status,
      ).toBe(404);
    });

    it.each([
      ['an unknown field', { color: 'red' }, 'color'],
      ['a bad reason', { reason: 'PARTY' }, 'reason'],
      ['a missing reason', { reason: undefined }, 'reason'],
      ['a bad room id', { roomId: 'room-1' }, 'roomId'],
      ['a start without offset', { start: '2027-01-10T10:00:00' }, 'start'],
      ['a date-only end', { end: '2027-01-10' }, 'end'],
      ['an impossible start', { start: '2027-02-30T10:00:00Z' }, 'start'],
      ['an end before the start', { end: 'BEFORE' }, 'end'],
      ['a block of 32 days', { end: 'FAR' }, 'end'],
      ['a non-boolean listConflicts', { listConflicts: 'yes' }, 'listConflicts'],
      ['a too long note', { note: 'x'.repeat(201) }, 'note'],
    ])('should refuse a block with %s and store nothing', async (_label, overrides, field) => {
      const { world, token } = await office();
      const date = futureDate(11);
      const start = at(date, '10:00');
      const special: Record<string, string> = {
        BEFORE: at(date, '09:00'),
        FAR: new Date(new Date(start).getTime() + 32 * 86_400_000).toISOString(),
      };
      const body: Record<string, unknown> = {
        roomId: world.roomIds[0],
        start,
        end: at(date, '11:00'),
        reason: 'MAINTENANCE',
      };
      for (const [key, value] of Object.entries(overrides)) body[key] = special[value as string] ?? value;
      const before = await counts();
      const res = await t.request('POST', `/offices/${world.officeId}/room-blocks`, { token, body });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.details)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['a missing to', '?from=2026-12-01'],
      ['a bad from', '?from=2026-13-01&to=2026-12-02'],
      ['a to before from', '?from=2026-12-05&to=2026-12-01'],
      ['more than 31 days', '?from=2026-12-01&to=2027-01-01'],
    ])('should refuse a block list with %s', async (_label, query) => {
      const { world, token } = await office();
      const res = await t.request('GET', `/offices/${world.officeId}/room-blocks${query}`, { token });
      expect(res.status).toBe(400);
      expect(res.body.details.to ?? res.body.details.from).toBeDefined();
    });
  });
});
