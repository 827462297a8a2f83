import { Factory, login } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('Authentication', () => {
  let t: TestApp;
  let factory: Factory;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15' });
    factory = new Factory(t.db);
  });
  afterAll(() => t.close());

  it('should log in with the right password and reach /me', async () => {
    const admin = await factory.user('ADMIN');
    const res = await t.request('POST', '/auth/login', {
      body: { email: admin.email.toUpperCase(), password: admin.password },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', accessTokenExpiresIn: 900 });
    const me = await t.request('GET', '/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: admin.id, role: 'ADMIN', email: admin.email });
    expect(me.body.passwordHash).toBeUndefined();
  });

  it('should refuse a wrong password and an unknown e-mail alike', async () => {
    const admin = await factory.user('ADMIN');
    const wrong = await t.request('POST', '/auth/login', {
      body: { email: admin.email, password: 'not the password' },
    });
    const unknown = await t.request('POST', '/auth/login', {
      body: { email: 'nobody@test.example', password: 'whatever' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('should lock the account after repeated failures, even for the right password', async () => {
    const user = await factory.user('OFFICE_STAFF');
    const attempt = (password: string) => t.request('POST', '/auth/login', { body: { email: user.email, password } });
    expect((await attempt('bad-1')).status).toBe(401);
    expect((await attempt('bad-2')).status).toBe(401);
    const third = await attempt('bad-3');
    expect(third.status).toBe(423);
    expect(third.body.message).toMatch(/locked/i);
    expect(third.body.code).toBe('ACCOUNT_LOCKED');
    const right = await attempt(user.password);
    expect(right.status).toBe(423);
    const [row] = await t.db.query(`SELECT locked_until > now() AS locked FROM app_user WHERE id = $1`, [user.id]);
    expect(row.locked).toBe(true);
    const events = await t.db.query(`SELECT kind, actor_role FROM security_event WHERE actor_id = $1`, [user.id]);
    expect(events).toEqual([{ kind: 'ACCOUNT_LOCKED', actor_role: 'OFFICE_STAFF' }]);
  });

  it('should refuse forged, tampered and expired tokens', async () => {
    const admin = await factory.user('ADMIN');
    const token = await login(t, admin);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not-the-signature').toString('base64url')}`;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN', sub: '00000000-0000-0000-0000-000000000000' })).toString('base64url')}.${token.split('.')[2]}`;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    for (const bad of [forged, tampered, none, 'garbage']) {
      const res = await t.request('GET', '/me', { token: bad });
      expect(res.status).toBe(401);
    }
    const expired = t.app
      .get((await import('@nestjs/jwt')).JwtService)
      .sign(
        { ...claims, exp: Math.floor(Date.now() / 1000) - 10, iat: Math.floor(Date.now() / 1000) - 1000 },
        { algorithm: 'HS256' },
      );
    const res = await t.request('GET', '/me', { token: expired });
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/expired|invalid/i);
  });

  it('should revoke the session on logout and rotate refresh tokens', async () => {
    const admin = await factory.user('ADMIN');
    const first = await t.request('POST', '/auth/login', { body: { email: admin.email, password: admin.password } });
    const refreshed = await t.request('POST', '/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(first.body.refreshToken);

    // The rotated-away token is now a stolen copy: using it ends the session for everyone.
    const replay = await t.request('POST', '/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(replay.status).toBe(401);
    expect((await t.request('GET', '/me', { token: refreshed.body.accessToken })).status).toBe(401);

    const second = await t.request('POST', '/auth/login', { body: { email: admin.email, password: admin.password } });
    expect((await t.request('POST', '/auth/logout', { token: second.body.accessToken })).status).toBe(204);
    expect((await t.request('GET', '/me', { token: second.body.accessToken })).status).toBe(401);
    expect(
      (await t.request('POST', '/auth/refresh', { body: { refreshToken: second.body.refreshToken } })).status,
    ).toBe(401);
  });

  it('should answer 401 without credentials and reject unknown login fields', async () => {
    const res = await t.request('GET', '/me');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED' });
    expect(res.body.correlationId).toEqual(res.headers['x-correlation-id']);
    const extra = await t.request('POST', '/auth/login', { body: { email: 'a@b.se', password: 'x', role: 'ADMIN' } });
    expect(extra.status).toBe(400);
    expect(extra.body.details).toEqual({ role: ['role is not an allowed field'] });
    expect(extra.body.code).toBe('VALIDATION_FAILED');
  });

  it('should throttle login attempts per client address', async () => {
    const strict = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const answers: { status: number; code: string }[] = [];
      for (let i = 0; i < 5; i += 1) {
        const res = await strict.request('POST', '/auth/login', { body: { email: 'x@test.example', password: 'y' } });
        answers.push({ status: res.status, code: res.body.code });
      }
      expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 429, 429]);
      expect(answers.map((a) => a.code)).toEqual([
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'RATE_LIMITED',
        'RATE_LIMITED',
      ]);
    } finally {
      await strict.close();
    }
  });
});
