import { DataSource } from 'typeorm';
import { typeormOptions } from '../../apps/api/src/database/typeorm-options';
import { createDatabase, dropDatabase, withDatabase } from '../support/database';

describe('Migrations', () => {
  const server = (): string => process.env.TEST_SERVER_URL!;
  const name = `distans_migrations_${Date.now()}`;
  let db: DataSource;

  beforeAll(async () => {
    await createDatabase(server(), name);
    db = new DataSource(typeormOptions(withDatabase(server(), name), 2));
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await dropDatabase(server(), name);
  });

  it('should build the whole schema on an empty database, and take it down again', async () => {
    const applied = await db.runMigrations({ transaction: 'each' });
    expect(applied.length).toBeGreaterThan(0);
    const tables: { table_name: string }[] = await db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        'office',
        'room',
        'agency',
        'case_type',
        'app_user',
        'audit_log',
        'room_device',
        'migrations',
      ]),
    );
    expect(await db.runMigrations()).toEqual([]);

    for (let i = 0; i < applied.length; i += 1) await db.undoLastMigration({ transaction: 'each' });
    const left: unknown[] = await db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(left).toEqual([]);
    expect((await db.runMigrations({ transaction: 'each' })).length).toBe(applied.length);
  });

  it('should keep the audit log append-only even for direct SQL', async () => {
    await db.query(`INSERT INTO audit_log (actor_role, action, resource_type) VALUES ('ADMIN', 'test', 'test')`);
    await expect(db.query(`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('should refuse a handler case type from another agency at the database level', async () => {
    const [a] = await db.query(`INSERT INTO agency (code, name_sv, name_en) VALUES ('AAA', 'A', 'A') RETURNING id`);
    const [b] = await db.query(`INSERT INTO agency (code, name_sv, name_en) VALUES ('BBB', 'B', 'B') RETURNING id`);
    const [ct] = await db.query(
      `INSERT INTO case_type (agency_id, code, name_sv, name_en, duration_min) VALUES ($1, 'xx', 'x', 'x', 30) RETURNING id`,
      [b.id],
    );
    const [u] = await db.query(
      `INSERT INTO app_user (email, display_name, role, password_hash, agency_id) VALUES ('h@x.se', 'H', 'HANDLER', 'x', $1) RETURNING id`,
      [a.id],
    );
    await expect(
      db.query(`INSERT INTO handler_case_type (user_id, agency_id, case_type_id) VALUES ($1, $2, $3)`, [
        u.id,
        a.id,
        ct.id,
      ]),
    ).rejects.toThrow(/foreign key/);
    await expect(
      db.query(
        `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ('h2@x.se', 'H', 'HANDLER', 'x')`,
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
