import { countRows, Factory, login } from '../support/factories';
import { createTestApp, TestApp, unique } from '../support/test-app';

/** Lower-case code accepted by regions, counties and case types. */
const slug = (prefix: string): string => unique(prefix).toLowerCase().slice(0, 40);
/** Upper-case code accepted by agencies. */
const agencyCode = (): string => `T${Math.random().toString(36).slice(2, 10).toUpperCase()}`;

describe('Organisation catalogue', () => {
  let t: TestApp;
  let factory: Factory;
  let admin: string;
  let handler: string;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.db);
    admin = await login(t, await factory.user('ADMIN'));
    const agency = await factory.agency();
    handler = await login(t, await factory.user('HANDLER', { agencyId: agency.id }));
  });
  afterAll(() => t.close());

  const auditCount = async (action: string, resourceId: string): Promise<number> => {
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND resource_id = $2`, [
      action,
      resourceId,
    ]);
    return row.n;
  };

  describe('Regions and counties', () => {
    it('should create, rename, list publicly and delete a region, auditing each write', async () => {
      const code = slug('reg');
      const created = await t.request('POST', '/regions', { token: admin, body: { code, name: `  ${code} name ` } });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), code, name: `${code} name` });
      const id = created.body.id as string;

      const renamed = await t.request('PATCH', `/regions/${id}`, { token: admin, body: { name: `${code} renamed` } });
      expect(renamed.status).toBe(200);
      expect(renamed.body.name).toBe(`${code} renamed`);

      const listed = await t.request('GET', `/regions?q=${code}`);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({ items: [renamed.body], page: 1, pageSize: 50, total: 1 });

      expect((await t.request('DELETE', `/regions/${id}`, { token: admin })).status).toBe(204);
      expect((await t.request('GET', `/regions/${id}`)).status).toBe(404);
      expect(await auditCount('region.create', id)).toBe(1);
      expect(await auditCount('region.update', id)).toBe(1);
      expect(await auditCount('region.delete', id)).toBe(1);
    });

    it('should refuse to delete a region or county that is still in use, with a clear 409', async () => {
      const region = await factory.region();
      const county = await factory.county(region.id);
      const regionRes = await t.request('DELETE', `/regions/${region.id}`, { token: admin });
      expect(regionRes.status).toBe(409);
      expect(regionRes.body.message).toMatch(/still has 1 counties and 0 offices/);

      await factory.office({ countyId: county.id, regionId: region.id });
      const countyRes = await t.request('DELETE', `/counties/${county.id}`, { token: admin });
      expect(countyRes.status).toBe(409);
      expect(countyRes.body.message).toMatch(/still has 1 offices/);
      expect((await t.request('GET', `/counties/${county.id}`)).status).toBe(200);
    });

    it('should answer 409 naming the field when a code is taken', async () => {
      const region = await factory.region();
      const before = await countRows(t.db, 'region');
      const res = await t.request('POST', '/regions', { token: admin, body: { code: region.code, name: slug('n') } });
      expect(res.status).toBe(409);
      expect(res.body.details).toEqual({ code: ['is already in use'] });
      expect(await countRows(t.db, 'region')).toBe(before);
    });

    it('should filter counties by region and move a county’s offices along with it', async () => {
      const [north, south] = [await factory.region(), await factory.region()];
      const code = slug('cty');
      const created = await t.request('POST', '/counties', {
        token: admin,
        body: { code, name: code, regionId: north.id },
      });
      expect(created.status).toBe(201);
      expect(created.body.region).toEqual({ id: north.id, name: north.code });
      await factory.county(south.id);

      const inNorth = await t.request('GET', `/counties?regionId=${north.id}`);
      expect(inNorth.body.items.map((c: { code: string }) => c.code)).toEqual([code]);
      expect(inNorth.body.total).toBe(1);

      const office = await factory.office({ countyId: created.body.id, regionId: north.id });
      const moved = await t.request('PATCH', `/counties/${created.body.id}`, {
        token: admin,
        body: { regionId: south.id },
      });
      expect(moved.status).toBe(200);
      const officeNow = await t.request('GET', `/offices/${office.id}`);
      expect(officeNow.body.region.id).toBe(south.id);
    });

    it('should refuse bad input with field-keyed details and write nothing', async () => {
      const region = await factory.region();
      const cases: [string, string, unknown, string][] = [
        ['POST', '/regions', { code: 'Has Spaces', name: 'x' }, 'code'],
        ['POST', '/regions', { code: slug('r'), name: '   ' }, 'name'],
        ['POST', '/regions', { code: slug('r'), name: 'x', colour: 'red' }, 'colour'],
        ['POST', '/counties', { code: slug('c'), name: 'x', regionId: 'not-a-uuid' }, 'regionId'],
        [
          'POST',
          '/counties',
          { code: slug('c'), name: 'x', regionId: '6f1d1c4e-0000-4000-8000-000000000000' },
          'regionId',
        ],
        ['PATCH', `/regions/${region.id}`, { name: null }, 'name'],
        ['PATCH', `/regions/${region.id}`, { name: 42 }, 'name'],
      ];
      for (const [method, url, body, field] of cases) {
        const before = [await countRows(t.db, 'region'), await countRows(t.db, 'county')];
        const res = await t.request(method, url, { token: admin, body });
        expect({ url, body, status: res.status }).toEqual({ url, body, status: 400 });
        expect(Object.keys(res.body.details)).toContain(field);
        expect([await countRows(t.db, 'region'), await countRows(t.db, 'county')]).toEqual(before);
      }
      expect((await t.request('GET', `/regions/${region.id}`)).body.name).toBe(region.code);
    });

    it('should let only administrators change the catalogue', async () => {
      const region = await factory.region();
      const staff = await login(t, await factory.user('OFFICE_STAFF'));
      for (const token of [handler, staff]) {
        expect((await t.request('POST', '/regions', { token, body: { code: slug('r'), name: 'x' } })).status).toBe(403);
        expect((await t.request('DELETE', `/regions/${region.id}`, { token })).status).toBe(403);
      }
      expect((await t.request('POST', '/regions', { body: { code: slug('r'), name: 'x' } })).status).toBe(401);
      expect((await t.request('GET', '/regions', { token: handler })).status).toBe(200);
    });
  });

  it('should let a room device read the catalogue but change nothing', async () => {
    const office = await factory.office();
    const room = await factory.room(office.id);
    const code = await t.request('POST', `/rooms/${room.id}/pairing-codes`, { token: admin });
    const paired = await t.request('POST', '/devices/pair', { body: { code: code.body.code } });
    const token = paired.body.deviceToken as string;
    expect((await t.request('GET', `/offices/${office.id}`, { token })).status).toBe(200);
    expect((await t.request('GET', '/agencies', { token })).status).toBe(200);
    const before = await countRows(t.db, 'agency');
    const res = await t.request('POST', '/agencies', { token, body: { code: agencyCode(), nameSv: 'x', nameEn: 'x' } });
    expect(res.status).toBe(403);
    expect(await countRows(t.db, 'agency')).toBe(before);
    expect((await t.request('PATCH', `/offices/${office.id}`, { token, body: { active: false } })).status).toBe(403);
    expect((await t.request('GET', `/rooms/${room.id}`, { token })).status).toBe(403);
  });

  describe('Agencies', () => {
    it('should create and update an agency and read it without logging in', async () => {
      const code = agencyCode();
      const created = await t.request('POST', '/agencies', {
        token: admin,
        body: { code, nameSv: 'Testverket', nameEn: 'Test Agency' },
      });
      expect(created.status).toBe(201);
      const updated = await t.request('PATCH', `/agencies/${created.body.id}`, {
        token: admin,
        body: { nameEn: 'The Test Agency' },
      });
      expect(updated.body).toEqual({ id: created.body.id, code, nameSv: 'Testverket', nameEn: 'The Test Agency' });
      expect((await t.request('GET', `/agencies/${created.body.id}`)).body).toEqual(updated.body);
      const listed = await t.request('GET', `/agencies?q=${code}`);
      expect(listed.body.items).toEqual([updated.body]);
      expect(await auditCount('agency.update', created.body.id)).toBe(1);
    });

    it('should answer 409 with details.code for a code in use, on create and on update', async () => {
      const [first, second] = [await factory.agency(), await factory.agency()];
      const before = await countRows(t.db, 'agency');
      const dup = await t.request('POST', '/agencies', {
        token: admin,
        body: { code: first.code, nameSv: 'x', nameEn: 'x' },
      });
      expect(dup.status).toBe(409);
      expect(dup.body.details).toEqual({ code: ['is already in use'] });
      expect(await countRows(t.db, 'agency')).toBe(before);
      const rename = await t.request('PATCH', `/agencies/${second.id}`, { token: admin, body: { code: first.code } });
      expect(rename.status).toBe(409);
      expect(rename.body.details).toEqual({ code: ['is already in use'] });
    });

    it('should refuse a malformed code and a handler or office staff creating agencies', async () => {
      const before = await countRows(t.db, 'agency');
      const bad = await t.request('POST', '/agencies', {
        token: admin,
        body: { code: 'skv', nameSv: 'x', nameEn: 'x' },
      });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.details)).toEqual(['code']);
      const staff = await login(t, await factory.user('OFFICE_STAFF'));
      for (const token of [handler, staff]) {
        const res = await t.request('POST', '/agencies', {
          token,
          body: { code: agencyCode(), nameSv: 'x', nameEn: 'x' },
        });
        expect(res.status).toBe(403);
      }
      expect(await countRows(t.db, 'agency')).toBe(before);
    });
  });

  describe('Case types', () => {
    const valid = (agencyId: string) => ({
      agencyId,
      code: slug('ct'),
      nameSv: 'Bostadsbidrag',
      nameEn: 'Housing allowance',
      durationMin: 30,
    });

    it('should create a case type with defaults and filter by agency and active', async () => {
      const agency = await factory.agency();
      const created = await t.request('POST', '/case-types', { token: admin, body: valid(agency.id) });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        agency: { id: agency.id, code: agency.code },
        durationMin: 30,
        bufferAfterMin: 0,
        interpreterAllowed: true,
        idCheckRequired: true,
        minNoticeMin: 60,
        maxDaysAhead: 60,
        active: true,
      });
      const other = await t.request('POST', '/case-types', {
        token: admin,
        body: { ...valid(agency.id), durationMin: 15, active: false },
      });
      expect(other.status).toBe(201);

      const all = await t.request('GET', `/case-types?agencyId=${agency.id}`);
      expect(all.body.total).toBe(2);
      const active = await t.request('GET', `/case-types?agencyId=${agency.id}&active=true`);
      expect(active.body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
      const one = await t.request('GET', `/case-types/${other.body.id}`, { token: handler });
      expect(one.body).toMatchObject({ durationMin: 15, active: false });

      const patched = await t.request('PATCH', `/case-types/${other.body.id}`, {
        token: admin,
        body: { active: true, bufferAfterMin: 15, maxDaysAhead: 365 },
      });
      expect(patched.body).toMatchObject({ active: true, bufferAfterMin: 15, maxDaysAhead: 365 });
    });

    it('should enforce the booking-rule ranges and write nothing when they are broken', async () => {
      const agency = await factory.agency();
      const cases: [Record<string, unknown>, string][] = [
        [{ durationMin: 32 }, 'durationMin'],
        [{ durationMin: 485 }, 'durationMin'],
        [{ durationMin: '30' }, 'durationMin'],
        [{ bufferAfterMin: 121 }, 'bufferAfterMin'],
        [{ minNoticeMin: 43201 }, 'minNoticeMin'],
        [{ maxDaysAhead: 0 }, 'maxDaysAhead'],
        [{ code: 'Housing' }, 'code'],
        [{ interpreterAllowed: 'yes' }, 'interpreterAllowed'],
        [{ agencyId: '6f1d1c4e-0000-4000-8000-000000000000' }, 'agencyId'],
      ];
      for (const [override, field] of cases) {
        const before = await countRows(t.db, 'case_type');
        const res = await t.request('POST', '/case-types', {
          token: admin,
          body: { ...valid(agency.id), ...override },
        });
        expect({ override, status: res.status }).toEqual({ override, status: 400 });
        expect(Object.keys(res.body.details)).toContain(field);
        expect(await countRows(t.db, 'case_type')).toBe(before);
      }
      const taken = valid(agency.id);
      expect((await t.request('POST', '/case-types', { token: admin, body: taken })).status).toBe(201);
      const dup = await t.request('POST', '/case-types', { token: admin, body: taken });
      expect(dup.status).toBe(409);
      expect(dup.body.details).toEqual({ code: ['is already in use'] });
    });

    it('should not let a handler change case types', async () => {
      const agency = await factory.agency();
      const caseType = await factory.caseType(agency.id);
      const res = await t.request('PATCH', `/case-types/${caseType.id}`, { token: handler, body: { active: false } });
      expect(res.status).toBe(403);
      expect((await t.request('GET', `/case-types/${caseType.id}`)).body.active).toBe(true);
    });
  });
});
