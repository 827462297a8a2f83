import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who took part in a video session and when, for statistics and follow-up (one row per
 * connection of a participant: a reconnect closes the old row and opens a new one). Media and
 * chat are never stored anywhere; this table is the only trace a session leaves.
 */
export class Sessions1764100000000 implements MigrationInterface {
  name = 'Sessions1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE session_participation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booking_id uuid NOT NULL REFERENCES booking(id),
        peer_role text NOT NULL CHECK (peer_role IN ('HANDLER', 'INTERPRETER', 'ROOM_DEVICE')),
        -- The user, or for ROOM_DEVICE the room device; no foreign key because devices and users differ.
        actor_id uuid NOT NULL,
        joined_at timestamptz NOT NULL DEFAULT now(),
        left_at timestamptz,
        leave_reason text CHECK (leave_reason IN ('LEFT', 'DROPPED', 'REPLACED', 'ENDED', 'WORKER_LOST')),
        CHECK ((left_at IS NULL) = (leave_reason IS NULL)),
        CHECK (left_at IS NULL OR left_at >= joined_at)
      );
      CREATE INDEX session_participation_booking_idx ON session_participation (booking_id, joined_at);
      CREATE INDEX session_participation_joined_idx ON session_participation (joined_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS session_participation`);
  }
}
