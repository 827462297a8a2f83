import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from './config/app-config';
import { typeormOptions } from './database/typeorm-options';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { seedDemoData } from './seed/seeder';

const USAGE = 'Usage: node dist/apps/api/src/cli.js <migrate|migrate:revert|seed>';

/** Operator commands that need the database but not the HTTP server. */
async function main(command: string | undefined): Promise<void> {
  if (!command || !['migrate', 'migrate:revert', 'seed'].includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(64);
  }
  const config = loadConfig();
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  const database = config.DATABASE_URL
    ? { url: config.DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, log: say });
  const db = new DataSource({ ...typeormOptions(database.url, 2, false) });
  await db.initialize();
  try {
    if (command === 'migrate:revert') {
      await db.undoLastMigration({ transaction: 'each' });
      say('Reverted the last migration');
    } else {
      const applied = await db.runMigrations({ transaction: 'each' });
      say(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'Schema is up to date');
    }
    if (command === 'seed') say(await seedDemoData(db, config, say));
  } finally {
    await db.destroy();
    await database.stop();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
