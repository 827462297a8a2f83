import { countRows, Factory, login } from '../support/factories';
import { createTestApp, TestApp, unique } from '../support/test-app';

describe('Rooms', () => {
  let t: TestApp;
  let factory: Factory;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.db);
    admin = await login(t, await factory.user('ADMIN'));
  });
  afterAll(() => t.close());

  it('should create, update and deactivate a room, never deleting it', async () => {
    const office = await factory.office();
    const created = await t.request('POST', '/rooms', {
      token: admin,
      body: { officeId: office.id, name: 'Besöksrum 1', capacity: 3, equipment: ['camera', 'hearing-loop'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      office: { id: office.id, name: office.name },
      name: 'Besöksrum 1',
      capacity: 3,
      stepFree: true,
      equipment: ['camera', 'hearing-loop'],
      active: true,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      updatedAt: expect.any(String),
    });
    const id = created.body.id as string;

    const updated = await t.request('PATCH', `/rooms/${id}`, {
      token: admin,
      body: { capacity: 50, stepFree: false, equipment: [] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ capacity: 50, stepFree: false, equipment: [], name: 'Besöksrum 1' });

    expect((await t.request('DELETE', `/rooms/${id}`, { token: admin })).status).toBe(204);
    const after = await t.request('GET', `/rooms/${id}`, { token: admin });
    expect(after.body.active).toBe(false);
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM room WHERE id = $1`, [id]);
    expect(row.n).toBe(1);

    const actions = await t.db.query(`SELECT action FROM audit_log WHERE resource_id = $1 ORDER BY id`, [id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['room.create', 'room.update', 'room.deactivate']);
  });

  it('should filter rooms by office and active flag', async () => {
    const office = await factory.office();
    const [a, b] = [await factory.room(office.id), await factory.room(office.id)];
    await factory.room((await factory.office()).id);
    await t.request('DELETE', `/rooms/${b.id}`, { token: admin });

    const all = await t.request('GET', `/rooms?officeId=${office.id}`, { token: admin });
    expect(all.body.total).toBe(2);
    const active = await t.request('GET', `/rooms?officeId=${office.id}&active=true`, { token: admin });
    expect(active.body.items.map((r: { id: string }) => r.id)).toEqual([a.id]);
    const paged = await t.request('GET', `/rooms?officeId=${office.id}&pageSize=1&page=2`, { token: admin });
    expect(paged.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(paged.body.items).toHaveLength(1);
  });

  describe('office staff', () => {
    it('should see and manage only the rooms of their own offices', async () => {
      const [own, other] = [await factory.office(), await factory.office()];
      const [ownRoom, otherRoom] = [await factory.room(own.id), await factory.room(other.id)];
      const staff = await login(t, await factory.user('OFFICE_STAFF', { officeIds: [own.id] }));

      const listed = await t.request('GET', '/rooms?pageSize=200', { token: staff });
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([ownRoom.id]);
      expect(listed.body.total).toBe(1);
      const filtered = await t.request('GET', `/rooms?officeId=${other.id}`, { token: staff });
      expect(filtered.body).toMatchObject({ items: [], total: 0 });

      expect((await t.request('GET', `/rooms/${ownRoom.id}`, { token: staff })).status).toBe(200);
      expect((await t.request('GET', `/rooms/${otherRoom.id}`, { token: staff })).status).toBe(404);
      expect((await t.request('PATCH', `/rooms/${otherRoom.id}`, { token: staff, body: { capacity: 9 } })).status).toBe(
        404,
      );
      expect((await t.request('DELETE', `/rooms/${otherRoom.id}`, { token: staff })).status).toBe(404);
      expect((await t.request('GET', `/rooms/${otherRoom.id}`, { token: admin })).body).toMatchObject({
        capacity: 2,
        active: true,
      });

      const created = await t.request('POST', '/rooms', {
        token: staff,
        body: { officeId: own.id, name: unique('Rum'), capacity: 2 },
      });
      expect(created.status).toBe(201);
      const before = await countRows(t.db, 'room');
      const foreign = await t.request('POST', '/rooms', {
        token: staff,
        body: { officeId: other.id, name: unique('Rum'), capacity: 2 },
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body.details).toEqual({ officeId: ['no such office'] });
      expect(await countRows(t.db, 'room')).toBe(before);
    });

    it('should keep handlers, interpreters and anonymous callers away from rooms', async () => {
      const office = await factory.office();
      const room = await factory.room(office.id);
      const agency = await factory.agency();
      for (const user of [await factory.user('HANDLER', { agencyId: agency.id }), await factory.user('INTERPRETER')]) {
        const token = await login(t, user);
        expect((await t.request('GET', `/rooms/${room.id}`, { token })).status).toBe(403);
        const create = await t.request('POST', '/rooms', {
          token,
          body: { officeId: office.id, name: unique('Rum'), capacity: 2 },
        });
        expect(create.status).toBe(403);
      }
      expect((await t.request('GET', '/rooms')).status).toBe(401);
    });
  });

  it('should refuse invalid rooms with field-keyed details and write nothing', async () => {
    const office = await factory.office();
    const existing = await factory.room(office.id);
    const valid = { officeId: office.id, name: unique('Rum'), capacity: 2 };
    const cases: [Record<string, unknown>, string][] = [
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 51 }, 'capacity'],
      [{ capacity: 2.5 }, 'capacity'],
      [{ equipment: ['camera', 'camera'] }, 'equipment'],
      [{ equipment: ['teleporter'] }, 'equipment'],
      [{ stepFree: 'yes' }, 'stepFree'],
      [{ name: '' }, 'name'],
      [{ floor: 2 }, 'floor'],
    ];
    for (const [override, field] of cases) {
      const before = await countRows(t.db, 'room');
      const res = await t.request('POST', '/rooms', { token: admin, body: { ...valid, ...override } });
      expect({ override, status: res.status }).toEqual({ override, status: 400 });
      expect(res.body.details).toHaveProperty([field]);
      expect(await countRows(t.db, 'room')).toBe(before);
    }
    const moved = await t.request('PATCH', `/rooms/${existing.id}`, { token: admin, body: { officeId: office.id } });
    expect(moved.status).toBe(400);
    expect(moved.body.details).toHaveProperty(['officeId']);

    const dup = await t.request('POST', '/rooms', { token: admin, body: { ...valid, name: existing.name } });
    expect(dup.status).toBe(409);
    expect(dup.body.details).toEqual({ name: ['is already in use'] });
  });
});
