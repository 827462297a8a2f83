import { at, bookingBody, bookingWorld, futureDate, nextDstSunday } from '../support/booking-fixture';
import { countRows, Factory } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('Booking', () => {
  let t: TestApp;

  beforeAll(async () => {
    // One test counts the SQL statements behind an availability search.
    t = await createTestApp({ SQL_STATEMENTS_HEADER: 'true' });
  });
  afterAll(() => t.close());

  const availability = async (world: { caseTypeId: string; officeId: string }, date: string, extra = '') => {
    const res = await t.request(
      'GET',
      `/availability?caseType=${world.caseTypeId}&office=${world.officeId}&from=${date}&to=${date}${extra}`,
    );
    expect(res.status).toBe(200);
    return res.body.offices[0].days[0].slots.map((s: { local: string }) => s.local) as string[];
  };

  it('should book a free slot, hide it from availability and show the agency and local time', async () => {
    const world = await bookingWorld(t);
    const date = futureDate(5);
    const before = await availability(world, date);
    expect(before[0]).toBe('08:00');
    expect(before).toContain('10:00');
    expect(before).not.toContain('17:45'); // the meeting would end after closing

    const res = await t.request('POST', '/bookings', { body: bookingBody(world, at(date, '10:00')) });
    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(/^[2-9A-HJKMNP-TW-Z]{3}-[2-9A-HJKMNP-TW-Z]{3}$/);
    expect(res.body.manageToken).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
    expect(res.body).toMatchObject({
      status: 'BOOKED',
      start: at(date, '10:00'),
      local: { date, start: '10:00', end: '10:30' },
      agency: { nameSv: expect.any(String) },
      caseType: { nameEn: 'Housing allowance' },
    });
    expect(JSON.stringify(res.body)).not.toContain(world.handlerIds[0]);

    const after = await availability(world, date);
    // One room: the hold covers 10:00-10:40, so starts from 09:30 to 10:30 are gone.
    expect(after).not.toContain('09:30');
    expect(after).not.toContain('10:00');
    expect(after).not.toContain('10:30');
    expect(after).toContain('09:15');
    expect(after).toContain('10:45');
  });

  it('should let exactly one of many simultaneous bookings of the last slot win, with a clear 409 for the rest', async () => {
    const world = await bookingWorld(t, { rooms: 1, handlers: 3 });
    const start = at(futureDate(6), '11:00');
    const results = await Promise.all(
      Array.from({ length: 12 }, () => t.request('POST', '/bookings', { body: bookingBody(world, start) })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const conflict = results.find((r) => r.status === 409)!;
    expect(conflict.body.message).toMatch(/choose another time/);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM booking WHERE office_id = $1`, [world.officeId]);
    expect(n).toBe(1);
  });

  it('should fill exactly the capacity when several rooms and handlers are free', async () => {
    const world = await bookingWorld(t, { rooms: 2, handlers: 3 });
    const start = at(futureDate(6), '13:00');
    const results = await Promise.all(
      Array.from({ length: 8 }, () => t.request('POST', '/bookings', { body: bookingBody(world, start) })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status >= 500)).toHaveLength(0);
  });

  it('should never overlap partly overlapping ranges on one room', async () => {
    const world = await bookingWorld(t, { rooms: 1, handlers: 4 });
    const date = futureDate(8);
    // 30-minute meetings with a 10-minute buffer: 10:00-10:40, 10:15-10:55, 10:30-11:10 all overlap.
    const starts = ['10:00', '10:15', '10:30', '10:00', '10:15', '10:30'];
    const results = await Promise.all(
      starts.map((s) => t.request('POST', '/bookings', { body: bookingBody(world, at(date, s)) })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const overlaps = await t.db.query(
      `SELECT 1 FROM booking a JOIN booking b ON a.id < b.id AND a.room_id = b.room_id
         AND tstzrange(a.starts_at, a.hold_until) && tstzrange(b.starts_at, b.hold_until)
       WHERE a.office_id = $1 AND a.status NOT IN ('CANCELLED', 'NO_SHOW') AND b.status NOT IN ('CANCELLED', 'NO_SHOW')`,
      [world.officeId],
    );
    expect(overlaps).toEqual([]);
  });

  it.each([
    ['a holiday', () => at(nextHoliday(), '10:00'), /closed on that day \(/],
    ['a time outside opening hours', () => at(futureDate(5), '17:45'), /within the office’s opening hours/],
    [
      'a time too soon',
      () => new Date(Math.ceil((Date.now() + 15 * 60_000) / 900_000) * 900_000).toISOString(),
      /at least 1 hour ahead/,
    ],
    ['a time too far ahead', () => at(futureDate(380), '10:00'), /at most 365 days ahead/],
    ['a time off the quarter-hour grid', () => at(futureDate(5), '10:07'), /quarter hour/],
  ])('should refuse %s with a 400 on start and store nothing', async (_label, start, message) => {
    const world = await bookingWorld(t);
    const before = await countRows(t.db, 'booking');
    const res = await t.request('POST', '/bookings', { body: bookingBody(world, start()) });
    expect(res.status).toBe(400);
    expect(res.body.details.start[0]).toMatch(message);
    expect(await countRows(t.db, 'booking')).toBe(before);
  });

  it('should book the right wall-clock times on both daylight-saving Sundays', async () => {
    const world = await bookingWorld(t, { rooms: 1, handlers: 1 });
    // Easter Sunday can fall on the March change (it does in 2027); this office opens on holidays.
    await t.db.query(`UPDATE office SET closed_on_public_holidays = false WHERE id = $1`, [world.officeId]);
    const sundays = [
      [nextDstSunday(3), '08:00'], // clocks went forward at 02:00: 10:00 is UTC+2
      [nextDstSunday(10), '09:00'], // clocks went back at 03:00: 10:00 is UTC+1
    ] as const;
    // Bookable at most 365 days ahead: for a few days after each October change the next one
    // is further away, and only the March case can be booked (the unit tests cover both always).
    const reachable = sundays.filter(([sunday]) => new Date(sunday).getTime() - Date.now() < 360 * 86_400_000);
    expect(reachable.length).toBeGreaterThanOrEqual(1);
    for (const [sunday, utc] of reachable) {
      const slots = await availability(world, sunday);
      expect(slots[0]).toBe('08:00');
      expect(new Set(slots).size).toBe(slots.length);
      const res = await t.request('POST', '/bookings', { body: bookingBody(world, `${sunday}T${utc}:00Z`) });
      expect([res.status, res.body.message]).toEqual([201, undefined]);
      expect(res.body.local).toMatchObject({ date: sunday, start: '10:00', end: '10:30' });
    }
  });

  it('should give the booking only to the holder of the manage token', async () => {
    const world = await bookingWorld(t);
    const made = await t.request('POST', '/bookings', { body: bookingBody(world, at(futureDate(9), '09:00')) });
    const url = `/bookings/ref/${made.body.reference}`;
    expect((await t.request('GET', url)).status).toBe(404);
    expect((await t.request('GET', url, { headers: { 'x-manage-token': 'K7QM-4XRT-9P' } })).status).toBe(404);
    const wrongRef = await t.request('GET', '/bookings/ref/ZZZ-ZZZ', {
      headers: { 'x-manage-token': made.body.manageToken },
    });
    expect(wrongRef.status).toBe(404);
    const res = await t.request('GET', url.toLowerCase().replace('/ref/', '/ref/'), {
      headers: { 'x-manage-token': made.body.manageToken },
    });
    expect(res.status).toBe(200);
    expect(res.body.citizen.name).toBe('A. Andersson');
    const [stored] = await t.db.query(`SELECT manage_token_hash FROM booking WHERE reference = $1`, [
      made.body.reference,
    ]);
    expect(stored.manage_token_hash).not.toContain(made.body.manageToken);
    const audit = await t.db.query(
      `SELECT action, actor_role FROM audit_log WHERE action IN ('booking.create', 'booking.read') AND resource_id = $1
        ORDER BY id`,
      [made.body.id],
    );
    // The same person as in the booking's history: the citizen, not an anonymous caller.
    expect(audit).toEqual([
      { action: 'booking.create', actor_role: 'CITIZEN' },
      { action: 'booking.read', actor_role: 'CITIZEN' },
    ]);
  });

  it('should keep the old booking when a reschedule fails, and move it when it can', async () => {
    const world = await bookingWorld(t, { rooms: 1, handlers: 1 });
    const date = futureDate(10);
    const a = await t.request('POST', '/bookings', { body: bookingBody(world, at(date, '10:00')) });
    const b = await t.request('POST', '/bookings', { body: bookingBody(world, at(date, '11:00')) });
    expect([a.status, b.status]).toEqual([201, 201]);
    const headers = { 'x-manage-token': a.body.manageToken };

    const clash = await t.request('POST', `/bookings/ref/${a.body.reference}/reschedule`, {
      headers,
      body: { start: at(date, '11:00') },
    });
    expect(clash.status).toBe(409);
    const kept = await t.request('GET', `/bookings/ref/${a.body.reference}`, { headers });
    expect(kept.body).toMatchObject({ status: 'BOOKED', local: { start: '10:00' } });
    // Its holds survived the rollback: the 10:00 slot is still taken.
    expect((await t.request('POST', '/bookings', { body: bookingBody(world, at(date, '10:00')) })).status).toBe(409);

    const moved = await t.request('POST', `/bookings/ref/${a.body.reference}/reschedule`, {
      headers,
      body: { start: at(date, '14:00') },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.local.start).toBe('14:00');
    // The booking keeps its own holds: one per resource, at the new time.
    const holds = await t.db.query(
      `SELECT resource_kind, lower(during) AS from FROM resource_hold WHERE booking_id = $1 ORDER BY resource_kind`,
      [a.body.id],
    );
    expect(holds).toEqual([
      { resource_kind: 'handler', from: new Date(at(date, '14:00')) },
      { resource_kind: 'room', from: new Date(at(date, '14:00')) },
    ]);
    expect((await t.request('POST', '/bookings', { body: bookingBody(world, at(date, '10:00')) })).status).toBe(201);
    const kinds = await t.db.query(
      `SELECT kind FROM notification_outbox WHERE booking_id = $1 AND channel = 'EMAIL' ORDER BY created_at`,
      [a.body.id],
    );
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['CONFIRMATION', 'CHANGE']);
  });

  it('should cancel, free the slot, write the event and queue a cancellation in the visitor’s language', async () => {
    const world = await bookingWorld(t, { rooms: 1, handlers: 1 });
    const date = futureDate(11);
    const made = await t.request('POST', '/bookings', {
      body: bookingBody(world, at(date, '09:00'), { locale: 'en' }),
    });
    const headers = { 'x-manage-token': made.body.manageToken };
    const cancelled = await t.request('POST', `/bookings/ref/${made.body.reference}/cancel`, { headers });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    // Idempotent: a second cancel answers as the first did and changes nothing (see booking-rules).
    expect((await t.request('POST', `/bookings/ref/${made.body.reference}/cancel`, { headers })).body).toEqual(
      cancelled.body,
    );
    expect(await availability(world, date)).toContain('09:00');
    const events = await t.db.query(
      `SELECT kind, from_status, to_status, actor_role FROM booking_event WHERE booking_id = $1 ORDER BY id`,
      [made.body.id],
    );
    expect(events).toEqual([
      { kind: 'CREATED', from_status: null, to_status: 'BOOKED', actor_role: 'CITIZEN' },
      { kind: 'CANCELLED', from_status: 'BOOKED', to_status: 'CANCELLED', actor_role: 'CITIZEN' },
    ]);
    const [mail] = await t.db.query(
      `SELECT subject, body FROM notification_outbox WHERE booking_id = $1 AND kind = 'CANCELLATION' AND channel = 'EMAIL'`,
      [made.body.id],
    );
    expect(mail.subject).toBe(`Your booking is cancelled ${made.body.reference}`);
    expect(mail.body).toContain('at 09:00');
  });

  it('should refuse online changes after the cut-off', async () => {
    // Around the clock, so that "in an hour" is bookable whenever the suite runs: with the default
    // hours, 17:00-18:00 finds the office open but no handler at work, and the booking is a 409.
    const world = await bookingWorld(t, { minNoticeMin: 0, aroundTheClock: true });
    const soon = new Date(Math.ceil((Date.now() + 60 * 60_000) / 900_000) * 900_000);
    const made = await t.request('POST', '/bookings', { body: bookingBody(world, soon.toISOString()) });
    expect(made.status).toBe(201);
    const res = await t.request('POST', `/bookings/ref/${made.body.reference}/cancel`, {
      headers: { 'x-manage-token': made.body.manageToken },
    });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/contact the office/);
  });

  it('should add an interpreter who speaks the language, and offer nothing when none is free', async () => {
    // Thai: a language no other test data has an interpreter for.
    const world = await bookingWorld(t, { rooms: 1, handlers: 1 });
    const date = futureDate(12);
    expect(await availability(world, date, '&language=th&interpreter=true')).toEqual([]);
    const interpreter = await new Factory(t.db).user('INTERPRETER', {
      languages: ['th', 'sv'],
      weeklyHours: ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, opens: '09:00', closes: '12:00' })),
    });
    const slots = await availability(world, date, '&language=th&interpreter=true');
    expect(slots[0]).toBe('09:00');
    expect(slots[slots.length - 1]).toBe('11:30');
    const res = await t.request('POST', '/bookings', {
      body: bookingBody(world, at(date, '09:00'), { language: 'th', interpreter: true }),
    });
    expect(res.status).toBe(201);
    expect(res.body.interpreter).toBe(true);
    const [row] = await t.db.query(`SELECT interpreter_id, interpreter_language FROM booking WHERE id = $1`, [
      res.body.id,
    ]);
    expect(row).toEqual({ interpreter_id: interpreter.id, interpreter_language: 'th' });
  });

  it('should not offer a language nobody speaks without an interpreter', async () => {
    const world = await bookingWorld(t, { handlerLanguages: ['sv'] });
    expect(await availability(world, futureDate(5), '&language=ar')).toEqual([]);
    expect((await availability(world, futureDate(5), '&language=sv')).length).toBeGreaterThan(0);
  });

  it.each([
    ['an unknown field', { pin: '19121212-1212' }, 'pin'],
    ['a missing citizen', { citizen: undefined }, 'citizen'],
    ['a blank name', { citizen: { name: '   ' } }, 'citizen.name'],
    ['a bad phone', { citizen: { name: 'A', phone: 'call me' } }, 'citizen.phone'],
    ['a bad e-mail', { citizen: { name: 'A', email: 'not-mail' } }, 'citizen.email'],
    ['a start without offset', { start: '2027-01-10T10:00:00' }, 'start'],
    ['a bad language', { language: 'xx' }, 'language'],
    ['a non-boolean interpreter', { interpreter: 'yes' }, 'interpreter'],
    ['an unknown accessibility need', { accessibilityNeeds: ['JETPACK'] }, 'accessibilityNeeds'],
    ['a bad locale', { locale: 'de' }, 'locale'],
    ['a bad case type id', { caseTypeId: 'nope' }, 'caseTypeId'],
  ])('should refuse %s with a field message and store nothing', async (_label, overrides, field) => {
    const world = await bookingWorld(t);
    const before = await Promise.all(
      ['booking', 'resource_hold', 'notification_outbox'].map((table) => countRows(t.db, table)),
    );
    const res = await t.request('POST', '/bookings', {
      body: bookingBody(world, at(futureDate(5), '10:00'), overrides),
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details)).toContain(field);
    const after = await Promise.all(
      ['booking', 'resource_hold', 'notification_outbox'].map((table) => countRows(t.db, table)),
    );
    expect(after).toEqual(before);
  });

  it('should search a municipality and a region, and refuse an ambiguous or too long search', async () => {
    const world = await bookingWorld(t);
    const date = futureDate(5);
    const byMunicipality = await t.request(
      'GET',
      `/availability?caseType=${world.caseTypeId}&municipality=${world.municipality}&from=${date}&to=${date}`,
    );
    expect(byMunicipality.body.offices.map((o: { officeId: string }) => o.officeId)).toEqual([world.officeId]);
    const byRegion = await t.request(
      'GET',
      `/availability?caseType=${world.caseTypeId}&region=${world.regionId}&from=${date}&to=${date}`,
    );
    expect(byRegion.body.offices.map((o: { officeId: string }) => o.officeId)).toContain(world.officeId);
    // Set-based: the same few statements whatever the number of offices, rooms or handlers.
    expect(Number(byRegion.headers['x-sql-statements'])).toBeGreaterThan(0);
    expect(Number(byRegion.headers['x-sql-statements'])).toBeLessThanOrEqual(3);
    const both = await t.request(
      'GET',
      `/availability?caseType=${world.caseTypeId}&office=${world.officeId}&region=${world.regionId}&from=${date}&to=${date}`,
    );
    expect(both.status).toBe(400);
    const long = await t.request(
      'GET',
      `/availability?caseType=${world.caseTypeId}&office=${world.officeId}&from=${date}&to=${futureDate(60)}`,
    );
    expect(long.status).toBe(400);
    expect(long.body.details.to).toBeDefined();
  });
});

function nextHoliday(): string {
  // Christmas Day is always a holiday; the office in the fixture is open every other day.
  const year = new Date().getUTCFullYear();
  const thisYear = `${year}-12-25`;
  return thisYear > new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) ? thisYear : `${year + 1}-12-25`;
}
