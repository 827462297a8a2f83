import { readFileSync, rmSync } from 'node:fs';
import { dropDatabase, dropRole } from './database';
import { STATE_FILE } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as {
    serverUrl: string;
    name: string;
    role: string;
    clusterDir: string | null;
  };
  rmSync(STATE_FILE, { force: true });
  const db = (globalThis as { __embeddedDb?: { stop(): Promise<void> } }).__embeddedDb;
  if (db) {
    // The whole throw-away cluster goes, database and all.
    await db.stop();
    if (state.clusterDir) rmSync(state.clusterDir, { recursive: true, force: true });
    return;
  }
  if (process.env.KEEP_TEST_DB) return;
  await dropDatabase(state.serverUrl, state.name);
  await dropRole(state.serverUrl, state.role);
}
