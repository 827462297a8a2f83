import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { createDatabase, withDatabase } from './database';

export const STATE_FILE = join(__dirname, '..', '..', '.data', 'test-db.json');

/**
 * One fresh database per test run, on DATABASE_URL's server when it is set (CI) and on an
 * embedded PostgreSQL otherwise. The real migrations run when the first app starts.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  let embedded = false;
  if (!serverUrl) {
    const db = await startEmbeddedPostgres({
      dataDir: join(__dirname, '..', '..', '.data', 'test-postgres'),
      port: Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339),
      log: (line) => {
        if (/FATAL|PANIC|Initialising/.test(line)) process.stderr.write(`[test-postgres] ${line}\n`);
      },
    });
    (globalThis as { __embeddedDb?: unknown }).__embeddedDb = db;
    serverUrl = db.url;
    embedded = true;
  }
  const name = `distans_test_${Date.now()}_${process.pid}`;
  await createDatabase(serverUrl, name);
  process.env.TEST_SERVER_URL = serverUrl;
  process.env.TEST_DATABASE_URL = withDatabase(serverUrl, name);
  mkdirSync(join(__dirname, '..', '..', '.data'), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify({ serverUrl, name, embedded }));
}
