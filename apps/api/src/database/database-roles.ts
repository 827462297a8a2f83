import { Client, escapeIdentifier } from 'pg';
import { DataSource } from 'typeorm';
import { typeormOptions } from './typeorm-options';

/**
 * Least privilege in the database. Migrations run as the role that owns the schema; the API runs
 * as a separate login role that owns nothing and is no superuser, so a compromised or buggy process
 * cannot rewrite history: it may add to the append-only tables and read them, never change, empty,
 * alter or drop them (which an owner could, e.g. `ALTER TABLE audit_log DISABLE TRIGGER USER`).
 *
 * What the runtime role may do is granted here, after every migration run, not in the migrations:
 * a new table is covered by the next run (and by default privileges in between), and the one rule
 * a migration author must know is APPEND_ONLY_TABLES.
 */

/**
 * Tables whose rows are never changed or removed. Each also has the append-only trigger
 * (`audit_log_append_only`), which holds even for the owner; a test checks the two agree.
 */
export const APPEND_ONLY_TABLES = ['audit_log', 'booking_event', 'security_event'] as const;

/** The SQL that gives `role` exactly what the API needs on the current database. Idempotent. */
export function runtimeGrantStatements(role: string): string[] {
  const r = escapeIdentifier(role);
  const appendOnly = APPEND_ONLY_TABLES.join(', ');
  return [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${appendOnly} FROM ${r}`,
    // Old audit rows go only through this function, which keeps every row for at least a year.
    `GRANT EXECUTE ON FUNCTION purge_expired_audit(integer) TO ${r}`,
    // The migration history is the owner's business.
    `REVOKE ALL ON migrations FROM ${r}`,
    // Tables the owner creates later (before the next grant run) are usable at once.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO ${r}`,
  ];
}

/** The attributes a runtime login role must have: no way to become or act as an owner. */
export const RUNTIME_ROLE_ATTRIBUTES = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';

/**
 * What a DBA runs once for a DATABASE_URL setup (`cli.js roles-sql`): an owner role for
 * migrations, a runtime role for the API, and, for review, the grants every migration run applies.
 */
export function rolesSetupSql(names: { owner: string; runtime: string; database: string }): string {
  const owner = escapeIdentifier(names.owner);
  const runtime = escapeIdentifier(names.runtime);
  const database = escapeIdentifier(names.database);
  return [
    `-- Distans database roles. Run once as a superuser (or a role with CREATEROLE and CREATEDB),`,
    `-- replacing the passwords, then configure the API with`,
    `--   MIGRATION_DATABASE_URL=postgres://${names.owner}:<password>@<host>/${names.database}   (migrations)`,
    `--   DATABASE_URL=postgres://${names.runtime}:<password>@<host>/${names.database}            (the API)`,
    `-- and run \`npm run migrate\` (or start the API with DB_MIGRATE_ON_START=true).`,
    `CREATE ROLE ${owner} LOGIN NOSUPERUSER PASSWORD '<owner password>';`,
    `CREATE ROLE ${runtime} ${RUNTIME_ROLE_ATTRIBUTES} PASSWORD '<runtime password>';`,
    `CREATE DATABASE ${database} OWNER ${owner};`,
    `-- For an existing database instead: ALTER DATABASE ${database} OWNER TO ${owner};`,
    `-- and, if its tables belong to another (non-superuser) role: REASSIGN OWNED BY <old owner> TO ${owner};`,
    `\\connect ${database}`,
    `-- Only the owner creates in schema public (already so since PostgreSQL 15).`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC;`,
    `ALTER SCHEMA public OWNER TO ${owner};`,
    ``,
    `-- Applied as ${names.owner} after every migration run; shown here for review only:`,
    ...runtimeGrantStatements(names.runtime).map((statement) => `--   ${statement};`),
    ``,
  ].join('\n');
}

async function whoIs(url: string): Promise<{ name: string; superuser: boolean }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; superuser: boolean }>(
      `SELECT current_user AS name, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations as the owner (`migrationUrl`), then grants the runtime role (the user
 * of the API's connection, `url`) what it needs. Instances starting together take turns; the later ones find
 * nothing to do. Returns the names of the migrations applied and what the caller should warn about.
 */
export async function migrateDatabase(options: {
  migrationUrl: string;
  url: string;
}): Promise<{ applied: string[]; warnings: string[] }> {
  const owner = new DataSource(typeormOptions(options.migrationUrl, 2));
  await owner.initialize();
  const lock = owner.createQueryRunner();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('distans:migrate'))`);
    const applied = await owner.runMigrations({ transaction: 'each' });
    const [{ name: ownerRole }]: { name: string }[] = await owner.query(`SELECT current_user AS name`);
    const runtime = await whoIs(options.url);
    const warnings: string[] = [];
    if (runtime.name === ownerRole) {
      warnings.push(
        `The API connects as ${ownerRole}, the role that runs the migrations and owns the tables, so the ` +
          'audit log is not protected from it. Give it a role of its own: see MIGRATION_DATABASE_URL in .env.example.',
      );
    } else {
      for (const statement of runtimeGrantStatements(runtime.name)) await owner.query(statement);
    }
    if (runtime.superuser)
      warnings.push(`The API connects as ${runtime.name}, a superuser: give it a plain login role.`);
    return { applied: applied.map((m) => m.name), warnings };
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext('distans:migrate'))`).catch(() => undefined);
    await lock.release();
    await owner.destroy();
  }
}
