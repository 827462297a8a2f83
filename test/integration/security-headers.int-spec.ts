import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../support/test-app';

describe('Security headers', () => {
  let t: TestApp;
  let webDist: string;
  const origin = 'https://kiosk.example.org';

  beforeAll(async () => {
    // Built web apps as the server finds them in WEB_DIST_DIR.
    webDist = mkdtempSync(join(tmpdir(), 'distans-web-'));
    for (const app of ['handler', 'room']) {
      mkdirSync(join(webDist, app));
      writeFileSync(
        join(webDist, app, 'index.html'),
        `<!doctype html><title>${app}</title><script type="module" src="./app.js"></script>`,
      );
    }
    t = await createTestApp({ WEB_DIST_DIR: webDist, CORS_ORIGINS: origin });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  const policyOf = async (path: string): Promise<{ status: number; policy: string }> => {
    const res = await t.request('GET', path);
    return { status: res.status, policy: String(res.headers['content-security-policy']) };
  };

  it('should give the web apps, and every other path, a strict policy with no inline scripts', async () => {
    const handler = await policyOf('/handler/');
    expect(handler.status).toBe(200);
    // Paths of apps that do not exist yet (a citizen site at /, an office console) and API answers alike.
    for (const path of ['/handler/', '/room/', '/', '/office/', '/bookings/ref/ABC-DEF', '/health', '/api/docsx']) {
      const { policy } = await policyOf(path);
      expect({ path, policy }).toEqual({ path, policy: expect.stringContaining("script-src 'self';") });
      expect({ path, policy }).toEqual({ path, policy: expect.not.stringContaining('unsafe-inline') });
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
    }
  });

  it('should relax the policy for the OpenAPI page only', async () => {
    const docs = await policyOf('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.policy).toContain("script-src 'self' 'unsafe-inline'");
    expect((await policyOf('/api/docs/openapi.json')).policy).toContain("'unsafe-inline'");
  });

  it('should not tell anyone how many SQL statements served a request unless a setting says so', async () => {
    const res = await t.request('GET', '/regions', { headers: { origin } });
    expect(res.status).toBe(200);
    expect(res.headers['x-sql-statements']).toBeUndefined();
    expect(String(res.headers['access-control-expose-headers'])).not.toMatch(/sql/i);

    const measured = await createTestApp({ SQL_STATEMENTS_HEADER: 'true', CORS_ORIGINS: origin });
    try {
      const counted = await measured.request('GET', '/regions', { headers: { origin } });
      expect(Number(counted.headers['x-sql-statements'])).toBeGreaterThan(0);
      expect(String(counted.headers['access-control-expose-headers'])).toContain('X-SQL-Statements');
    } finally {
      await measured.close();
    }
  });
});
