import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { StaffCallEvent } from '@distans/contracts';
import pino from 'pino';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { migrateDatabase } from '../../apps/api/src/database/database-roles';
import { Factory } from '../support/factories';
import { freePort } from '../support/free-port';
import { OwnedPostgres, ownedPostgres } from '../support/owned-postgres';
import { TEST_JWT_SECRET, TEST_PASSWORD } from '../support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Faults of the database itself, on an embedded PostgreSQL that this test owns and may stop and
 * start (never the machine's shared server). It starts as a demo installation from before the
 * API had a role of its own would, and upgrades.
 */
describe('Database faults', () => {
  let dir: string;
  let port: number;
  let db: OwnedPostgres;
  let app: NestFastifyApplication;
  let socket: Socket;
  let staffToken: string;
  let office: { id: string };
  let room: { id: string };
  const start = () => ownedPostgres(join(dir, 'postgres'), port);
  const calls: string[] = [];

  const inject = (url: string, token?: string) =>
    app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'distans-faults-'));
    chmodSync(dir, 0o755);
    port = await freePort();

    // An installation from before: its superuser ran the migrations and served the API, and its
    // credentials file knows only that one role.
    db = await start();
    const superuser = new Client({ connectionString: db.migrationUrl });
    await superuser.connect();
    await superuser.query(`DROP ROLE distans_app`);
    await superuser.end();
    await migrateDatabase({ migrationUrl: db.migrationUrl, url: db.migrationUrl });
    await db.stop();
    const credentialsFile = join(dir, 'postgres.credentials.json');
    const { user, password } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as Record<string, string>;
    writeFileSync(credentialsFile, JSON.stringify({ user, password }), { mode: 0o600 });

    // The upgraded start, as main.ts does it.
    db = await start();
    const config = loadConfig({
      NODE_ENV: 'test',
      JWT_ACCESS_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      MEDIA_WORKERS: '1',
      MEDIA_WEBRTC_PORT: '0',
      JOB_INTERVAL_SECONDS: '0',
    });
    config.MIGRATION_DATABASE_URL = db.migrationUrl;
    app = await createApp(config, db.url, pino({ level: 'silent' }));
    await app.listen({ port: 0, host: '127.0.0.1' });

    const f = new Factory(app.get(DataSource));
    office = await f.office();
    room = await f.room(office.id);
    const staff = await f.user('OFFICE_STAFF', { officeIds: [office.id] });
    const login = await app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'POST', url: '/auth/login', payload: { email: staff.email, password: TEST_PASSWORD } });
    staffToken = (JSON.parse(login.body) as { accessToken: string }).accessToken;
    socket = io(`${await app.getUrl()}/live`, { auth: { token: staffToken }, transports: ['websocket'] });
    socket.on('staff.call', (event: StaffCallEvent) => calls.push(event.callId));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    await sleep(200);
  }, 120_000);

  afterAll(async () => {
    socket?.close();
    await app?.close();
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const callStaff = async (): Promise<string> => {
    const [row] = await app
      .get(DataSource)
      .query(`INSERT INTO staff_call (office_id, room_id) VALUES ($1, $2) RETURNING id`, [office.id, room.id]);
    return row.id as string;
  };

  /** How often one call for staff reached the office's live socket. */
  const deliveries = async (): Promise<number> => {
    const id = await callStaff();
    await sleep(1000);
    return calls.filter((c) => c === id).length;
  };

  it('should run an upgraded demo installation as its own role, which owns nothing', async () => {
    const [me] = await app
      .get(DataSource)
      .query(`SELECT current_user AS name, rolsuper FROM pg_roles WHERE rolname = current_user`);
    expect(me).toEqual({ name: 'distans_app', rolsuper: false });
    const credentials = JSON.parse(readFileSync(join(dir, 'postgres.credentials.json'), 'utf8')) as {
      runtime?: unknown;
    };
    expect(credentials.runtime).toMatchObject({ user: 'distans_app' });
    expect((await inject('/me', staffToken)).statusCode).toBe(200);
  });

  it('should answer 503 with Retry-After while the database is down, and recover after it', async () => {
    await db.stop();
    try {
      for (const [url, token] of [['/regions'], ['/me', staffToken]] as [string, string?][]) {
        const res = await inject(url, token);
        expect({ url, status: res.statusCode }).toEqual({ url, status: 503 });
        expect(res.headers['retry-after']).toBe('5');
        expect(JSON.parse(res.body)).toMatchObject({
          statusCode: 503,
          error: 'Service Unavailable',
          correlationId: expect.any(String),
        });
      }
    } finally {
      db = await start();
    }
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i += 1) {
      status = (await inject('/regions')).statusCode;
      if (status !== 200) await sleep(200);
    }
    expect(status).toBe(200);
  });

  /** The listener reconnects with backoff after an outage: waits until events flow again. */
  const firstDeliveries = async (): Promise<number> => {
    let delivered = 0;
    for (let i = 0; i < 20 && delivered === 0; i += 1) delivered = await deliveries();
    return delivered;
  };

  it('should deliver each live event exactly once after the database restarted', async () => {
    expect(await firstDeliveries()).toBe(1);
    // A fast shutdown and a start: pg reports the loss twice (the server's 57P01, then the closed
    // socket), and each report used to start a reconnection of its own.
    await db.restart();
    expect(await firstDeliveries()).toBe(1);
    // Long enough for a second reconnection to have happened, had one been started.
    await sleep(5000);
    expect(await deliveries()).toBe(1);
    const listeners = await app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND usename = current_user`);
    expect(listeners).toEqual([{ n: 1 }]);
  });
});
