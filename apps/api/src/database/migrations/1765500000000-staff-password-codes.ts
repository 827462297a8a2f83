import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time codes with which a staff member chooses their own password: an administrator's
 * invitation of a new colleague, or a reset. Nobody but the person ever knows the password, and
 * no password travels by e-mail. Only the SHA-256 of a code is kept; a code works once, until it
 * expires, and a newer code for the same person replaces the older one.
 */
export class StaffPasswordCodes1765500000000 implements MigrationInterface {
  name = 'StaffPasswordCodes1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        code_hash text NOT NULL UNIQUE,
        purpose text NOT NULL CHECK (purpose IN ('INVITE', 'RESET')),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CHECK (expires_at > created_at),
        CHECK (used_at IS NULL OR used_at >= created_at)
      );
      -- At most one code per person can still be used.
      CREATE UNIQUE INDEX password_code_open_idx ON password_code (user_id) WHERE used_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS password_code`);
  }
}
