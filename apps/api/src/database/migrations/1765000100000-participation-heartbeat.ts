import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An open participation (left_at NULL) is only as true as the process that holds it: if the API
 * dies mid-meeting, nobody records the leave. So the holder stamps `seen_at` on every job round,
 * and rows nobody has stamped for a while are closed at their last stamp (at start-up and by the
 * sweep), so that statistics never count people who have gone. Earlier rows count as seen when
 * they started or ended.
 */
export class ParticipationHeartbeat1765000100000 implements MigrationInterface {
  name = 'ParticipationHeartbeat1765000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE session_participation ADD COLUMN seen_at timestamptz;
      UPDATE session_participation SET seen_at = coalesce(left_at, joined_at);
      ALTER TABLE session_participation
        ALTER COLUMN seen_at SET NOT NULL,
        ALTER COLUMN seen_at SET DEFAULT now(),
        ADD CONSTRAINT session_participation_seen_check CHECK (seen_at >= joined_at);
      CREATE INDEX session_participation_open_idx ON session_participation (seen_at) WHERE left_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS session_participation_open_idx;
      ALTER TABLE session_participation DROP COLUMN IF EXISTS seen_at;
    `);
  }
}
