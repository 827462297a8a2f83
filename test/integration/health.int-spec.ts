import { createTestApp, TestApp } from '../support/test-app';

describe('Health and API docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should report the database as up', async () => {
    const res = await t.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });
  });

  it('should serve the OpenAPI document with security headers', async () => {
    const res = await t.request('GET', '/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.info.title).toBe('Distans API');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/health']));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('should answer unknown routes with the common error shape', async () => {
    const res = await t.request('GET', '/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND' });
    expect(typeof res.body.correlationId).toBe('string');
  });
});
