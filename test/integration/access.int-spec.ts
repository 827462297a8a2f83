import { Factory, login } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** Who may do what, and that out-of-scope records look exactly like missing ones. */
describe('Access by role and scope', () => {
  let t: TestApp;
  let f: Factory;
  let agencyA: { id: string };
  let agencyB: { id: string };
  let handlerA: { id: string; email: string; password: string };
  let handlerA2: { id: string };
  let handlerB: { id: string };
  let officeA: { id: string };
  let officeB: { id: string };
  let roomA: { id: string };
  let roomB: { id: string };
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t.db);
    [agencyA, agencyB] = [await f.agency(), await f.agency()];
    [officeA, officeB] = [await f.office(), await f.office()];
    [roomA, roomB] = [await f.room(officeA.id), await f.room(officeB.id)];
    handlerA = await f.user('HANDLER', { agencyId: agencyA.id });
    handlerA2 = await f.user('HANDLER', { agencyId: agencyA.id });
    handlerB = await f.user('HANDLER', { agencyId: agencyB.id });
    const admin = await f.user('ADMIN');
    const staffA = await f.user('OFFICE_STAFF', { officeIds: [officeA.id] });
    const interpreter = await f.user('INTERPRETER', { languages: ['ar'] });
    tokens.admin = await login(t, admin);
    tokens.handlerA = await login(t, handlerA);
    tokens.staffA = await login(t, staffA);
    tokens.interpreter = await login(t, interpreter);
  });
  afterAll(() => t.close());

  it('should let a handler read colleagues of their own agency only, answering 404 for another agency', async () => {
    const own = await t.request('GET', `/users/${handlerA2.id}`, { token: tokens.handlerA });
    expect(own.status).toBe(200);
    expect(own.body.agencyId).toBe(agencyA.id);

    const other = await t.request('GET', `/users/${handlerB.id}`, { token: tokens.handlerA });
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain(handlerB.id);

    const list = await t.request('GET', `/users?agencyId=${agencyB.id}&pageSize=200`, { token: tokens.handlerA });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    const mine = await t.request('GET', `/users?pageSize=200`, { token: tokens.handlerA });
    expect(mine.body.items.every((u: { agencyId: string }) => u.agencyId === agencyA.id)).toBe(true);
  });

  it('should keep user administration for admins', async () => {
    const body = {
      email: 'new.person@test.example',
      displayName: 'New Person',
      role: 'ADMIN',
      password: 'a long enough password',
    };
    expect((await t.request('POST', '/users', { token: tokens.handlerA, body })).status).toBe(403);
    expect((await t.request('POST', '/users', { token: tokens.staffA, body })).status).toBe(403);
    expect((await t.request('GET', '/users', { token: tokens.staffA })).status).toBe(403);
    expect((await t.request('GET', '/users', { token: tokens.interpreter })).status).toBe(403);
    expect((await t.request('GET', '/audit', { token: tokens.handlerA })).status).toBe(403);
    expect((await t.request('GET', '/audit', { token: tokens.staffA })).status).toBe(403);
    expect((await t.request('GET', '/audit', { token: tokens.admin })).status).toBe(200);
  });

  it('should let office staff pair devices only for rooms of their own offices', async () => {
    expect((await t.request('POST', `/rooms/${roomA.id}/pairing-codes`, { token: tokens.staffA })).status).toBe(201);
    const foreign = await t.request('POST', `/rooms/${roomB.id}/pairing-codes`, { token: tokens.staffA });
    expect(foreign.status).toBe(404);
    expect((await t.request('GET', `/rooms/${roomB.id}/devices`, { token: tokens.staffA })).status).toBe(404);
    expect((await t.request('POST', `/rooms/${roomA.id}/pairing-codes`, { token: tokens.handlerA })).status).toBe(403);
    expect((await t.request('POST', `/rooms/${roomB.id}/pairing-codes`, { token: tokens.admin })).status).toBe(201);
  });

  it('should let an admin create a handler only with case types of the same agency', async () => {
    const ctA = await f.caseType(agencyA.id);
    const ctB = await f.caseType(agencyB.id);
    const base = {
      displayName: 'Hanna Handläggare',
      role: 'HANDLER',
      password: 'a long enough password',
      agencyId: agencyA.id,
      languages: ['sv', 'ar'],
    };
    const bad = await t.request('POST', '/users', {
      token: tokens.admin,
      body: { ...base, email: 'hanna.b@test.example', caseTypeIds: [ctB.id] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.caseTypeIds).toBeDefined();
    expect((await t.db.query(`SELECT 1 FROM app_user WHERE email = 'hanna.b@test.example'`)).length).toBe(0);

    const good = await t.request('POST', '/users', {
      token: tokens.admin,
      body: {
        ...base,
        email: 'hanna.a@test.example',
        caseTypeIds: [ctA.id],
        weeklyHours: [{ weekday: 1, opens: '08:00', closes: '16:30' }],
      },
    });
    expect(good.status).toBe(201);
    expect(good.body).toMatchObject({
      role: 'HANDLER',
      agencyId: agencyA.id,
      caseTypeIds: [ctA.id],
      languages: ['sv', 'ar'],
    });
    expect(good.body.password).toBeUndefined();
    expect(good.body.passwordHash).toBeUndefined();
  });
});
