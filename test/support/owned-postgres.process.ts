// The child process behind ownedPostgres(): starts the embedded PostgreSQL and prints its URLs as
// one JSON line; on SIGUSR2 restarts it (a fast shutdown and a start, as an administrator's
// restart) and prints "restarted"; on SIGTERM stops it and exits.
import { EmbeddedDatabase, startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
const start = (): Promise<EmbeddedDatabase> =>
  startEmbeddedPostgres({ dataDir, port: Number(port), log: () => undefined });

start().then(
  (first) => {
    let db = first;
    process.stdout.write(`${JSON.stringify({ url: db.url, migrationUrl: db.migrationUrl })}\n`);
    process.on('SIGUSR2', () => {
      void db
        .stop()
        .then(start)
        .then((next) => {
          db = next;
          process.stdout.write('restarted\n');
        });
    });
    process.once('SIGTERM', () => void db.stop().then(() => process.exit(0)));
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
