import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { HTML_CACHE, IMMUTABLE_CACHE } from '../../apps/api/src/web-clients';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A tiny built dist (as `npm run build:web` writes it: each file with its .br and .gz beside it),
 * so the serving is tested whether or not the real apps were built.
 */
function fixtureDist(): { dir: string; script: string } {
  const dir = mkdtempSync(join(tmpdir(), 'distans-web-'));
  const script = `console.log(${JSON.stringify('the room screen '.repeat(200))});\n`;
  for (const app of ['room', 'citizen', 'office']) {
    mkdirSync(join(dir, app, 'assets'), { recursive: true });
    const files = {
      'index.html': `<!doctype html><html><body data-app="${app}"><script src="assets/index-Ab12Cd34.js"></script></body></html>`,
      'assets/index-Ab12Cd34.js': script,
    };
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(dir, app, name), content);
      writeFileSync(join(dir, app, `${name}.br`), brotliCompressSync(content));
      writeFileSync(join(dir, app, `${name}.gz`), gzipSync(content));
    }
  }
  return { dir, script };
}

describe('Web clients', () => {
  let t: TestApp;
  let fixture: { dir: string; script: string };

  beforeAll(async () => {
    fixture = fixtureDist();
    t = await createTestApp({ WEB_DIST_DIR: fixture.dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(fixture.dir, { recursive: true, force: true });
  });

  it('should send a hashed asset brotli-compressed, cached for a year as immutable', async () => {
    const res = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: '/room/assets/index-Ab12Cd34.js',
        headers: { 'accept-encoding': 'br, gzip' },
      });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE_CACHE);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(fixture.script.length / 5);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(fixture.script);
  });

  it('should send gzip to a client without brotli, and the plain file to one without either', async () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    const gzip = await fastify.inject({
      url: '/room/assets/index-Ab12Cd34.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await fastify.inject({ url: '/room/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': '' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(fixture.script);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE_CACHE);
  });

  it('should make the browser revalidate the HTML, so a new build is seen at once', async () => {
    const res = await t.request('GET', '/room/', { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe(HTML_CACHE);
    expect(res.headers['content-encoding']).toBe('br');
  });

  it('should serve the citizen site at / and its own paths, not a staff app', async () => {
    for (const url of ['/', '/book', '/book/when', '/manage', '/manage/K7P-3QX']) {
      const res = await t.request('GET', url, { headers: { 'accept-encoding': '' } });
      expect([url, res.status]).toEqual([url, 200]);
      expect(res.body).toContain('data-app="citizen"');
      expect(res.headers['cache-control']).toBe(HTML_CACHE);
    }
    const office = await t.request('GET', '/office/day/2026-12-03', { headers: { 'accept-encoding': '' } });
    expect(office.body).toContain('data-app="office"');
  });

  it('should still answer an unknown API path with a JSON 404, not the citizen page', async () => {
    for (const url of ['/no-such-thing', '/bookings/nothing/here', '/booking', '/manager']) {
      const res = await t.request('GET', url);
      expect([url, res.status]).toEqual([url, 404]);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    }
  });

  it('should skip an app that was not built', async () => {
    const res = await t.request('GET', '/handler/');
    expect(res.status).toBe(404);
  });
});
