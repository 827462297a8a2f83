import { countRows, Factory, login } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('Input validation', () => {
  let t: TestApp;
  let admin: string;
  let agencyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const f = new Factory(t.db);
    admin = await login(t, await f.user('ADMIN'));
    agencyId = (await f.agency()).id;
  });
  afterAll(() => t.close());

  const handler = (overrides: Record<string, unknown> = {}) => ({
    email: `v-${Date.now()}-${Math.random().toString(36).slice(2)}@test.example`,
    displayName: 'Valid Name',
    role: 'HANDLER',
    password: 'a long enough password',
    agencyId,
    ...overrides,
  });

  it.each([
    ['an unknown field', { isAdmin: true }, 'isAdmin'],
    ['a wrong type', { displayName: 42 }, 'displayName'],
    ['an unknown role', { role: 'ROOT' }, 'role'],
    ['a short password', { password: 'short' }, 'password'],
    ['an unknown language', { languages: ['klingon'] }, 'languages'],
    ['inverted working hours', { weeklyHours: [{ weekday: 1, opens: '16:00', closes: '08:00' }] }, 'weeklyHours'],
    [
      'overlapping working hours',
      {
        weeklyHours: [
          { weekday: 2, opens: '08:00', closes: '12:00' },
          { weekday: 2, opens: '11:00', closes: '15:00' },
        ],
      },
      'weeklyHours',
    ],
    ['a malformed time', { weeklyHours: [{ weekday: 1, opens: '8 am', closes: '12:00' }] }, 'weeklyHours.0.opens'],
    [
      'a weekday out of range',
      { weeklyHours: [{ weekday: 8, opens: '08:00', closes: '12:00' }] },
      'weeklyHours.0.weekday',
    ],
    ['a handler without agency', { agencyId: undefined }, 'agencyId'],
  ])('should answer %s with a 400 naming the field and write nothing', async (_label, overrides, field) => {
    const before = await countRows(t.db, 'app_user');
    const res = await t.request('POST', '/users', { token: admin, body: handler(overrides) });
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.details)).toContain(field);
    expect(res.body.details[field].join(' ')).toMatch(/\w/);
    expect(await countRows(t.db, 'app_user')).toBe(before);
  });

  it('should explain overlapping hours in words a person can act on', async () => {
    const res = await t.request('POST', '/users', {
      token: admin,
      body: handler({
        weeklyHours: [
          { weekday: 2, opens: '08:00', closes: '12:00' },
          { weekday: 2, opens: '11:00', closes: '15:00' },
        ],
      }),
    });
    expect(res.body.details.weeklyHours.join(' ')).toMatch(/overlap/i);
  });

  it('should refuse malformed JSON and a bad id with the same error shape', async () => {
    const res = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/users',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        payload: '{"email": ',
      });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
    const badId = await t.request('GET', '/users/not-a-uuid', { token: admin });
    expect(badId.status).toBe(400);
  });

  it('should refuse null for a field that may only be left out, and change nothing', async () => {
    const created = await t.request('POST', '/users', { token: admin, body: handler() });
    const res = await t.request('PATCH', `/users/${created.body.id}`, { token: admin, body: { displayName: null } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details)).toEqual(['displayName']);
    const [row] = await t.db.query(`SELECT display_name FROM app_user WHERE id = $1`, [created.body.id]);
    expect(row.display_name).toBe('Valid Name');
    const audit = await t.db.query(`SELECT details FROM audit_log WHERE action = 'user.update' AND resource_id = $1`, [
      created.body.id,
    ]);
    expect(audit).toEqual([]);
  });

  it('should audit only the fields an update actually sent', async () => {
    const created = await t.request('POST', '/users', { token: admin, body: handler() });
    const res = await t.request('PATCH', `/users/${created.body.id}`, {
      token: admin,
      body: { displayName: 'Renamed', password: 'another long password' },
    });
    expect(res.status).toBe(200);
    const [row] = await t.db.query(`SELECT details FROM audit_log WHERE action = 'user.update' AND resource_id = $1`, [
      created.body.id,
    ]);
    expect(row.details.fields).toEqual(['displayName']);
  });

  it('should refuse a duplicate e-mail with 409 and keep the first user', async () => {
    const body = handler();
    expect((await t.request('POST', '/users', { token: admin, body })).status).toBe(201);
    const again = await t.request('POST', '/users', {
      token: admin,
      body: { ...body, email: body.email.toUpperCase() },
    });
    expect(again.status).toBe(409);
    expect(again.body.details.email).toBeDefined();
  });
});
