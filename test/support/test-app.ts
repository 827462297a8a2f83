import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';

export const TEST_PASSWORD = 'correct horse battery staple';
/** The test apps' JWT_ACCESS_SECRET, for tests that forge tokens signed with the right key. */
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestApp {
  app: NestFastifyApplication;
  db: DataSource;
  request(
    method: string,
    url: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  body: any;
  headers: Record<string, string | string[] | number | undefined>;
}

function fromGlobalSetup(name: 'TEST_DATABASE_URL' | 'TEST_MIGRATION_DATABASE_URL'): string {
  const url = process.env[name];
  if (!url) throw new Error(`${name} is not set: run integration tests through jest --selectProjects integration`);
  return url;
}

/** The run's test database as the API's login role, which owns nothing. */
export function testDatabaseUrl(): string {
  return fromGlobalSetup('TEST_DATABASE_URL');
}

/** The same database as its owner, which runs the migrations. */
export function testMigrationDatabaseUrl(): string {
  return fromGlobalSetup('TEST_MIGRATION_DATABASE_URL');
}

/** The real application (same pipes, guards, filters, migrations) on the run's test database. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_ACCESS_SECRET: TEST_JWT_SECRET,
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    // Test files book many times from one address and one phone number; the abuse-limit spec
    // sets its own limits.
    MAX_ACTIVE_BOOKINGS_PER_CONTACT: '100000',
    MAX_BOOKINGS_PER_ADDRESS_PER_DAY: '1000000',
    BURST_BOOKINGS: '1000000',
    LOG_LEVEL: 'silent',
    // One media worker on free ports: test runs on one machine must not fight over fixed ports.
    MEDIA_WORKERS: '1',
    MEDIA_WEBRTC_PORT: '0',
    // The API's own role; the migrations run as the database's owner (see global-setup).
    DATABASE_URL: testDatabaseUrl(),
    MIGRATION_DATABASE_URL: testMigrationDatabaseUrl(),
    ...env,
  });
  const app = await createApp(config, config.DATABASE_URL!, pino({ level: config.LOG_LEVEL }));
  const fastify = app.getHttpAdapter().getInstance();
  return {
    app,
    db: app.get(DataSource),
    async request(method, url, options = {}) {
      const res = await fastify.inject({
        method: method as 'GET',
        url,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        payload: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      let body: unknown = res.body;
      try {
        body = res.body ? JSON.parse(res.body) : undefined;
      } catch {
        // not JSON (e.g. the Swagger UI page)
      }
      return { status: res.statusCode, body, headers: res.headers };
    },
    close: () => app.close(),
  };
}

/** Listens on a free loopback port for a browser to reach; answers the base URL. */
export async function listenOnLoopback(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${new URL(await t.app.getUrl()).port}`;
}

let counter = 0;
/** Unique suffix so that test files sharing one database never collide on unique names. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
