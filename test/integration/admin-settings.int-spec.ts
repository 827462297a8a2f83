import type { ConflictingBooking } from '@distans/contracts';
import { at, bookingBody, bookingWorld, BookingWorld, futureDate } from '../support/booking-fixture';
import { Factory, login } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * What the administrators' settings added to the API: changes to opening hours and rooms that
 * show, and then settle, the bookings they affect; invitations and password resets with one-time
 * codes; and an audit log whose reading is audited and which exports as CSV.
 */
describe('Administrators’ settings API', () => {
  let t: TestApp;
  let factory: Factory;
  let admin: { id: string; email: string; password: string };
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.db);
    admin = await factory.user('ADMIN');
    adminToken = await login(t, admin);
  });
  afterAll(() => t.close());

  const book = async (world: BookingWorld, date: string, hhmm: string): Promise<string> => {
    const res = await t.request('POST', '/bookings', { body: bookingBody(world, at(date, hhmm)) });
    expect([res.status, res.body.message]).toEqual([201, undefined]);
    return res.body.id;
  };
  const statusOf = async (id: string): Promise<string> =>
    (await t.db.query(`SELECT status FROM booking WHERE id = $1`, [id]))[0].status;
  /** Messages queued for a booking, by kind (one per channel: e-mail and SMS). */
  const messagesOf = async (id: string, kind: string): Promise<number> =>
    (
      await t.db.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE booking_id = $1 AND kind = $2`, [
        id,
        kind,
      ])
    )[0].n;

  describe('a closed day with bookings on it', () => {
    let world: BookingWorld;
    let date: string;
    let morning: string;
    let afternoon: string;

    beforeAll(async () => {
      world = await bookingWorld(t, { rooms: 1, handlers: 2 });
      date = futureDate(10);
      morning = await book(world, date, '09:00');
      afternoon = await book(world, date, '14:00');
    });

    it('should preview the bookings that changed hours leave outside them, without saving anything', async () => {
      const preview = await t.request('POST', `/offices/${world.officeId}/exceptions/${date}/preview`, {
        token: adminToken,
        body: { closed: false, intervals: [{ opens: '08:00', closes: '12:00' }] },
      });
      expect(preview.status).toBe(200);
      expect(preview.body.affected.map((b: ConflictingBooking) => b.id)).toEqual([afternoon]);
      expect(preview.body.affected[0].local).toMatchObject({ startDate: date, start: '14:00' });
      const [row] = await t.db.query(`SELECT count(*)::int AS n FROM office_exception WHERE office_id = $1`, [
        world.officeId,
      ]);
      expect(row.n).toBe(0);
    });

    it('should refuse to close the day until the administrator decides, listing the bookings', async () => {
      const res = await t.request('PUT', `/offices/${world.officeId}/exceptions/${date}`, {
        token: adminToken,
        body: { closed: true, reason: 'Vattenskada' },
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('BOOKINGS_AFFECTED');
      expect(res.body.extra.affected.map((b: ConflictingBooking) => b.id).sort()).toEqual([morning, afternoon].sort());
      const calendar = await t.request('GET', `/offices/${world.officeId}/opening-hours?from=${date}&to=${date}`);
      expect(calendar.body.days[0].closed).toBe(false);
      expect([await statusOf(morning), await statusOf(afternoon)]).toEqual(['BOOKED', 'BOOKED']);
    });

    it('should refuse a decision that is not one', async () => {
      const res = await t.request('PUT', `/offices/${world.officeId}/exceptions/${date}`, {
        token: adminToken,
        body: { closed: true, onBookings: 'move' },
      });
      expect(res.status).toBe(400);
      expect(res.body.details.onBookings).toEqual(['onBookings must be one of keep, cancel']);
    });

    it('should close the day and cancel its bookings with a message to each visitor, in one step', async () => {
      const res = await t.request('PUT', `/offices/${world.officeId}/exceptions/${date}`, {
        token: adminToken,
        body: { closed: true, reason: 'Vattenskada', onBookings: 'cancel' },
      });
      expect(res.status).toBe(200);
      expect([await statusOf(morning), await statusOf(afternoon)]).toEqual(['CANCELLED', 'CANCELLED']);
      expect(await messagesOf(morning, 'CANCELLATION')).toBe(await messagesOf(morning, 'CONFIRMATION'));
      expect(await messagesOf(morning, 'CANCELLATION')).toBeGreaterThan(0);
      const holds = await t.db.query(`SELECT 1 FROM resource_hold WHERE booking_id = ANY($1)`, [[morning, afternoon]]);
      expect(holds).toHaveLength(0);
      const events = await t.db.query(
        `SELECT actor_role, details FROM booking_event WHERE booking_id = $1 AND kind = 'CANCELLED'`,
        [morning],
      );
      expect(events).toEqual([{ actor_role: 'ADMIN', details: { cause: 'office-hours' } }]);
      const availability = await t.request(
        'GET',
        `/availability?caseType=${world.caseTypeId}&office=${world.officeId}&from=${date}&to=${date}`,
      );
      expect(availability.body.offices[0]?.days.flatMap((d: { slots: unknown[] }) => d.slots) ?? []).toEqual([]);
    });
  });

  it('should keep bookings when asked to, and say so in the audit log', async () => {
    const world = await bookingWorld(t, { rooms: 1 });
    const date = futureDate(12);
    const booking = await book(world, date, '10:00');
    const res = await t.request('PUT', `/offices/${world.officeId}/exceptions/${date}`, {
      token: adminToken,
      body: { closed: true, onBookings: 'keep' },
    });
    expect(res.status).toBe(200);
    expect(await statusOf(booking)).toBe('BOOKED');
    const audit = await t.db.query(
      `SELECT action, details FROM audit_log WHERE resource_id = $1 AND action = 'booking.keep'`,
      [booking],
    );
    expect(audit).toEqual([{ action: 'booking.keep', details: { cause: 'office-hours' } }]);
  });

  it('should judge new weekly hours against every future booking, and removing an exception too', async () => {
    const world = await bookingWorld(t, { rooms: 1 });
    const date = futureDate(8);
    const late = await book(world, date, '15:45');
    const shorter = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '15:30' }));
    const preview = await t.request('POST', `/offices/${world.officeId}/preview`, {
      token: adminToken,
      body: { weeklyHours: shorter },
    });
    expect(preview.body.affected.map((b: ConflictingBooking) => b.id)).toEqual([late]);
    const refused = await t.request('PATCH', `/offices/${world.officeId}`, {
      token: adminToken,
      body: { weeklyHours: shorter },
    });
    expect([refused.status, refused.body.code]).toEqual([409, 'BOOKINGS_AFFECTED']);
    // An exception keeps that day open late, so the shorter weeks no longer strand the booking...
    const kept = await t.request('PUT', `/offices/${world.officeId}/exceptions/${date}`, {
      token: adminToken,
      body: { closed: false, intervals: [{ opens: '08:00', closes: '18:00' }] },
    });
    expect(kept.status).toBe(200);
    const saved = await t.request('PATCH', `/offices/${world.officeId}`, {
      token: adminToken,
      body: { weeklyHours: shorter },
    });
    expect(saved.status).toBe(200);
    // ...until the exception goes.
    const removal = await t.request('DELETE', `/offices/${world.officeId}/exceptions/${date}`, { token: adminToken });
    expect([removal.status, removal.body.extra.affected[0].id]).toEqual([409, late]);
    const removed = await t.request('DELETE', `/offices/${world.officeId}/exceptions/${date}?onBookings=cancel`, {
      token: adminToken,
    });
    expect(removed.status).toBe(204);
    expect(await statusOf(late)).toBe('CANCELLED');
  });

  it('should list a room’s future bookings before it is deactivated, and settle them when it is', async () => {
    const world = await bookingWorld(t, { rooms: 1 });
    const booking = await book(world, futureDate(9), '11:00');
    const listed = await t.request('GET', `/rooms/${world.roomIds[0]}/future-bookings`, { token: adminToken });
    expect(listed.body.affected.map((b: ConflictingBooking) => b.reference)).toHaveLength(1);
    const refused = await t.request('DELETE', `/rooms/${world.roomIds[0]}`, { token: adminToken });
    expect([refused.status, refused.body.code]).toEqual([409, 'BOOKINGS_AFFECTED']);
    const viaPatch = await t.request('PATCH', `/rooms/${world.roomIds[0]}`, {
      token: adminToken,
      body: { active: false },
    });
    expect(viaPatch.status).toBe(409);
    const done = await t.request('DELETE', `/rooms/${world.roomIds[0]}?onBookings=cancel`, { token: adminToken });
    expect(done.status).toBe(204);
    expect(await statusOf(booking)).toBe('CANCELLED');
    const room = await t.request('GET', `/rooms/${world.roomIds[0]}`, { token: adminToken });
    expect(room.body.active).toBe(false);
  });

  describe('invitations and password resets', () => {
    it('should invite a handler with a one-time code, who then chooses a password and logs in', async () => {
      const agency = await factory.agency();
      const email = `invited-${Date.now()}@example.se`;
      const created = await t.request('POST', '/users', {
        token: adminToken,
        body: { email, displayName: 'Ida Inbjuden', role: 'HANDLER', agencyId: agency.id },
      });
      expect(created.status).toBe(201);
      const { code, path } = created.body.invitation;
      expect(code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
      expect(path).toBe(`/office/set-password#code=${code}`);
      const stored = await t.db.query(`SELECT code_hash FROM password_code WHERE user_id = $1`, [created.body.id]);
      expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ''));

      const tooShort = await t.request('POST', '/auth/set-password', { body: { code, password: 'short' } });
      expect([tooShort.status, tooShort.body.details.password]).toEqual([
        400,
        ['password must be at least 12 characters'],
      ]);
      const set = await t.request('POST', '/auth/set-password', {
        body: { code: code.toLowerCase(), password: 'a long enough password' },
      });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({ email, role: 'HANDLER' });
      const again = await t.request('POST', '/auth/set-password', { body: { code, password: 'another password 123' } });
      expect([again.status, Object.keys(again.body.details)]).toEqual([400, ['code']]);
      const loggedIn = await t.request('POST', '/auth/login', { body: { email, password: 'a long enough password' } });
      expect(loggedIn.status).toBe(200);
    });

    it('should reset a password: sessions end at once, the old password stops working, the code sets a new one', async () => {
      const user = await factory.user('OFFICE_STAFF', { officeIds: [(await factory.office()).id] });
      const token = await login(t, user);
      expect((await t.request('GET', '/me', { token })).status).toBe(200);
      const reset = await t.request('POST', `/users/${user.id}/password-reset`, { token: adminToken });
      expect(reset.status).toBe(200);
      expect((await t.request('GET', '/me', { token })).status).toBe(401);
      const old = await t.request('POST', '/auth/login', { body: { email: user.email, password: user.password } });
      expect(old.status).toBe(401);
      const set = await t.request('POST', '/auth/set-password', {
        body: { code: reset.body.code, password: 'brand new password' },
      });
      expect(set.status).toBe(200);
      expect(
        (await t.request('POST', '/auth/login', { body: { email: user.email, password: 'brand new password' } }))
          .status,
      ).toBe(200);
    });

    it('should let only administrators reset passwords', async () => {
      const staff = await factory.user('OFFICE_STAFF', { officeIds: [(await factory.office()).id] });
      const res = await t.request('POST', `/users/${admin.id}/password-reset`, { token: await login(t, staff) });
      expect(res.status).toBe(403);
    });
  });

  describe('the audit log', () => {
    it('should record each reading of the log, with its filters, and name the staff actor', async () => {
      const res = await t.request('GET', `/audit?actorId=${admin.id}&action=auth.login&pageSize=5`, {
        token: adminToken,
      });
      expect(res.status).toBe(200);
      expect(res.body.items[0]).toMatchObject({
        actorId: admin.id,
        actorName: expect.any(String),
        action: 'auth.login',
      });
      const reads = await t.db.query(
        `SELECT details FROM audit_log WHERE actor_id = $1 AND action = 'audit.read' ORDER BY at DESC LIMIT 1`,
        [admin.id],
      );
      expect(reads[0].details).toEqual({ filters: { actorId: admin.id, action: 'auth.login' }, page: 1 });
    });

    it('should export the filtered rows as CSV, and record the export', async () => {
      const res = await t.request('GET', `/audit/export?actorId=${admin.id}&action=auth.login`, { token: adminToken });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="distans-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const lines = (res.body as string)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe(
        'at,actorId,actorName,actorRole,action,resourceType,resourceId,clientIp,correlationId,details',
      );
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.slice(1).every((line) => line.includes(',auth.login,'))).toBe(true);
      const exports = await t.db.query(`SELECT 1 FROM audit_log WHERE actor_id = $1 AND action = 'audit.export'`, [
        admin.id,
      ]);
      expect(exports.length).toBeGreaterThan(0);
    });
  });
});
