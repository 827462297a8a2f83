import { countRows, Factory, login } from '../support/factories';
import { createTestApp, TestApp, unique } from '../support/test-app';

const weekdays = (opens: string, closes: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes }));

describe('Offices', () => {
  let t: TestApp;
  let factory: Factory;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.db);
    admin = await login(t, await factory.user('ADMIN'));
  });
  afterAll(() => t.close());

  const officeBody = (countyId: string, overrides: Record<string, unknown> = {}) => ({
    name: unique('Servicekontor'),
    municipality: 'Eslöv',
    countyId,
    officeType: 'small',
    streetAddress: 'Storgatan 1',
    postalCode: '241 30',
    city: 'Eslöv',
    phone: '0413-620 00',
    weeklyHours: weekdays('09:00', '16:00'),
    ...overrides,
  });

  it('should create an office in its county’s region and show it publicly without personal data', async () => {
    const county = await factory.county();
    const body = officeBody(county.id, { timeZone: 'europe/stockholm' });
    const created = await t.request('POST', '/offices', { token: admin, body });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: body.name,
      municipality: 'Eslöv',
      county: { id: county.id, name: expect.any(String) },
      region: { id: county.regionId, name: expect.any(String) },
      address: { streetAddress: 'Storgatan 1', postalCode: '241 30', city: 'Eslöv', phone: '0413-620 00' },
      officeType: 'small',
      timeZone: 'Europe/Stockholm',
      weeklyHours: body.weeklyHours,
      closedOnPublicHolidays: true,
      active: true,
      access: { stepFree: false, hearingLoop: false },
    });
    const read = await t.request('GET', `/offices/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const [audit] = await t.db.query(
      `SELECT actor_role FROM audit_log WHERE action = 'office.create' AND resource_id = $1`,
      [created.body.id],
    );
    expect(audit.actor_role).toBe('ADMIN');
  });

  it('should tell a visitor choosing an office whether a room in use is step-free or has a hearing loop', async () => {
    const office = await factory.office();
    const access = async () => (await t.request('GET', `/offices/${office.id}`)).body.access;
    const room = await factory.room(office.id);
    await t.db.query(`UPDATE room SET step_free = false WHERE id = $1`, [room.id]);
    expect(await access()).toEqual({ stepFree: false, hearingLoop: false });

    const looped = await factory.room(office.id);
    await t.db.query(`UPDATE room SET equipment = equipment || '{hearing-loop}' WHERE id = $1`, [looped.id]);
    expect(await access()).toEqual({ stepFree: true, hearingLoop: true });

    // A room out of use offers neither.
    await t.db.query(`UPDATE room SET active = false WHERE id = $1`, [looped.id]);
    expect(await access()).toEqual({ stepFree: false, hearingLoop: false });
  });

  it('should let an administrator change any field and move the office to another county', async () => {
    const office = await factory.office();
    const otherCounty = await factory.county();
    const res = await t.request('PATCH', `/offices/${office.id}`, {
      token: admin,
      body: { countyId: otherCounty.id, officeType: 'flex', active: false, closedOnPublicHolidays: false },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      county: { id: otherCounty.id },
      region: { id: otherCounty.regionId },
      officeType: 'flex',
      active: false,
      closedOnPublicHolidays: false,
    });
  });

  it('should filter by municipality in any letter case, by region and by name, and paginate', async () => {
    const region = await factory.region();
    const county = await factory.county(region.id);
    const municipality = unique('Kommun');
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await factory.office({ municipality, countyId: county.id, regionId: region.id })).id);
    }
    await factory.office({ municipality: `${municipality}-other` });

    const byMunicipality = await t.request('GET', `/offices?municipality=${municipality.toUpperCase()}&pageSize=2`);
    expect(byMunicipality.status).toBe(200);
    expect(byMunicipality.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(byMunicipality.body.items).toHaveLength(2);
    const second = await t.request('GET', `/offices?municipality=${municipality}&pageSize=2&page=2`);
    expect(second.body.items).toHaveLength(1);
    const seen = [...byMunicipality.body.items, ...second.body.items].map((o: { id: string }) => o.id);
    expect(seen.sort()).toEqual([...ids].sort());
    const pastTheEnd = await t.request('GET', `/offices?municipality=${municipality}&pageSize=2&page=9`);
    expect(pastTheEnd.body).toMatchObject({ items: [], total: 3 });

    const byRegion = await t.request('GET', `/offices?regionId=${region.id}`);
    expect(byRegion.body.total).toBe(3);
    expect(byRegion.body.items.every((o: { region: { id: string } }) => o.region.id === region.id)).toBe(true);

    await t.request('PATCH', `/offices/${ids[0]}`, { token: admin, body: { active: false } });
    const activeOnly = await t.request('GET', `/offices?regionId=${region.id}&active=true`);
    expect(activeOnly.body.total).toBe(2);

    const name = (await t.request('GET', `/offices/${ids[1]}`)).body.name as string;
    const byName = await t.request('GET', `/offices?q=${encodeURIComponent(name.slice(-8))}`);
    expect(byName.body.items.map((o: { id: string }) => o.id)).toContain(ids[1]);
  });

  it('should refuse invalid query filters with 400', async () => {
    const res = await t.request('GET', '/offices?officeType=huge&active=maybe&regionId=x&colour=red');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details).sort()).toEqual(['active', 'colour', 'officeType', 'regionId']);
  });

  describe('validation', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['an unknown field', { colour: 'red' }, 'colour'],
      ['a wrong type', { name: 42 }, 'name'],
      ['a null', { municipality: null }, 'municipality'],
      ['an invalid time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
      ['an unknown office type', { officeType: 'huge' }, 'officeType'],
      ['an unknown county', { countyId: '6f1d1c4e-0000-4000-8000-000000000000' }, 'countyId'],
      [
        'overlapping opening hours',
        {
          weeklyHours: [
            { weekday: 1, opens: '09:00', closes: '12:00' },
            { weekday: 1, opens: '11:00', closes: '15:00' },
          ],
        },
        'weeklyHours',
      ],
      ['inverted opening hours', { weeklyHours: [{ weekday: 2, opens: '16:00', closes: '09:00' }] }, 'weeklyHours'],
      ['a malformed time', { weeklyHours: [{ weekday: 2, opens: '9:00', closes: '16:00' }] }, 'weeklyHours.0.opens'],
      ['weekday 8', { weeklyHours: [{ weekday: 8, opens: '09:00', closes: '16:00' }] }, 'weeklyHours.0.weekday'],
    ];

    it.each(cases)('should refuse creating an office with %s and write nothing', async (_, override, field) => {
      const county = await factory.county();
      const before = await countRows(t.db, 'office');
      const res = await t.request('POST', '/offices', { token: admin, body: officeBody(county.id, override) });
      expect(res.status).toBe(400);
      expect(res.body.details).toHaveProperty([field]);
      expect(await countRows(t.db, 'office')).toBe(before);
    });

    it.each(cases.filter(([, override]) => !('countyId' in override)))(
      'should refuse updating an office with %s and change nothing',
      async (_, override, field) => {
        const office = await factory.office();
        const before = await t.request('GET', `/offices/${office.id}`);
        const res = await t.request('PATCH', `/offices/${office.id}`, { token: admin, body: override });
        expect(res.status).toBe(400);
        expect(res.body.details).toHaveProperty([field]);
        expect((await t.request('GET', `/offices/${office.id}`)).body).toEqual(before.body);
      },
    );

    it('should explain overlapping and inverted hours in words', async () => {
      const office = await factory.office();
      const res = await t.request('PATCH', `/offices/${office.id}`, {
        token: admin,
        body: {
          weeklyHours: [
            { weekday: 1, opens: '09:00', closes: '12:00' },
            { weekday: 1, opens: '11:00', closes: '15:00' },
            { weekday: 3, opens: '14:00', closes: '10:00' },
          ],
        },
      });
      expect(res.body.details.weeklyHours[0]).toMatch(/interval 1: overlaps interval 0 .* on Monday/);
      expect(res.body.details.weeklyHours[0]).toMatch(/interval 2: closes \(10:00\) must be after opens \(14:00\)/);
    });

    it('should answer 409 with details.name when the name is taken', async () => {
      const existing = await factory.office();
      const county = await factory.county();
      const before = await countRows(t.db, 'office');
      const res = await t.request('POST', '/offices', {
        token: admin,
        body: officeBody(county.id, { name: existing.name }),
      });
      expect(res.status).toBe(409);
      expect(res.body.details).toEqual({ name: ['is already in use'] });
      expect(await countRows(t.db, 'office')).toBe(before);
    });
  });

  describe('office staff', () => {
    it('should edit the opening hours of their own office', async () => {
      const office = await factory.office();
      const staff = await login(t, await factory.user('OFFICE_STAFF', { officeIds: [office.id] }));
      const hours = [...weekdays('10:00', '15:00'), { weekday: 6, opens: '10:00', closes: '13:00' }];
      const res = await t.request('PATCH', `/offices/${office.id}`, {
        token: staff,
        body: { weeklyHours: hours, closedOnPublicHolidays: false },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ weeklyHours: hours, closedOnPublicHolidays: false });
      const [audit] = await t.db.query(
        `SELECT actor_role, details FROM audit_log WHERE action = 'office.update' AND resource_id = $1`,
        [office.id],
      );
      expect(audit).toEqual({
        actor_role: 'OFFICE_STAFF',
        details: { fields: ['weeklyHours', 'closedOnPublicHolidays'] },
      });
    });

    it('should get 404 for another office and 403 for fields other than the hours', async () => {
      const [own, other] = [await factory.office(), await factory.office()];
      const staff = await login(t, await factory.user('OFFICE_STAFF', { officeIds: [own.id] }));
      const foreign = await t.request('PATCH', `/offices/${other.id}`, {
        token: staff,
        body: { weeklyHours: weekdays('08:00', '12:00') },
      });
      expect(foreign.status).toBe(404);
      const rename = await t.request('PATCH', `/offices/${own.id}`, {
        token: staff,
        body: { name: unique('Renamed'), weeklyHours: weekdays('08:00', '12:00') },
      });
      expect(rename.status).toBe(403);
      expect(Object.keys(rename.body.details)).toEqual(['name']);
      const ownNow = await t.request('GET', `/offices/${own.id}`);
      expect(ownNow.body.name).toBe(own.name);
      expect(ownNow.body.weeklyHours).toEqual(weekdays('09:00', '16:00'));
      expect((await t.request('GET', `/offices/${other.id}`)).body.weeklyHours).toEqual(weekdays('09:00', '16:00'));
      const create = await t.request('POST', '/offices', {
        token: staff,
        body: officeBody((await factory.county()).id),
      });
      expect(create.status).toBe(403);
    });

    it('should not let handlers or interpreters change offices', async () => {
      const office = await factory.office();
      const agency = await factory.agency();
      for (const user of [await factory.user('HANDLER', { agencyId: agency.id }), await factory.user('INTERPRETER')]) {
        const token = await login(t, user);
        const res = await t.request('PATCH', `/offices/${office.id}`, { token, body: { active: false } });
        expect(res.status).toBe(403);
        expect((await t.request('GET', `/offices/${office.id}`, { token })).status).toBe(200);
      }
    });
  });

  it('should answer 404 for an unknown office and 400 for a malformed id', async () => {
    expect((await t.request('GET', '/offices/6f1d1c4e-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.request('GET', '/offices/not-a-uuid')).status).toBe(400);
  });

  it('should document the organisation endpoints in OpenAPI', async () => {
    const res = await t.request('GET', '/api/docs/openapi.json');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/regions',
        '/counties/{id}',
        '/offices',
        '/offices/{id}/exceptions/{date}',
        '/offices/{id}/opening-hours',
        '/rooms/{id}',
        '/agencies',
        '/case-types/{id}',
      ]),
    );
    expect(res.body.components.schemas.CreateOfficeDto.properties.timeZone).toMatchObject({
      example: 'Europe/Stockholm',
    });
  });
});
