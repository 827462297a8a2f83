import { countRows, Factory, login } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('Office opening hours', () => {
  let t: TestApp;
  let factory: Factory;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.db);
    admin = await login(t, await factory.user('ADMIN'));
  });
  afterAll(() => t.close());

  const exceptionsOf = async (officeId: string): Promise<number> => {
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM office_exception WHERE office_id = $1`, [officeId]);
    return row.n;
  };

  describe('exceptions', () => {
    it('should create, replace, list and delete a dated exception, auditing each write', async () => {
      const office = await factory.office();
      const closed = await t.request('PUT', `/offices/${office.id}/exceptions/2026-06-05`, {
        token: admin,
        body: { closed: true, reason: 'Staff training' },
      });
      expect(closed.status).toBe(200);
      expect(closed.body).toEqual({ date: '2026-06-05', closed: true, intervals: [], reason: 'Staff training' });

      const changed = await t.request('PUT', `/offices/${office.id}/exceptions/2026-06-05`, {
        token: admin,
        body: {
          closed: false,
          intervals: [
            { opens: '13:00', closes: '15:00' },
            { opens: '09:00', closes: '12:00' },
          ],
        },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toEqual({
        date: '2026-06-05',
        closed: false,
        intervals: [
          { opens: '09:00', closes: '12:00' },
          { opens: '13:00', closes: '15:00' },
        ],
        reason: '',
      });
      expect(await exceptionsOf(office.id)).toBe(1);

      await t.request('PUT', `/offices/${office.id}/exceptions/2026-07-01`, { token: admin, body: { closed: true } });
      const june = await t.request('GET', `/offices/${office.id}/exceptions?from=2026-06-01&to=2026-06-30`);
      expect(june.status).toBe(200);
      expect(june.body).toEqual({ items: [changed.body], page: 1, pageSize: 50, total: 1 });
      const all = await t.request('GET', `/offices/${office.id}/exceptions`);
      expect(all.body.items.map((e: { date: string }) => e.date)).toEqual(['2026-06-05', '2026-07-01']);

      expect((await t.request('DELETE', `/offices/${office.id}/exceptions/2026-06-05`, { token: admin })).status).toBe(
        204,
      );
      expect((await t.request('DELETE', `/offices/${office.id}/exceptions/2026-06-05`, { token: admin })).status).toBe(
        404,
      );
      const audit = await t.db.query(
        `SELECT action FROM audit_log WHERE resource_id = $1 AND action LIKE 'office.exception.%' ORDER BY id`,
        [office.id],
      );
      expect(audit.map((a: { action: string }) => a.action)).toEqual([
        'office.exception.put',
        'office.exception.put',
        'office.exception.put',
        'office.exception.delete',
      ]);
    });

    it('should let office staff manage exceptions of their own office only', async () => {
      const [own, other] = [await factory.office(), await factory.office()];
      const staff = await login(t, await factory.user('OFFICE_STAFF', { officeIds: [own.id] }));
      const body = { closed: true, reason: 'Inventory' };
      expect((await t.request('PUT', `/offices/${own.id}/exceptions/2026-05-04`, { token: staff, body })).status).toBe(
        200,
      );
      const foreign = await t.request('PUT', `/offices/${other.id}/exceptions/2026-05-04`, { token: staff, body });
      expect(foreign.status).toBe(404);
      expect(await exceptionsOf(other.id)).toBe(0);
      await t.request('PUT', `/offices/${other.id}/exceptions/2026-05-04`, { token: admin, body });
      expect((await t.request('DELETE', `/offices/${other.id}/exceptions/2026-05-04`, { token: staff })).status).toBe(
        404,
      );
      expect(await exceptionsOf(other.id)).toBe(1);

      const agency = await factory.agency();
      const handler = await login(t, await factory.user('HANDLER', { agencyId: agency.id }));
      const res = await t.request('PUT', `/offices/${own.id}/exceptions/2026-05-05`, { token: handler, body });
      expect(res.status).toBe(403);
    });

    const invalid: [string, string, unknown, string][] = [
      ['a date that does not exist', '2026-02-30', { closed: true }, 'date'],
      ['a date in another format', '05-06-2026', { closed: true }, 'date'],
      [
        'hours on a closed day',
        '2026-06-08',
        { closed: true, intervals: [{ opens: '09:00', closes: '12:00' }] },
        'intervals',
      ],
      ['an open day without hours', '2026-06-08', { closed: false }, 'intervals'],
      ['an open day with an empty list', '2026-06-08', { closed: false, intervals: [] }, 'intervals'],
      [
        'overlapping hours',
        '2026-06-08',
        {
          closed: false,
          intervals: [
            { opens: '09:00', closes: '12:00' },
            { opens: '11:30', closes: '14:00' },
          ],
        },
        'intervals.1',
      ],
      [
        'inverted hours',
        '2026-06-08',
        { closed: false, intervals: [{ opens: '15:00', closes: '10:00' }] },
        'intervals.0.closes',
      ],
      [
        'a malformed time',
        '2026-06-08',
        { closed: false, intervals: [{ opens: '9', closes: '10:00' }] },
        'intervals.0.opens',
      ],
      ['a wrong type', '2026-06-08', { closed: 'yes' }, 'closed'],
      ['an unknown field', '2026-06-08', { closed: true, allDay: true }, 'allDay'],
      ['a reason that is too long', '2026-06-08', { closed: true, reason: 'x'.repeat(201) }, 'reason'],
    ];

    it.each(invalid)('should refuse %s with 400 and write nothing', async (_, date, body, field) => {
      const office = await factory.office();
      const before = await countRows(t.db, 'office_exception');
      const res = await t.request('PUT', `/offices/${office.id}/exceptions/${date}`, { token: admin, body });
      expect(res.status).toBe(400);
      expect(res.body.details).toHaveProperty([field]);
      expect(await countRows(t.db, 'office_exception')).toBe(before);
    });

    it('should refuse a reversed range when listing exceptions', async () => {
      const office = await factory.office();
      const res = await t.request('GET', `/offices/${office.id}/exceptions?from=2026-06-30&to=2026-06-01`);
      expect(res.status).toBe(400);
      expect(res.body.details).toHaveProperty(['to']);
    });
  });

  describe('calendar', () => {
    const hours = (officeId: string, from: string, to: string) =>
      t.request('GET', `/offices/${officeId}/opening-hours?from=${from}&to=${to}`);

    it('should list weekly hours per local date as UTC instants and local times', async () => {
      const office = await factory.office();
      const res = await hours(office.id, '2026-06-08', '2026-06-14');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ officeId: office.id, timeZone: 'Europe/Stockholm', from: '2026-06-08' });
      expect(res.body.days).toHaveLength(7);
      expect(res.body.days[0]).toEqual({
        date: '2026-06-08',
        weekday: 1,
        source: 'weekly',
        reason: null,
        holiday: null,
        closed: false,
        intervals: [
          { start: '2026-06-08T07:00:00.000Z', end: '2026-06-08T14:00:00.000Z', opens: '09:00', closes: '16:00' },
        ],
      });
      expect(res.body.days[6]).toMatchObject({ date: '2026-06-14', weekday: 7, closed: true, intervals: [] });
    });

    it('should show Christmas Day as closed, and open it when an exception says so', async () => {
      const office = await factory.office();
      const before = await hours(office.id, '2026-12-24', '2026-12-25');
      expect(before.body.days.map((d: { source: string; closed: boolean }) => [d.source, d.closed])).toEqual([
        ['holiday', true],
        ['holiday', true],
      ]);
      expect(before.body.days[1].reason).toMatch(/juldagen/i);
      expect(before.body.days[1].holiday).toBe(before.body.days[1].reason);

      await t.request('PUT', `/offices/${office.id}/exceptions/2026-12-25`, {
        token: admin,
        body: { closed: false, intervals: [{ opens: '10:00', closes: '14:00' }], reason: 'Open for the holidays' },
      });
      const after = await hours(office.id, '2026-12-25', '2026-12-25');
      expect(after.body.days).toEqual([
        {
          date: '2026-12-25',
          weekday: 5,
          source: 'exception',
          reason: 'Open for the holidays',
          holiday: expect.stringMatching(/juldagen/i),
          closed: false,
          intervals: [
            { start: '2026-12-25T09:00:00.000Z', end: '2026-12-25T13:00:00.000Z', opens: '10:00', closes: '14:00' },
          ],
        },
      ]);
    });

    it('should keep an office open on holidays when it is not closedOnPublicHolidays', async () => {
      const office = await factory.office();
      await t.request('PATCH', `/offices/${office.id}`, { token: admin, body: { closedOnPublicHolidays: false } });
      const res = await hours(office.id, '2026-12-25', '2026-12-25');
      expect(res.body.days[0]).toMatchObject({ source: 'weekly', closed: false, holiday: expect.any(String) });
    });

    it('should take 24:00 as a closing time, for an office open around the clock, and show it so', async () => {
      const office = await factory.office();
      const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' }));
      const patched = await t.request('PATCH', `/offices/${office.id}`, {
        token: admin,
        body: { weeklyHours: allDay },
      });
      expect(patched.status).toBe(200);
      const res = await hours(office.id, '2026-10-24', '2026-10-25');
      expect(res.body.days.map((d: { intervals: unknown[] }) => d.intervals)).toEqual([
        [{ start: '2026-10-23T22:00:00.000Z', end: '2026-10-24T22:00:00.000Z', opens: '00:00', closes: '24:00' }],
        // The autumn Sunday has 25 hours.
        [{ start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z', opens: '00:00', closes: '24:00' }],
      ]);
      const refused = await t.request('PATCH', `/offices/${office.id}`, {
        token: admin,
        body: { weeklyHours: [{ weekday: 1, opens: '24:00', closes: '24:00' }] },
      });
      expect(refused.status).toBe(400);
    });

    it('should place Sunday hours at the right UTC instants across both DST changes', async () => {
      const office = await factory.office({ weeklyHours: [{ weekday: 7, opens: '10:00', closes: '14:00' }] });
      const sundays = async (from: string, to: string) =>
        (await hours(office.id, from, to)).body.days
          .filter((d: { weekday: number }) => d.weekday === 7)
          .map((d: { date: string; intervals: { start: string; end: string; opens: string }[] }) => [
            d.date,
            d.intervals[0].start,
            d.intervals[0].end,
            d.intervals[0].opens,
          ]);
      expect(await sundays('2026-03-22', '2026-03-29')).toEqual([
        ['2026-03-22', '2026-03-22T09:00:00.000Z', '2026-03-22T13:00:00.000Z', '10:00'],
        ['2026-03-29', '2026-03-29T08:00:00.000Z', '2026-03-29T12:00:00.000Z', '10:00'],
      ]);
      expect(await sundays('2026-10-18', '2026-10-25')).toEqual([
        ['2026-10-18', '2026-10-18T08:00:00.000Z', '2026-10-18T12:00:00.000Z', '10:00'],
        ['2026-10-25', '2026-10-25T09:00:00.000Z', '2026-10-25T13:00:00.000Z', '10:00'],
      ]);
    });

    it('should read the hours in the office’s own time zone', async () => {
      const office = await factory.office();
      await t.request('PATCH', `/offices/${office.id}`, { token: admin, body: { timeZone: 'Europe/Helsinki' } });
      const res = await hours(office.id, '2026-06-08', '2026-06-08');
      expect(res.body.days[0].intervals[0]).toMatchObject({ start: '2026-06-08T06:00:00.000Z', opens: '09:00' });
    });

    it('should accept up to 62 days and refuse longer, reversed or malformed ranges', async () => {
      const office = await factory.office();
      const ok = await hours(office.id, '2026-01-01', '2026-03-03');
      expect(ok.status).toBe(200);
      expect(ok.body.days).toHaveLength(62);
      const cases: [string, string][] = [
        ['from=2026-01-01&to=2026-03-04', 'to'],
        ['from=2026-03-01&to=2026-02-28', 'to'],
        ['from=2026-13-01&to=2026-12-31', 'from'],
        ['to=2026-01-31', 'from'],
      ];
      for (const [query, field] of cases) {
        const res = await t.request('GET', `/offices/${office.id}/opening-hours?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body.details).toHaveProperty([field]);
      }
      const missing = await hours('6f1d1c4e-0000-4000-8000-000000000000', '2026-01-01', '2026-01-02');
      expect(missing.status).toBe(404);
    });
  });
});
