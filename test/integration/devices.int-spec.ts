import { Factory, login } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('Room device pairing', () => {
  let t: TestApp;
  let staff: string;
  let room: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestApp({ PAIRING_CODE_TTL_MINUTES: '10' });
    const f = new Factory(t.db);
    const office = await f.office();
    room = await f.room(office.id);
    staff = await login(t, await f.user('OFFICE_STAFF', { officeIds: [office.id] }));
  });
  afterAll(() => t.close());

  const newCode = async (): Promise<string> => {
    const res = await t.request('POST', `/rooms/${room.id}/pairing-codes`, { token: staff });
    expect(res.status).toBe(201);
    expect(res.body.code).toMatch(/^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    return res.body.code as string;
  };

  it('should pair a kiosk once per code and bind it to the room', async () => {
    const code = await newCode();
    const typed = code.toLowerCase().replace('-', ' ');
    const paired = await t.request('POST', '/devices/pair', { body: { code: typed, label: 'Door screen' } });
    expect(paired.status).toBe(200);
    expect(paired.body.room).toEqual({ id: room.id, name: room.name });
    const me = await t.request('GET', '/me', { token: paired.body.deviceToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'ROOM_DEVICE', room: { id: room.id } });

    const again = await t.request('POST', '/devices/pair', { body: { code } });
    expect(again.status).toBe(401);
    expect(again.body.message).toMatch(/already used or expired/);
  });

  it('should store only hashes of codes and tokens', async () => {
    const code = await newCode();
    const paired = await t.request('POST', '/devices/pair', { body: { code } });
    const codes = await t.db.query(`SELECT code_hash FROM room_pairing_code`);
    const devices = await t.db.query(`SELECT token_hash FROM room_device`);
    const stored = JSON.stringify([codes, devices]);
    expect(stored).not.toContain(code.replace('-', ''));
    expect(stored).not.toContain(paired.body.deviceToken);
  });

  it('should refuse an expired code', async () => {
    const code = await newCode();
    await t.db.query(
      `UPDATE room_pairing_code SET created_at = now() - interval '11 minutes', expires_at = now() - interval '1 minute' WHERE used_at IS NULL`,
    );
    expect((await t.request('POST', '/devices/pair', { body: { code } })).status).toBe(401);
  });

  it('should let exactly one of two kiosks racing with the same code win', async () => {
    const code = await newCode();
    const results = await Promise.all([1, 2, 3].map(() => t.request('POST', '/devices/pair', { body: { code } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });

  it('should list devices and refuse a revoked one at once', async () => {
    const paired = await t.request('POST', '/devices/pair', { body: { code: await newCode() } });
    const list = await t.request('GET', `/rooms/${room.id}/devices`, { token: staff });
    expect(list.status).toBe(200);
    expect(list.body.map((d: { id: string }) => d.id)).toContain(paired.body.deviceId);
    expect(JSON.stringify(list.body)).not.toContain(paired.body.deviceToken);

    expect((await t.request('DELETE', `/devices/${paired.body.deviceId}`, { token: staff })).status).toBe(204);
    const refused = await t.request('GET', '/me', { token: paired.body.deviceToken });
    expect(refused.status).toBe(401);
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'room-device.revoke' AND resource_id = $1`, [
      paired.body.deviceId,
    ]);
    expect(audit.length).toBe(1);
  });

  it('should keep a room device away from staff endpoints', async () => {
    const paired = await t.request('POST', '/devices/pair', { body: { code: await newCode() } });
    expect((await t.request('GET', '/users', { token: paired.body.deviceToken })).status).toBe(403);
    expect(
      (await t.request('POST', `/rooms/${room.id}/pairing-codes`, { token: paired.body.deviceToken })).status,
    ).toBe(403);
  });
});
