import { readFileSync, rmSync } from 'node:fs';
import { dropDatabase } from './database';
import { STATE_FILE } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { serverUrl: string; name: string };
  if (!process.env.KEEP_TEST_DB) await dropDatabase(state.serverUrl, state.name);
  rmSync(STATE_FILE, { force: true });
  const db = (globalThis as { __embeddedDb?: { stop(): Promise<void> } }).__embeddedDb;
  if (db) await db.stop();
}
