import { STATISTICS_COLUMNS, type StatisticsRow, type StatisticsView } from '@distans/contracts';
import { login } from '../support/factories';
import { percentileCont, seedStatisticsWorld, type StatisticsWorld, type VisitSpec } from '../support/statistics-world';
import { createTestApp, TestApp, unique } from '../support/test-app';

const RANGE = 'from=2026-03&to=2026-04';

function monthOf(v: VisitSpec): string {
  return v.start.slice(0, 7);
}

function minutesBetween(a: number, b: number): number {
  return Math.max(0, b - a);
}

/** The bookings figure of a set of visits, counted here rather than in SQL. */
function expectedBookings(visits: VisitSpec[]): Record<string, number> {
  const count = (p: (v: VisitSpec) => boolean) => visits.filter(p).length;
  return {
    online: count((v) => v.via === 'PUBLIC'),
    desk: count((v) => v.via === 'OFFICE_STAFF'),
    completed: count((v) => v.status === 'COMPLETED'),
    cancelledByVisitor: count((v) => v.cancelledBy === 'CITIZEN'),
    cancelledByOffice: count((v) => v.cancelledBy === 'OFFICE_STAFF'),
    cancelledByAgency: count((v) => v.cancelledBy === 'HANDLER'),
    cancelledBySystem: count((v) => v.cancelledBy === 'SYSTEM'),
    noShows: count((v) => v.status === 'NO_SHOW'),
    handlerMissed: count((v) => v.status === 'HANDLER_MISSED'),
    releasedRooms: count((v) => v.status === 'NO_SHOW' || v.status === 'HANDLER_MISSED'),
  };
}

describe('Statistics', () => {
  let t: TestApp;
  let world: StatisticsWorld;
  let adminToken: string;

  const get = async (path: string, token = adminToken): Promise<StatisticsView> => {
    const res = await t.request('GET', path, { token });
    expect(res.status).toBe(200);
    return res.body as StatisticsView;
  };
  const cell = (view: StatisticsView, month: string, groupId: string, category: string | null = null) =>
    view.rows.find((r) => r.month === month && r.group?.id === groupId && r.category === category);
  const visitsOf = (office: 'A' | 'B', agency: 'X' | 'Y' | null, month: string) =>
    world.visits.filter((v) => v.office === office && (agency === null || v.agency === agency) && monthOf(v) === month);

  beforeAll(async () => {
    t = await createTestApp({ STATS_MIN_CELL: '5', MEDIA_ENABLED: 'false' });
    world = await seedStatisticsWorld(t.db, unique('stats'));
    adminToken = await login(t, world.admin);
  });
  afterAll(() => t.close());

  it('should count bookings per office and month as the visits say, and suppress the small office', async () => {
    const view = await get(`/statistics/bookings?${RANGE}&by=office`);
    expect(view.minCell).toBe(5);
    expect(view.columns).toEqual(STATISTICS_COLUMNS.bookings);
    for (const month of ['2026-03', '2026-04']) {
      const visits = visitsOf('A', null, month);
      expect(cell(view, month, world.offices.A.id)).toMatchObject({
        n: visits.length,
        suppressed: false,
        values: expectedBookings(visits),
      });
    }
    // Three visits at office B in March: nothing but that the cell exists.
    const small = cell(view, '2026-03', world.offices.B.id)!;
    expect(small).toMatchObject({ n: null, suppressed: true });
    expect(Object.values(small.values).every((value) => value === null)).toBe(true);
  });

  it('should count per agency, per region and per case type alike', async () => {
    const byAgency = await get(`/statistics/bookings?${RANGE}&by=agency&officeId=${world.offices.A.id}`);
    const marchX = visitsOf('A', 'X', '2026-03');
    expect(cell(byAgency, '2026-03', world.agencies.X.id)).toMatchObject({
      n: marchX.length,
      values: expectedBookings(marchX),
    });
    expect(cell(byAgency, '2026-03', world.agencies.X.id)!.group!.nameSv).toBeTruthy();

    const byRegion = await get(`/statistics/bookings?${RANGE}&by=region&regionId=${world.offices.A.regionId}`);
    expect(byRegion.rows.map((r) => r.group!.id)).toEqual([world.offices.A.regionId, world.offices.A.regionId]);
    const byCaseType = await get(`/statistics/bookings?${RANGE}&by=caseType&caseTypeId=${world.agencies.Y.caseTypeId}`);
    const aprilY = visitsOf('A', 'Y', '2026-04');
    expect(cell(byCaseType, '2026-04', world.agencies.Y.caseTypeId)).toMatchObject({
      n: aprilY.length,
      values: expectedBookings(aprilY),
    });
  });

  it('should give the wait from check-in to the handler and the handler lateness as median and 90th percentile', async () => {
    const view = await get(`/statistics/waiting?${RANGE}&by=office&agencyId=${world.agencies.X.id}`);
    const measured = visitsOf('A', 'X', '2026-03').filter((v) => v.handlerJoin !== undefined);
    // Four measured visits: fewer than five, so the cell is suppressed at the default.
    expect(measured).toHaveLength(4);
    expect(cell(view, '2026-03', world.offices.A.id)).toMatchObject({ suppressed: true, n: null });

    const lenient = await createTestApp({ STATS_MIN_CELL: '2', MEDIA_ENABLED: 'false' });
    try {
      const res = await lenient.request(
        'GET',
        `/statistics/waiting?${RANGE}&by=office&agencyId=${world.agencies.X.id}`,
        {
          token: await login(lenient, world.admin),
        },
      );
      const waits = measured.map((v) => minutesBetween(v.checkIn!, v.handlerJoin!));
      const lates = measured.map((v) => minutesBetween(0, v.handlerJoin!));
      expect(cell(res.body, '2026-03', world.offices.A.id)).toMatchObject({
        n: 4,
        values: {
          waitMedianMin: percentileCont(waits, 0.5),
          waitP90Min: percentileCont(waits, 0.9),
          handlerLate: lates.filter((late) => late > 1).length,
          lateMedianMin: percentileCont(lates, 0.5),
          lateP90Min: percentileCont(lates, 0.9),
        },
      });
    } finally {
      await lenient.close();
    }
  });

  it('should give meeting lengths, reconnects and meetings that ended on an error', async () => {
    const lenient = await createTestApp({ STATS_MIN_CELL: '3', MEDIA_ENABLED: 'false' });
    try {
      const token = await login(lenient, world.admin);
      const res = await lenient.request(
        'GET',
        `/statistics/sessions?${RANGE}&by=agency&officeId=${world.offices.A.id}`,
        { token },
      );
      for (const [agency, month] of [
        ['X', '2026-03'],
        ['Y', '2026-04'],
      ] as const) {
        const meetings = visitsOf('A', agency, month).filter((v) => v.length !== undefined);
        expect(cell(res.body, month, world.agencies[agency].id)).toMatchObject({
          n: meetings.length,
          values: {
            lengthMedianMin: percentileCont(
              meetings.map((v) => v.length!),
              0.5,
            ),
            lengthP90Min: percentileCont(
              meetings.map((v) => v.length!),
              0.9,
            ),
            rejoins: meetings.reduce((sum, v) => sum + (v.rejoins ?? 0), 0),
            endedOnError: meetings.filter((v) => v.lastLeave === 'DROPPED' || v.lastLeave === 'WORKER_LOST').length,
          },
        });
      }
    } finally {
      await lenient.close();
    }
  });

  it('should count interpreter use per language', async () => {
    const lenient = await createTestApp({ STATS_MIN_CELL: '1', MEDIA_ENABLED: 'false' });
    try {
      const res = await lenient.request(
        'GET',
        `/statistics/interpreters?${RANGE}&by=office&officeId=${world.offices.A.id}`,
        {
          token: await login(lenient, world.admin),
        },
      );
      const rows = res.body.rows as StatisticsRow[];
      const expected = ['ar', 'so'].map((language) => {
        const visits = world.visits.filter((v) => v.office === 'A' && v.interpreter === language);
        return {
          month: monthOf(visits[0]),
          category: language,
          n: visits.length,
          values: { booked: visits.length, completed: visits.filter((v) => v.status === 'COMPLETED').length },
        };
      });
      expect(rows.map(({ month, category, n, values }) => ({ month, category, n, values }))).toEqual(expected);
    } finally {
      await lenient.close();
    }
  });

  it('should show satisfaction from the survey answers, suppressed below the smallest cell', async () => {
    const answers = [5, 4, 4, 2, 5, 3];
    for (const [i, satisfaction] of answers.entries()) {
      await t.db.query(
        `INSERT INTO survey_answer (office_id, agency_id, case_type_id, month, satisfaction, got_help, treated_well)
         VALUES ($1, $2, $3, '2026-03-01', $4, $5, true)`,
        [world.offices.A.id, world.agencies.X.id, world.agencies.X.caseTypeId, satisfaction, i % 3 !== 0],
      );
    }
    await t.db.query(
      `INSERT INTO survey_answer (office_id, agency_id, case_type_id, month, satisfaction) VALUES ($1, $2, $3, '2026-03-01', 1)`,
      [world.offices.B.id, world.agencies.Y.id, world.agencies.Y.caseTypeId],
    );
    const view = await get(`/statistics/satisfaction?${RANGE}&by=office`);
    const mean = answers.reduce((a, b) => a + b, 0) / answers.length;
    expect(cell(view, '2026-03', world.offices.A.id)).toMatchObject({
      n: 6,
      values: {
        satisfactionMean: Math.round(mean * 100) / 100,
        satisfiedShare: Math.round((answers.filter((a) => a >= 4).length / 6) * 1000) / 1000,
        gotHelpShare: Math.round((4 / 6) * 1000) / 1000,
        treatedWellShare: 1,
      },
    });
    expect(cell(view, '2026-03', world.offices.B.id)).toMatchObject({ suppressed: true, n: null });
  });

  it('should show a handler their own agency only, and record a look at another as out of scope', async () => {
    const token = await login(t, world.agencies.X.handler);
    const view = await get(`/statistics/bookings?${RANGE}&by=agency`, token);
    expect(view.rows.map((r) => r.group!.id)).toEqual([world.agencies.X.id]);
    const before = await securityEvents('OUT_OF_SCOPE', world.agencies.X.handler.id);
    const refused = await t.request('GET', `/statistics/bookings?${RANGE}&agencyId=${world.agencies.Y.id}`, { token });
    expect(refused.status).toBe(404);
    await waitFor(async () => (await securityEvents('OUT_OF_SCOPE', world.agencies.X.handler.id)) === before + 1);
  });

  it('should show office staff their own offices only', async () => {
    const token = await login(t, world.staffA);
    const view = await get(`/statistics/bookings?${RANGE}&by=office`, token);
    expect(new Set(view.rows.map((r) => r.group!.id))).toEqual(new Set([world.offices.A.id]));
    const refused = await t.request('GET', `/statistics/bookings?${RANGE}&officeId=${world.offices.B.id}`, { token });
    expect(refused.status).toBe(404);
    await waitFor(async () => (await securityEvents('OUT_OF_SCOPE', world.staffA.id)) === 1);
    // Security events are for administrators.
    expect((await t.request('GET', `/statistics/security?${RANGE}`, { token })).status).toBe(403);
  });

  it('should export each figure as CSV with the same rows and values as the JSON', async () => {
    for (const figure of ['bookings', 'waiting', 'sessions', 'interpreters', 'satisfaction'] as const) {
      const query = `${RANGE}&by=office&officeId=${world.offices.A.id}`;
      const json = await get(`/statistics/${figure}?${query}`);
      const res = await t.request('GET', `/statistics/${figure}/export?${query}`, { token: adminToken });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const [header, ...lines] = String(res.body)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(header.split(',')).toEqual([
        'month',
        'groupId',
        'groupNameSv',
        'groupNameEn',
        'category',
        'n',
        'suppressed',
        ...json.columns,
      ]);
      expect(lines).toHaveLength(json.rows.length);
      lines.forEach((line, i) => {
        const cells = line.split(',');
        const row = json.rows[i];
        expect(cells.slice(0, 7)).toEqual([
          row.month,
          row.group?.id ?? '',
          row.group?.nameSv ?? '',
          row.group?.nameEn ?? '',
          row.category ?? '',
          row.n === null ? '' : String(row.n),
          String(row.suppressed),
        ]);
        expect(cells.slice(7)).toEqual(json.columns.map((c) => (row.values[c] === null ? '' : String(row.values[c]))));
      });
    }
  });

  it('should count security events as they happen: a forged token and a revoked screen', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const read = async () => {
      const view = await get(`/statistics/security?from=${month}&to=${month}`);
      return Object.fromEntries(view.rows.map((r) => [r.category, r.n]));
    };
    const before = await read();
    const forged = await t.request('GET', '/me', { token: `${adminToken.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
    const [device] = await t.db.query(
      `SELECT id FROM room_device WHERE room_id = (SELECT id FROM room WHERE office_id = $1 LIMIT 1)`,
      [world.offices.A.id],
    );
    expect((await t.request('DELETE', `/devices/${device.id}`, { token: adminToken })).status).toBeLessThan(300);
    await waitFor(async () => {
      const after = await read();
      return (
        (after.TOKEN_FORGED ?? 0) === (before.TOKEN_FORGED ?? 0) + 1 &&
        (after.DEVICE_REVOKED ?? 0) === (before.DEVICE_REVOKED ?? 0) + 1
      );
    });
    const rows = await t.db.query(`SELECT * FROM security_event WHERE kind = 'DEVICE_REVOKED' AND actor_id = $1`, [
      world.admin.id,
    ]);
    expect(rows[0]).toMatchObject({ actor_role: 'ADMIN', office_id: world.offices.A.id });
  });

  it('should refuse a span that runs backwards or is too long, and an unknown figure', async () => {
    const backwards = await t.request('GET', '/statistics/bookings?from=2026-05&to=2026-04', { token: adminToken });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details).toHaveProperty('from');
    expect((await t.request('GET', '/statistics/bookings?from=2020-01&to=2026-04', { token: adminToken })).status).toBe(
      400,
    );
    expect((await t.request('GET', '/statistics/bookings?from=2026-13', { token: adminToken })).status).toBe(400);
    expect((await t.request('GET', '/statistics/visitors', { token: adminToken })).status).toBe(400);
  });

  async function securityEvents(kind: string, actorId: string): Promise<number> {
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM security_event WHERE kind = $1 AND actor_id = $2`, [
      kind,
      actorId,
    ]);
    return row.n;
  }
});

/** Security events from refusals are written beside the answer, not before it. */
async function waitFor(condition: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
