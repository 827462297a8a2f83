import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { EmbeddedDatabase } from '../../apps/api/src/database/embedded-postgres';

const ROOT = join(__dirname, '..', '..');

export interface OwnedPostgres extends EmbeddedDatabase {
  /** A fast shutdown and an immediate start, as an administrator's restart. */
  restart(): Promise<void>;
}

/**
 * An embedded PostgreSQL that one test owns and may stop, start and restart (the machine's shared
 * server is never touched). It runs in a child process because Jest's module sandbox cannot load
 * the ES module behind embedded-postgres; the child starts it exactly as the API does.
 */
export function ownedPostgres(dataDir: string, port: number): Promise<OwnedPostgres> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(__dirname, 'owned-postgres.process.ts'),
      dataDir,
      String(port),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  const nextLine = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const line = lines.shift();
      if (line !== undefined) return resolve(line);
      child.once('exit', (code) => reject(new Error(`the embedded PostgreSQL process exited (${code})`)));
      waiting.push(resolve);
    });
  return nextLine().then((line) => {
    const urls = JSON.parse(line) as { url: string; migrationUrl: string };
    return {
      ...urls,
      restart: async () => {
        child.kill('SIGUSR2');
        if ((await nextLine()) !== 'restarted') throw new Error('the embedded PostgreSQL did not restart');
      },
      stop: () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    };
  });
}
