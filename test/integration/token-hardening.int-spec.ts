import { JwtService } from '@nestjs/jwt';
import { sessionTicketSecret } from '../../apps/api/src/sessions/sessions.module';
import { Factory, login } from '../support/factories';
import { connect, listeningUrl, sessionWorld, ticketFor } from '../support/session-fixture';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';

/** Tokens signed with the right key that must still be refused, and credentials that must really end. */
describe('Token hardening', () => {
  let t: TestApp;
  let f: Factory;
  const accessKey = new JwtService({ secret: TEST_JWT_SECRET });
  const ticketKey = new JwtService({ secret: sessionTicketSecret(TEST_JWT_SECRET) });
  const claimsOf = (token: string): Record<string, unknown> =>
    JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    f = new Factory(t.db);
  });
  afterAll(() => t.close());

  const refusal = async (ticket: string): Promise<string> => {
    try {
      (await connect(listeningUrl(t), { ticket })).close();
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('the handshake should have been refused');
  };

  describe('access tokens', () => {
    it('should refuse one signed with the right key but without an expiry', async () => {
      const { sub, sid, role } = claimsOf(await login(t, await f.user('ADMIN')));
      const forever = accessKey.sign({ sub, sid, role, typ: 'access' });
      expect(claimsOf(forever).exp).toBeUndefined();
      const res = await t.request('GET', '/me', { token: forever });
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/invalid or has expired/);
    });

    it('should refuse one of another type, or living longer than an access token does', async () => {
      const { sub, sid, role } = claimsOf(await login(t, await f.user('ADMIN')));
      const refresh = accessKey.sign({ sub, sid, role, typ: 'refresh' }, { expiresIn: 600 });
      const longLived = accessKey.sign({ sub, sid, role, typ: 'access' }, { expiresIn: 365 * 24 * 3600 });
      const untyped = accessKey.sign({ sub, sid, role }, { expiresIn: 600 });
      for (const token of [refresh, longLived, untyped]) {
        expect((await t.request('GET', '/me', { token })).status).toBe(401);
      }
      const genuine = accessKey.sign({ sub, sid, role, typ: 'access' }, { expiresIn: 600 });
      expect((await t.request('GET', '/me', { token: genuine })).status).toBe(200);
    });

    it("should refuse one whose subject is not its session's user", async () => {
      const { sid } = claimsOf(await login(t, await f.user('HANDLER', { agencyId: (await f.agency()).id })));
      const admin = await f.user('ADMIN');
      await login(t, admin);
      const borrowed = accessKey.sign({ sub: admin.id, sid, role: 'ADMIN', typ: 'access' }, { expiresIn: 600 });
      const res = await t.request('GET', '/users', { token: borrowed });
      expect(res.status).toBe(401);
    });
  });

  describe('room devices', () => {
    it('should revoke the device token on logout, so the kiosk really has to pair again', async () => {
      const w = await sessionWorld(t);
      expect((await t.request('GET', '/room-screen/status', { token: w.device.token })).status).toBe(200);
      const out = await t.request('POST', '/auth/logout', { token: w.device.token });
      expect(out.status).toBe(204);
      const after = await t.request('GET', '/room-screen/status', { token: w.device.token });
      expect(after.status).toBe(401);
      expect(after.body.message).toMatch(/revoked/);
      const [row] = await t.db.query(`SELECT revoked_at FROM room_device WHERE id = $1`, [w.device.id]);
      expect(row.revoked_at).not.toBeNull();
      const audit = await t.db.query(
        `SELECT actor_role FROM audit_log WHERE action = 'room-device.revoke' AND resource_id = $1`,
        [w.device.id],
      );
      expect(audit).toEqual([{ actor_role: 'ROOM_DEVICE' }]);
    });
  });

  describe('session tickets', () => {
    it('should refuse one without an expiry, of another type, or naming another user than its session', async () => {
      const w = await sessionWorld(t);
      const issued = claimsOf(await ticketFor(t, w.bookingId, w.handler.token));
      // The issued ticket's own claims (audience included), re-signed without what makes it sound.
      const { iat: _iat, exp: _exp, ...claims } = issued;
      const noExpiry = ticketKey.sign(claims);
      const untyped = ticketKey.sign({ ...claims, typ: undefined }, { expiresIn: 60 });
      const other = await f.user('HANDLER', { agencyId: (await f.agency()).id });
      const borrowed = ticketKey.sign({ ...claims, sub: other.id, jti: crypto.randomUUID() }, { expiresIn: 60 });
      expect(await refusal(noExpiry)).toMatch(/invalid or has expired/);
      expect(await refusal(untyped)).toMatch(/invalid or has expired/);
      expect(await refusal(borrowed)).toMatch(/session has ended/);
    });

    it('should refuse an unused ticket once its session has logged out', async () => {
      const w = await sessionWorld(t);
      const ticket = await ticketFor(t, w.bookingId, w.handler.token);
      expect((await t.request('POST', '/auth/logout', { token: w.handler.token })).status).toBe(204);
      expect(await refusal(ticket)).toMatch(/session has ended/);
    });

    it('should keep a used ticket used after the API restarts on the same database', async () => {
      const w = await sessionWorld(t);
      const ticket = await ticketFor(t, w.bookingId, w.handler.token);
      const first = await createTestApp();
      await first.app.listen({ port: 0, host: '127.0.0.1' });
      (await connect(listeningUrl(first), { ticket })).close();
      await first.close();

      const restarted = await createTestApp();
      await restarted.app.listen({ port: 0, host: '127.0.0.1' });
      try {
        await expect(connect(listeningUrl(restarted), { ticket })).rejects.toThrow(
          'This session ticket has already been used',
        );
      } finally {
        await restarted.close();
      }
    });
  });
});
