import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session tickets are single use. Which ones were used is kept here rather than in one process's
 * memory, so that a ticket stays used after an API restart and whichever instance it is shown to.
 * A row is needed only until its ticket has expired.
 */
export class UsedSessionTickets1765000000000 implements MigrationInterface {
  name = 'UsedSessionTickets1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE used_session_ticket (
        jti uuid PRIMARY KEY,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX used_session_ticket_expires_idx ON used_session_ticket (expires_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS used_session_ticket`);
  }
}
