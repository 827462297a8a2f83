import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-up without personal data (statistics, the visitor survey) and the retention of personal
 * data.
 *
 * - `security_event`: security and personal-data events as they happen (locked accounts, refused
 *   out-of-scope requests, forged or replayed tokens, revoked room screens), with nobody named but
 *   the actor. Append-only like the audit log.
 * - `survey_answer`: the visitor survey, stored with office, agency, case type and month only. It
 *   has no booking, visitor, device or time column and a random key, so an answer cannot be traced
 *   back; that a booking's survey was answered is kept on the booking (`survey_answered`), so each
 *   finished meeting is asked once without the answer pointing to it.
 * - The retention purge empties a booking's personal fields (`personal_data_purged_at` says when);
 *   a check keeps a purged booking purged. The append-only tables refuse deletes except through
 *   `purge_expired_audit`, which only removes rows older than a year.
 */
export class FollowUp1765400000000 implements MigrationInterface {
  name = 'FollowUp1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE security_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL CHECK (kind IN ('ACCOUNT_LOCKED', 'OUT_OF_SCOPE', 'TOKEN_FORGED', 'TOKEN_REPLAYED', 'DEVICE_REVOKED')),
        -- A user or room device; null when nobody is known (a forged token names nobody we trust).
        actor_id uuid,
        actor_role text NOT NULL,
        office_id uuid REFERENCES office(id) ON DELETE SET NULL
      );
      CREATE INDEX security_event_at_idx ON security_event (at);
      CREATE TRIGGER security_event_no_update BEFORE UPDATE OR DELETE ON security_event
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER security_event_no_truncate BEFORE TRUNCATE ON security_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

      CREATE TABLE survey_answer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        office_id uuid NOT NULL REFERENCES office(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        case_type_id uuid NOT NULL,
        month date NOT NULL CHECK (month = date_trunc('month', month)::date),
        satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
        got_help boolean,
        treated_well boolean,
        FOREIGN KEY (case_type_id, agency_id) REFERENCES case_type(id, agency_id),
        CHECK (satisfaction IS NOT NULL OR got_help IS NOT NULL OR treated_well IS NOT NULL)
      );
      CREATE INDEX survey_answer_month_idx ON survey_answer (month, office_id);

      ALTER TABLE booking
        ADD COLUMN survey_answered boolean NOT NULL DEFAULT false,
        ADD COLUMN personal_data_purged_at timestamptz;
      ALTER TABLE booking DROP CONSTRAINT booking_citizen_name_check;
      ALTER TABLE booking ADD CONSTRAINT booking_citizen_name_check
        CHECK (length(citizen_name) <= 100 AND (length(citizen_name) >= 1 OR personal_data_purged_at IS NOT NULL));
      ALTER TABLE booking ADD CONSTRAINT booking_purged_is_empty CHECK (
        personal_data_purged_at IS NULL OR (citizen_name = '' AND citizen_phone IS NULL AND citizen_email IS NULL
          AND accessibility_note = '' AND manage_token_hash = ''));
      CREATE INDEX booking_purge_due_idx ON booking (ends_at) WHERE personal_data_purged_at IS NULL;
      -- The statistics read a year of bookings by start; the booking's events and participations by booking.
      CREATE INDEX booking_starts_idx ON booking (starts_at);
      CREATE INDEX booking_event_kind_idx ON booking_event (booking_id, kind);

      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Only purge_expired_audit sets this, inside its own transaction.
        IF TG_OP = 'DELETE' AND current_setting('distans.retention_purge', true) = 'on' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$;

      CREATE FUNCTION purge_expired_audit(retention_days integer) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        audit_rows integer;
        event_rows integer;
      BEGIN
        IF retention_days IS NULL OR retention_days < 365 THEN
          RAISE EXCEPTION 'audit rows are kept at least 365 days' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        PERFORM set_config('distans.retention_purge', 'on', true);
        DELETE FROM audit_log WHERE at < now() - make_interval(days => retention_days);
        GET DIAGNOSTICS audit_rows = ROW_COUNT;
        DELETE FROM security_event WHERE at < now() - make_interval(days => retention_days);
        GET DIAGNOSTICS event_rows = ROW_COUNT;
        PERFORM set_config('distans.retention_purge', 'off', true);
        RETURN audit_rows + event_rows;
      END $$;
      REVOKE ALL ON FUNCTION purge_expired_audit(integer) FROM PUBLIC;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION IF EXISTS purge_expired_audit(integer);
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$;
      DROP INDEX IF EXISTS booking_event_kind_idx;
      DROP INDEX IF EXISTS booking_starts_idx;
      DROP INDEX IF EXISTS booking_purge_due_idx;
      ALTER TABLE booking DROP CONSTRAINT booking_purged_is_empty;
      ALTER TABLE booking DROP CONSTRAINT booking_citizen_name_check;
      ALTER TABLE booking ADD CONSTRAINT booking_citizen_name_check CHECK (length(citizen_name) BETWEEN 1 AND 100);
      ALTER TABLE booking DROP COLUMN personal_data_purged_at, DROP COLUMN survey_answered;
      DROP TABLE IF EXISTS survey_answer;
      DROP TABLE IF EXISTS security_event;
    `);
  }
}
