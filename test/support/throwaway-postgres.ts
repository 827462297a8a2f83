import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { freePort } from './free-port';

export interface ThrowawayPostgres {
  /** Connection string of the server as its superuser (its `distans` database). */
  url: string;
  /** The temporary directory the cluster lives in. */
  dir: string;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

/**
 * The app's embedded PostgreSQL, started for one run of the tests or a benchmark in a temporary
 * directory on a free port, so that runs on one machine never share or stop each other's server.
 */
export async function startThrowawayPostgres(prefix: string, log: (line: string) => void): Promise<ThrowawayPostgres> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the directory.
  await chmod(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port: await freePort(), log });
  return {
    // The superuser, which creates the databases and roles of a run and owns their schema.
    url: db.migrationUrl,
    dir,
    stop: async () => {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
