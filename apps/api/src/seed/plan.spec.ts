import { LANGUAGES, ROOM_EQUIPMENT } from '@distans/contracts';
import { findWeeklyHoursProblems } from '@distans/scheduling';
import { AGENCIES } from './data/agencies';
import { COURT_PREMISES, COURT_ROOM_NAME } from './data/offices';
import { buildDemoPlan, emailLocalPart } from './plan';

const NOW = new Date('2026-03-20T10:00:00Z');

describe(buildDemoPlan.name, () => {
  const plan = buildDemoPlan(NOW);

  it('should be the same on every install', () => {
    expect(buildDemoPlan(NOW)).toEqual(plan);
  });

  it('should place every office of the brief in a known county, once', () => {
    expect(plan.offices.length).toBeGreaterThanOrEqual(130);
    expect(new Set(plan.offices.map((o) => o.name)).size).toBe(plan.offices.length);
    const counties = new Set(plan.counties.map((c) => c.code));
    expect(plan.offices.every((o) => counties.has(o.county))).toBe(true);
    expect(new Set(plan.offices.map((o) => o.county))).toEqual(counties);
    const byName = new Map(plan.offices.map((o) => [o.name, o]));
    expect(byName.get('Laholm')?.county).toBe('halland');
    expect(byName.get('Sölvesborg')?.county).toBe('blekinge');
    expect(byName.get('Kista')?.municipality).toBe('Stockholm');
    expect(byName.get('Hallunda')?.municipality).toBe('Botkyrka');
    expect(byName.get('Sveg')?.municipality).toBe('Härjedalen');
  });

  it('should use codes the schema accepts and put every region to use', () => {
    for (const { code } of [...plan.regions, ...plan.counties]) expect(code).toMatch(/^[a-z0-9-]{2,40}$/);
    expect(plan.regions).toHaveLength(6);
    expect(plan.counties).toHaveLength(21);
    expect(new Set(plan.counties.map((c) => c.region))).toEqual(new Set(plan.regions.map((r) => r.code)));
  });

  it('should give offices valid opening hours that fit their size', () => {
    for (const office of plan.offices) {
      expect(office.weekly_hours.length).toBeGreaterThan(0);
      expect(findWeeklyHoursProblems(office.weekly_hours)).toEqual([]);
      const days = new Set(office.weekly_hours.map((h) => h.weekday)).size;
      if (office.office_type === 'flex') expect(days).toBe(1);
      if (office.office_type === 'large') expect(days).toBe(5);
    }
  });

  it('should give each office one to three visiting rooms, and court premises a video-link room', () => {
    for (const office of plan.offices) {
      const rooms = plan.rooms.filter((r) => r.office === office.name);
      const visiting = rooms.filter((r) => r.name.startsWith('Besöksrum '));
      expect(visiting.length).toBeGreaterThanOrEqual(1);
      expect(visiting.length).toBeLessThanOrEqual(3);
      expect(rooms.some((r) => r.name === COURT_ROOM_NAME)).toBe(COURT_PREMISES.has(office.name));
    }
    expect(plan.rooms.length).toBeGreaterThan(250);
    for (const room of plan.rooms) {
      expect(room.capacity).toBeGreaterThanOrEqual(2);
      expect(room.capacity).toBeLessThanOrEqual(4);
      expect(room.equipment.every((e) => (ROOM_EQUIPMENT as readonly string[]).includes(e))).toBe(true);
      expect(room.equipment).toEqual(expect.arrayContaining(['video-screen', 'camera']));
    }
    expect(plan.rooms.filter((r) => r.step_free).length / plan.rooms.length).toBeGreaterThan(0.85);
  });

  it('should keep case types within sensible booking rules', () => {
    expect(plan.agencies.map((a) => a.code).sort()).toEqual(AGENCIES.map((a) => a.code).sort());
    const keys = plan.caseTypes.map((c) => `${c.agency}/${c.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    // The demo office's trial meeting is the one deliberate exception: no notice, no buffer.
    for (const c of plan.caseTypes.filter((type) => type.code !== plan.demo.caseTypeCode)) {
      expect(c.code).toMatch(/^[a-z0-9-]{2,60}$/);
      expect(c.durationMin % 5).toBe(0);
      expect(c.durationMin).toBeGreaterThanOrEqual(15);
      expect(c.durationMin).toBeLessThanOrEqual(90);
      expect(c.bufferAfterMin).toBeGreaterThanOrEqual(5);
      expect(c.bufferAfterMin).toBeLessThanOrEqual(15);
      expect(c.minNoticeMin).toBeGreaterThanOrEqual(120);
      expect(c.minNoticeMin).toBeLessThanOrEqual(1440);
      expect(c.maxDaysAhead).toBeGreaterThanOrEqual(30);
      expect(c.maxDaysAhead).toBeLessThanOrEqual(90);
    }
    for (const agency of AGENCIES) expect(plan.caseTypes.some((c) => c.agency === agency.code)).toBe(true);
  });

  it('should give users unique lower-case addresses, known languages and valid working hours', () => {
    const emails = plan.users.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const user of plan.users) {
      expect(user.email).toBe(user.email.toLowerCase());
      expect(user.email).toMatch(/^[a-z.-]+@([a-z]+\.)?demo\.distans\.se$/);
      expect(user.languages[0]).toBe('sv');
      expect(user.languages.every((l) => (LANGUAGES as readonly string[]).includes(l))).toBe(true);
      expect(user.agency !== null).toBe(user.role === 'HANDLER');
      const bookable = user.role === 'HANDLER' || user.role === 'INTERPRETER';
      expect(user.weekly_hours.length > 0).toBe(bookable);
      expect(findWeeklyHoursProblems(user.weekly_hours)).toEqual([]);
    }
    expect(emailLocalPart('Emina Hodžić')).toBe('emina.hodzic');
    expect(emailLocalPart('Mohammed Al-Hassan')).toBe('mohammed.al-hassan');
  });

  it('should staff every agency, busiest first, and give each handler case types of their own agency', () => {
    const handlers = plan.users.filter((u) => u.role === 'HANDLER');
    expect(handlers.length).toBeGreaterThanOrEqual(60);
    const per = (code: string): number => handlers.filter((h) => h.agency === code).length;
    expect(per('SKV')).toBeGreaterThan(per('FK'));
    expect(per('FK')).toBeGreaterThan(per('AF'));
    for (const handler of handlers) {
      const own = plan.handlerCaseTypes.filter((x) => x.email === handler.email).map((x) => x.case_type);
      expect(own.length).toBeGreaterThanOrEqual(1);
      for (const code of own)
        expect(plan.caseTypes.some((c) => c.agency === handler.agency && c.code === code)).toBe(true);
    }
    for (const c of plan.caseTypes) {
      const covered = plan.handlerCaseTypes.some(
        (x) => x.case_type === c.code && handlers.find((h) => h.email === x.email)?.agency === c.agency,
      );
      expect(covered).toBe(true);
    }
    expect(plan.users.filter((u) => u.role === 'INTERPRETER').length).toBeGreaterThanOrEqual(6);
  });

  it('should assign office staff to existing offices, including the named ones', () => {
    const names = new Set(plan.offices.map((o) => o.name));
    expect(plan.staffOffices.every((s) => names.has(s.office))).toBe(true);
    const served = new Set(plan.staffOffices.map((s) => s.office));
    for (const office of ['Kiruna', 'Malmö', 'Göteborg Hisingen', 'Stockholm City'])
      expect(served.has(office)).toBe(true);
  });

  it('should put absences in the coming weeks without overlaps', () => {
    expect(plan.absences.length).toBeGreaterThanOrEqual(4);
    const byUser = new Map<string, { from: number; to: number }[]>();
    for (const a of plan.absences) {
      const from = Date.parse(a.starts_at);
      const to = Date.parse(a.ends_at);
      expect(to).toBeGreaterThan(from);
      expect(from).toBeGreaterThan(NOW.getTime());
      expect(from).toBeLessThan(NOW.getTime() + 6 * 7 * 24 * 3600_000);
      const mine = byUser.get(a.email) ?? [];
      expect(mine.some((m) => m.from < to && from < m.to)).toBe(false);
      byUser.set(a.email, [...mine, { from, to }]);
    }
  });

  it('should open one clearly named demo office around the clock, with a room, a handler and a no-notice case type', () => {
    const office = plan.offices.find((o) => o.name === plan.demo.office)!;
    expect(office.name).toMatch(/demo.*dygnet runt/i);
    expect(office.closed_on_public_holidays).toBe(false);
    expect(office.weekly_hours).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })),
    );
    expect(plan.offices.filter((o) => !o.closed_on_public_holidays)).toEqual([office]);
    expect(plan.rooms.filter((r) => r.office === office.name).map((r) => r.name)).toEqual([plan.demo.room]);
    const caseType = plan.caseTypes.find((c) => c.code === plan.demo.caseTypeCode)!;
    expect(caseType).toMatchObject({ minNoticeMin: 0, interpreterAllowed: true });
    const handler = plan.users.find((u) => u.email === plan.demo.handler)!;
    expect(handler).toMatchObject({ role: 'HANDLER', agency: caseType.agency, weekly_hours: office.weekly_hours });
    expect(plan.handlerCaseTypes).toContainEqual({ email: handler.email, case_type: caseType.code });
    expect(plan.staffOffices).toContainEqual({ email: plan.demo.staff, office: office.name });
    expect(plan.absences.filter((a) => [plan.demo.handler, plan.demo.staff].includes(a.email))).toEqual([]);
  });

  it('should feature the admin, one handler per agency, a staff member and an interpreter', () => {
    const roles = plan.featured.map((email) => plan.users.find((u) => u.email === email)?.role);
    expect(roles).toEqual(['ADMIN', ...AGENCIES.map(() => 'HANDLER'), 'OFFICE_STAFF', 'INTERPRETER']);
  });
});
