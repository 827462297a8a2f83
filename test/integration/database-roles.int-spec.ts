import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../apps/api/src/config/config.tokens';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import { APPEND_ONLY_TABLES, migrateDatabase, rolesSetupSql } from '../../apps/api/src/database/database-roles';
import { dropDatabase, dropRole, withDatabase, withLogin } from '../support/database';
import { createTestApp, TestApp, testMigrationDatabaseUrl } from '../support/test-app';

/** Each attempt in a transaction of its own that is rolled back, whatever the attempt did. */
async function attempt(db: DataSource, sql: string): Promise<string> {
  const runner = db.createQueryRunner();
  await runner.startTransaction();
  try {
    await runner.query(sql);
    return 'allowed';
  } catch (error) {
    return (error as Error).message;
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

describe('Least privilege in the database', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should run the API as a login role that owns nothing and is no superuser', async () => {
    const [me] = await t.db.query(
      `SELECT current_user AS name, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(me).toMatchObject({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      owned: 0,
    });
    const [owner] = await t.db.query(`SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log'`);
    expect(owner.tableowner).not.toBe(me.name);
  });

  it('should let the API add to the audit log and read it, but never change, empty or alter it', async () => {
    const insert = `INSERT INTO audit_log (actor_role, action, resource_type) VALUES ('ADMIN', 'test.least-privilege', 'test')`;
    expect(await attempt(t.db, insert)).toBe('allowed');
    expect(await attempt(t.db, `SELECT count(*) FROM audit_log`)).toBe('allowed');
    for (const sql of [
      `UPDATE audit_log SET action = 'rewritten'`,
      `DELETE FROM audit_log`,
      `TRUNCATE audit_log`,
      `UPDATE booking_event SET kind = 'rewritten'`,
      `DELETE FROM booking_event`,
      `SET session_replication_role = replica`,
    ]) {
      expect({ sql, outcome: await attempt(t.db, sql) }).toEqual({
        sql,
        outcome: expect.stringMatching(/permission denied/),
      });
    }
    for (const sql of [
      `ALTER TABLE audit_log DISABLE TRIGGER USER`,
      `DROP TRIGGER audit_log_no_update ON audit_log`,
      `DROP TABLE audit_log`,
      `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
    ]) {
      expect({ sql, outcome: await attempt(t.db, sql) }).toEqual({
        sql,
        outcome: expect.stringMatching(/must be owner|permission denied/),
      });
    }
    expect(await attempt(t.db, `CREATE TABLE sneaky (id int)`)).toMatch(/permission denied for schema public/);
    expect(await attempt(t.db, `SELECT * FROM migrations`)).toMatch(/permission denied/);
  });

  it('should agree with the migrations on which tables are append-only', async () => {
    const rows: { table: string }[] = await t.db.query(
      `SELECT DISTINCT c.relname AS table FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
        WHERE g.tgfoid = 'audit_log_append_only'::regproc ORDER BY 1`,
    );
    expect(rows.map((r) => r.table)).toEqual([...APPEND_ONLY_TABLES].sort());
  });

  it('should let the API use a table that the owner creates after the grants (default privileges)', async () => {
    const owner = new Client({ connectionString: testMigrationDatabaseUrl() });
    await owner.connect();
    try {
      await owner.query(`CREATE TABLE later_table (id int)`);
      expect(await attempt(t.db, `INSERT INTO later_table VALUES (1)`)).toBe('allowed');
      expect(await attempt(t.db, `TRUNCATE later_table`)).toMatch(/permission denied/);
    } finally {
      await owner.query(`DROP TABLE later_table`);
      await owner.end();
    }
  });

  it('should set up a working pair of roles from the SQL that roles-sql prints for a DBA', async () => {
    const server = process.env.TEST_SERVER_URL!;
    const suffix = `${Date.now()}_${process.pid}`;
    const names = { owner: `dba_owner_${suffix}`, runtime: `dba_app_${suffix}`, database: `dba_db_${suffix}` };
    const passwords = { owner: randomBytes(12).toString('hex'), runtime: randomBytes(12).toString('hex') };
    const sql = rolesSetupSql(names)
      .replace('<owner password>', passwords.owner)
      .replace('<runtime password>', passwords.runtime);
    const statements = sql
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('--'))
      .map((line) => line.replace(/;$/, ''));
    let client = new Client({ connectionString: server });
    await client.connect();
    try {
      for (const statement of statements) {
        if (statement.startsWith('\\connect ')) {
          await client.end();
          client = new Client({ connectionString: withDatabase(server, names.database) });
          await client.connect();
        } else {
          await client.query(statement);
        }
      }
      await client.end();
      const database = withDatabase(server, names.database);
      const migrationUrl = withLogin(database, { user: names.owner, password: passwords.owner });
      const url = withLogin(database, { user: names.runtime, password: passwords.runtime });
      const { applied, warnings } = await migrateDatabase({ migrationUrl, url });
      expect(applied.length).toBeGreaterThan(0);
      expect(warnings).toEqual([]);

      client = new Client({ connectionString: url });
      await client.connect();
      await client.query(`INSERT INTO audit_log (actor_role, action, resource_type) VALUES ('ADMIN', 'dba', 'test')`);
      await expect(client.query(`ALTER TABLE audit_log DISABLE TRIGGER USER`)).rejects.toThrow(/must be owner/);
      await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.end().catch(() => undefined);
      await dropDatabase(server, names.database);
      await dropRole(server, names.runtime);
      await dropRole(server, names.owner);
    }
  });

  it('should warn when the API would run as the role that owns the schema', async () => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const { warnings } = await migrateDatabase({
      migrationUrl: config.MIGRATION_DATABASE_URL!,
      url: config.MIGRATION_DATABASE_URL!,
    });
    expect(warnings.join(' ')).toMatch(/owns the tables/);
  });
});
