import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from './config/app-config';
import { migrateDatabase, rolesSetupSql } from './database/database-roles';
import { openDatabase } from './database/open-database';
import { typeormOptions } from './database/typeorm-options';
import { seedDemoData } from './seed/seeder';

const USAGE = `Usage: node dist/apps/api/src/cli.js <command>
  migrate                                  apply pending migrations as the schema owner, then grant the API's role
  migrate:revert                           revert the last migration
  seed                                     migrate, then load the demo data (idempotent)
  roles-sql [owner] [runtime] [database]   print the SQL that sets up the owner and API roles for DATABASE_URL`;

const COMMANDS = ['migrate', 'migrate:revert', 'seed', 'roles-sql'];

function userOf(url: string | undefined): string | undefined {
  return url ? decodeURIComponent(new URL(url).username) || undefined : undefined;
}

/** Operator commands that need the database (or, for roles-sql, only its names) but not the HTTP server. */
async function main(command: string | undefined, args: string[]): Promise<void> {
  if (!command || !COMMANDS.includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(64);
  }
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  if (command === 'roles-sql') {
    const database = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL).pathname.slice(1) : undefined;
    say(
      rolesSetupSql({
        owner: args[0] ?? userOf(process.env.MIGRATION_DATABASE_URL) ?? 'distans_owner',
        runtime: args[1] ?? userOf(process.env.DATABASE_URL) ?? 'distans_app',
        database: args[2] ?? (database || 'distans'),
      }),
    );
    return;
  }
  const config = loadConfig();
  const database = await openDatabase(config, say);
  try {
    if (command === 'migrate:revert') {
      const owner = new DataSource(typeormOptions(database.migrationUrl, 2));
      await owner.initialize();
      await owner.undoLastMigration({ transaction: 'each' }).finally(() => owner.destroy());
      say('Reverted the last migration');
      return;
    }
    const { applied, warnings } = await migrateDatabase(database);
    say(applied.length ? `Applied ${applied.join(', ')}` : 'Schema is up to date');
    for (const warning of warnings) say(`Warning: ${warning}`);
    if (command === 'seed') {
      const db = new DataSource(typeormOptions(database.url, 2));
      await db.initialize();
      say(await seedDemoData(db, config, say).finally(() => db.destroy()));
    }
  } finally {
    await database.stop();
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
