import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase, createRuntimeRole, withDatabase, withLogin } from './database';
import { startThrowawayPostgres } from './throwaway-postgres';

export const STATE_FILE = join(__dirname, '..', '..', '.data', `test-db-${process.pid}.json`);

/**
 * One fresh database per test run: on DATABASE_URL's server when it is set (CI machines have
 * one), otherwise on an embedded PostgreSQL of this run's own, in a temporary directory on a free
 * port, so that test runs never share or stop each other's server. As in production, the schema
 * belongs to the server's superuser, which runs the real migrations when the first app starts, and
 * the apps connect as a login role of the run's own that owns nothing.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  let clusterDir: string | null = null;
  if (!serverUrl) {
    const db = await startThrowawayPostgres('distans-test-pg-', (line) => {
      if (/FATAL|PANIC/.test(line)) process.stderr.write(`[test-postgres] ${line}\n`);
    });
    (globalThis as { __embeddedDb?: unknown }).__embeddedDb = db;
    clusterDir = db.dir;
    serverUrl = db.url;
  }
  const name = `distans_test_${Date.now()}_${process.pid}`;
  await createDatabase(serverUrl, name);
  // Roles belong to the whole server, which other test runs may share: one of this run's own.
  const runtime = { user: `${name}_app`, password: randomBytes(18).toString('base64url') };
  await createRuntimeRole(serverUrl, runtime);
  process.env.TEST_SERVER_URL = serverUrl;
  process.env.TEST_MIGRATION_DATABASE_URL = withDatabase(serverUrl, name);
  process.env.TEST_DATABASE_URL = withLogin(withDatabase(serverUrl, name), runtime);
  mkdirSync(join(__dirname, '..', '..', '.data'), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify({ serverUrl, name, role: runtime.user, clusterDir }));
}
