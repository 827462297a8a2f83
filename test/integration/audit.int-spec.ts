import { Factory, login } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('Audit log', () => {
  let t: TestApp;
  let admin: { id: string; email: string; password: string };
  let adminToken: string;
  let subject: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const f = new Factory(t.db);
    admin = await f.user('ADMIN');
    adminToken = await login(t, admin);
    subject = await f.user('INTERPRETER');
  });
  afterAll(() => t.close());

  it('should write who, what, from where and under which correlation id for a personal-data read', async () => {
    const res = await t.request('GET', `/users/${subject.id}`, {
      token: adminToken,
      headers: { 'x-request-id': 'audit-test-0001' },
    });
    expect(res.status).toBe(200);
    expect(res.headers['x-correlation-id']).toBe('audit-test-0001');
    const rows = await t.db.query(`SELECT * FROM audit_log WHERE correlation_id = 'audit-test-0001'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_id: admin.id,
      actor_role: 'ADMIN',
      action: 'user.read',
      resource_type: 'user',
      resource_id: subject.id,
      client_ip: '127.0.0.1',
    });
  });

  it('should write one row per person in a listing', async () => {
    const res = await t.request('GET', `/users?role=INTERPRETER&pageSize=5`, {
      token: adminToken,
      headers: { 'x-request-id': 'audit-test-0002' },
    });
    const rows = await t.db.query(`SELECT resource_id FROM audit_log WHERE correlation_id = 'audit-test-0002'`);
    expect(rows.map((r: { resource_id: string }) => r.resource_id).sort()).toEqual(
      res.body.items.map((u: { id: string }) => u.id).sort(),
    );
  });

  it('should let admins search it by resource', async () => {
    const res = await t.request('GET', `/audit?resourceType=user&resourceId=${subject.id}`, { token: adminToken });
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    expect(res.body.items[0]).toMatchObject({ resourceId: subject.id, action: 'user.read' });
    expect((await t.request('GET', `/audit?from=yesterday`, { token: adminToken })).status).toBe(400);
  });
});
