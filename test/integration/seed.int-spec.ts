import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import { APP_CONFIG } from '../../apps/api/src/config/config.tokens';
import { OFFICES, COURT_PREMISES } from '../../apps/api/src/seed/data/offices';
import { DEMO_CASE_TYPE, DEMO_HANDLER, DEMO_OFFICE, DEMO_STAFF } from '../../apps/api/src/seed/data/demo-office';
import { seedDemoData } from '../../apps/api/src/seed/seeder';
import { addDays, localDateOf, wallClockToInstant } from '@distans/scheduling';
import { nextDstSunday } from '../support/booking-fixture';
import { fixClock, realClock } from '../support/clock';
import { createTestApp, TestApp } from '../support/test-app';

const DEMO_USERS = `(email = 'admin@demo.distans.se' OR email LIKE '%.demo.distans.se')`;
const OFFICE_NAMES = OFFICES.map((o) => o.name);

/**
 * Other test files share this database with their own uniquely named rows, so every count here
 * is restricted to the demo data (demo e-mail domain, the seeded office names and agency codes).
 */
describe(seedDemoData.name, () => {
  let t: TestApp;
  let config: AppConfig;
  let dataDir: string;
  const savedPassword = process.env.DEMO_PASSWORD;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'distans-seed-'));
    delete process.env.DEMO_PASSWORD;
    t = await createTestApp({ DATA_DIR: dataDir });
    config = t.app.get<AppConfig>(APP_CONFIG);
  });
  afterAll(async () => {
    if (savedPassword === undefined) delete process.env.DEMO_PASSWORD;
    else process.env.DEMO_PASSWORD = savedPassword;
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Everything the seed writes, so that a second run can be shown to add and change nothing. */
  async function fingerprint(): Promise<Record<string, string>> {
    const [row] = await t.db.query(
      `SELECT
         (SELECT md5(string_agg(r::text, '|' ORDER BY r.code)) FROM region r) AS regions,
         (SELECT md5(string_agg(c::text, '|' ORDER BY c.code)) FROM county c) AS counties,
         (SELECT md5(string_agg(o::text, '|' ORDER BY o.name)) FROM office o WHERE o.name = ANY($1)) AS offices,
         (SELECT md5(string_agg(r::text, '|' ORDER BY r.id)) FROM room r JOIN office o ON o.id = r.office_id
           WHERE o.name = ANY($1)) AS rooms,
         (SELECT md5(string_agg(ct::text, '|' ORDER BY ct.id)) FROM case_type ct JOIN agency a ON a.id = ct.agency_id
           WHERE a.code = ANY($2)) AS case_types,
         (SELECT md5(string_agg(u::text, '|' ORDER BY u.email)) FROM app_user u WHERE ${DEMO_USERS}) AS users,
         (SELECT md5(string_agg(h::text, '|' ORDER BY h.user_id, h.case_type_id)) FROM handler_case_type h
           JOIN app_user u ON u.id = h.user_id WHERE ${DEMO_USERS}) AS handler_case_types,
         (SELECT md5(string_agg(s::text, '|' ORDER BY s.user_id, s.office_id)) FROM staff_office s
           JOIN app_user u ON u.id = s.user_id WHERE ${DEMO_USERS}) AS staff_offices,
         (SELECT md5(string_agg(a::text, '|' ORDER BY a.id)) FROM user_absence a
           JOIN app_user u ON u.id = a.user_id WHERE ${DEMO_USERS}) AS absences,
         (SELECT count(*)::text FROM audit_log WHERE action = 'demo-data.seed') AS seed_audits`,
      [OFFICE_NAMES, ['SKV', 'FK', 'PM', 'AF', 'MV', 'KFM', 'DV']],
    );
    return row;
  }

  let firstBlock = '';
  let password = '';
  const firstLog: string[] = [];

  it('should create the demo organisation, people and a persisted password on the first run', async () => {
    firstBlock = await seedDemoData(t.db, config, (line) => firstLog.push(line));
    expect(firstLog.join('\n')).toMatch(/Demo data added in [\d.]+ s: 6 regions, 21 counties, \d+ offices/);

    password = /Password \(every demo user\): (\S+)/.exec(firstBlock)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    const file = join(dataDir, 'demo-credentials.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).password).toBe(password);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    for (const email of ['admin@demo.distans.se', 'anna.lindqvist@skatteverket.demo.distans.se']) {
      expect(firstBlock).toContain(email);
    }
    expect(firstBlock).toMatch(
      /Office staff\s+maja\.eklund@servicekontor\.demo\.distans\.se\s+Kungsholmen, Stockholm City/,
    );
    expect(firstBlock).toMatch(/Interpreter\s+rania\.saleh@tolk\.demo\.distans\.se\s+ar/);
    expect(firstBlock).not.toMatch(/does not accept/);
  });

  it('should seed every office with one to three visiting rooms, plus the court rooms', async () => {
    const offices: { name: string; region_ok: boolean; visiting: number; court: number }[] = await t.db.query(
      `SELECT o.name, o.region_id = c.region_id AS region_ok,
              count(*) FILTER (WHERE r.name LIKE 'Besöksrum %')::int AS visiting,
              count(*) FILTER (WHERE r.name = 'Videolänkrum')::int AS court
         FROM office o JOIN county c ON c.id = o.county_id LEFT JOIN room r ON r.office_id = o.id
        WHERE o.name = ANY($1) GROUP BY o.name, o.region_id, c.region_id`,
      [OFFICE_NAMES],
    );
    expect(offices.length).toBeGreaterThanOrEqual(125);
    for (const office of offices) {
      expect(office.region_ok).toBe(true);
      expect(office.visiting).toBeGreaterThanOrEqual(1);
      expect(office.visiting).toBeLessThanOrEqual(3);
      expect(office.court).toBe(COURT_PREMISES.has(office.name) ? 1 : 0);
    }
    const [{ n }] = await t.db.query(
      `SELECT count(DISTINCT c.code)::int AS n FROM county c JOIN office o ON o.county_id = c.id WHERE o.name = ANY($1)`,
      [OFFICE_NAMES],
    );
    expect(n).toBe(21);
  });

  it('should seed seven agencies whose handlers each handle case types of their own agency', async () => {
    const agencies: { code: string; case_types: number }[] = await t.db.query(
      `SELECT a.code, count(ct.id)::int AS case_types FROM agency a JOIN case_type ct ON ct.agency_id = a.id
        WHERE a.code = ANY($1) GROUP BY a.code`,
      [['SKV', 'FK', 'PM', 'AF', 'MV', 'KFM', 'DV']],
    );
    expect(agencies).toHaveLength(7);
    expect(agencies.every((a) => a.case_types >= 1)).toBe(true);

    const handlers: { email: string; own: number; foreign: number; hours: number }[] = await t.db.query(
      `SELECT u.email, jsonb_array_length(u.weekly_hours) AS hours,
              count(ct.id) FILTER (WHERE ct.agency_id = u.agency_id)::int AS own,
              count(ct.id) FILTER (WHERE ct.agency_id <> u.agency_id)::int AS foreign
         FROM app_user u
         LEFT JOIN handler_case_type h ON h.user_id = u.id
         LEFT JOIN case_type ct ON ct.id = h.case_type_id
        WHERE u.role = 'HANDLER' AND ${DEMO_USERS} GROUP BY u.id`,
    );
    expect(handlers.length).toBeGreaterThanOrEqual(60);
    for (const handler of handlers) {
      expect(handler.own).toBeGreaterThanOrEqual(1);
      expect(handler.foreign).toBe(0);
      expect(handler.hours).toBeGreaterThan(0);
    }

    const roles: { role: string; n: number }[] = await t.db.query(
      `SELECT role, count(*)::int AS n FROM app_user WHERE ${DEMO_USERS} GROUP BY role`,
    );
    const count = (role: string): number => roles.find((r) => r.role === role)?.n ?? 0;
    expect(count('ADMIN')).toBe(1);
    expect(count('INTERPRETER')).toBeGreaterThanOrEqual(6);
    expect(count('OFFICE_STAFF')).toBeGreaterThanOrEqual(6);
    const [{ served }] = await t.db.query(
      `SELECT count(DISTINCT s.office_id)::int AS served FROM staff_office s JOIN app_user u ON u.id = s.user_id
        WHERE ${DEMO_USERS}`,
    );
    expect(served).toBeGreaterThanOrEqual(10);
  });

  it('should add and change nothing on a second run, and print the same credentials', async () => {
    const before = await fingerprint();
    const log: string[] = [];
    const again = await seedDemoData(t.db, config, (line) => log.push(line));
    expect(await fingerprint()).toEqual(before);
    expect(log.join('\n')).toMatch(/already in place: nothing added/);
    expect(again).toBe(firstBlock);
  });

  it('should let the demo users log in with the printed password', async () => {
    for (const email of ['admin@demo.distans.se', 'anna.lindqvist@skatteverket.demo.distans.se']) {
      const res = await t.request('POST', '/auth/login', { body: { email, password } });
      expect(res.status).toBe(200);
      const me = await t.request('GET', '/me', { token: res.body.accessToken });
      expect(me.body.email).toBe(email);
    }
  });

  describe('the demo office open around the clock', () => {
    const get = async (url: string, token?: string) => (await t.request('GET', url, { token })).body;
    const demo = async () => {
      const [row] = await t.db.query(
        `SELECT o.id AS office, ct.id AS case_type FROM office o, case_type ct WHERE o.name = $1 AND ct.code = $2`,
        [DEMO_OFFICE.name, DEMO_CASE_TYPE.code],
      );
      return { officeId: row.office as string, caseTypeId: row.case_type as string };
    };
    const firstSlot = async (date: string) => {
      const { officeId, caseTypeId } = await demo();
      const view = await get(`/availability?caseType=${caseTypeId}&office=${officeId}&from=${date}&to=${date}`);
      return view.offices[0].days[0].slots[0] as { start: string; local: string; offset: string };
    };
    const loginDemo = async (email: string) =>
      (await t.request('POST', '/auth/login', { body: { email, password } })).body.accessToken as string;
    afterEach(realClock);

    it('should be printed with the credentials', () => {
      expect(firstBlock).toContain(
        `Office         ${DEMO_OFFICE.name}, ${DEMO_OFFICE.roomName}: open around the clock`,
      );
      expect(firstBlock).toContain(`Handler        ${DEMO_HANDLER.email}`);
      expect(firstBlock).toContain(`Office staff   ${DEMO_STAFF.email}`);
    });

    it('should take a meeting at 23:40 for 23:45, check the visitor in and let the handler join at once', async () => {
      const date = addDays(localDateOf(Date.now(), 'Europe/Stockholm'), 3);
      fixClock(wallClockToInstant(date, 23 * 60 + 40, 'Europe/Stockholm'));
      const slot = await firstSlot(date);
      expect(slot.local).toBe('23:45');
      const { officeId, caseTypeId } = await demo();
      const booked = await t.request('POST', '/bookings', {
        body: { caseTypeId, officeId, start: slot.start, citizen: { name: 'Nattbesökare' } },
      });
      expect([booked.status, booked.body.message]).toEqual([201, undefined]);
      expect(booked.body.local).toMatchObject({ date, start: '23:45', end: '00:00' });
      const checkedIn = await t.request('POST', `/bookings/${booked.body.id}/check-in`, {
        token: await loginDemo(DEMO_STAFF.email),
        body: { idCheckMethod: 'ID_CARD' },
      });
      expect(checkedIn.status).toBe(200);
      const ticket = await t.request('POST', `/bookings/${booked.body.id}/session-ticket`, {
        token: await loginDemo(DEMO_HANDLER.email),
      });
      expect(ticket.status).toBe(201);
    });

    it('should stay open through both daylight-saving nights, offering the next time that exists', async () => {
      const autumn = nextDstSunday(10);
      fixClock(`${addDays(autumn, -1)}T23:50:00Z`); // 01:50 CEST
      expect(await firstSlot(autumn)).toMatchObject({ local: '02:00', offset: '+02:00' });
      fixClock(`${autumn}T01:10:00Z`); // 02:10 CET, the second time round: 02:xx is offered once, at CEST
      expect(await firstSlot(autumn)).toMatchObject({ local: '03:00', offset: '+01:00' });
      const spring = nextDstSunday(3);
      fixClock(`${spring}T00:50:00Z`); // 01:50 CET; 02:00-02:59 does not exist
      expect(await firstSlot(spring)).toMatchObject({ local: '03:00', offset: '+02:00' });
    });
  });

  it('should warn instead of printing a password that does not work', async () => {
    process.env.DEMO_PASSWORD = 'not-the-password-the-users-have';
    try {
      const block = await seedDemoData(t.db, config, () => undefined);
      expect(block).toContain('not-the-password-the-users-have');
      expect(block).toMatch(/does not accept this password/);
    } finally {
      delete process.env.DEMO_PASSWORD;
    }
  });

  it('should refuse a short DEMO_PASSWORD and production', async () => {
    process.env.DEMO_PASSWORD = 'short';
    try {
      await expect(seedDemoData(t.db, config, () => undefined)).rejects.toThrow(/DEMO_PASSWORD must be at least 12/);
    } finally {
      delete process.env.DEMO_PASSWORD;
    }
    const production = Object.assign(Object.create(Object.getPrototypeOf(config)), config, { NODE_ENV: 'production' });
    await expect(seedDemoData(t.db, production, () => undefined)).rejects.toThrow(/production/);
  });
});
