import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the office console needs from the database:
 * - more ways to check identity at the desk (known to staff, a strengthened biometric check);
 * - a booking status of its own for a meeting the agency's handler never joined, so that it is
 *   counted against the agency, not the visitor, and releases its holds like a no-show;
 * - when the handler was reminded, and a NOTIFY for it so the reminder reaches the handler at once;
 * - the acknowledgement of a "call office staff" alert, with who and when, and a NOTIFY for it so
 *   the room screen learns that someone is coming;
 * - an office phone number, for the visitor to ring when nobody answers the call.
 */
export class OfficeConsole1765300000000 implements MigrationInterface {
  name = 'OfficeConsole1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE booking DROP CONSTRAINT booking_id_check_method_check;
      ALTER TABLE booking ADD CONSTRAINT booking_id_check_method_check
        CHECK (id_check_method IN ('ID_CARD', 'PASSPORT', 'DRIVING_LICENCE', 'KNOWN_TO_STAFF', 'STRENGTHENED_CHECK', 'OTHER'));

      ALTER TABLE booking DROP CONSTRAINT booking_status_check;
      ALTER TABLE booking ADD CONSTRAINT booking_status_check
        CHECK (status IN ('BOOKED', 'CHECKED_IN', 'IN_SESSION', 'COMPLETED', 'CANCELLED', 'NO_SHOW', 'HANDLER_MISSED'));
      -- The handler can only miss a visitor who was there.
      ALTER TABLE booking ADD CONSTRAINT booking_handler_missed_checked_in
        CHECK (status <> 'HANDLER_MISSED' OR checked_in_at IS NOT NULL);

      ALTER TABLE booking ADD COLUMN handler_reminded_at timestamptz;
      ALTER TABLE booking ADD CONSTRAINT booking_reminded_after_check_in
        CHECK (handler_reminded_at IS NULL OR checked_in_at IS NOT NULL);
      CREATE INDEX booking_waiting_idx ON booking (starts_at) WHERE status = 'CHECKED_IN';

      DROP TRIGGER booking_changed ON booking;
      CREATE TRIGGER booking_changed
        AFTER INSERT OR UPDATE OF status, room_id, starts_at, handler_id, interpreter_id, handler_reminded_at
        ON booking FOR EACH ROW EXECUTE FUNCTION notify_booking_changed();

      CREATE FUNCTION notify_handler_reminder() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('handler_reminder', json_build_object(
          'bookingId', NEW.id, 'handlerId', NEW.handler_id, 'officeId', NEW.office_id, 'roomId', NEW.room_id,
          'at', NEW.handler_reminded_at)::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER booking_handler_reminded AFTER UPDATE OF handler_reminded_at ON booking FOR EACH ROW
        WHEN (OLD.handler_reminded_at IS NULL AND NEW.handler_reminded_at IS NOT NULL)
        EXECUTE FUNCTION notify_handler_reminder();

      ALTER TABLE staff_call
        ADD COLUMN acknowledged_at timestamptz,
        ADD COLUMN acknowledged_by uuid REFERENCES app_user(id),
        ADD CONSTRAINT staff_call_acknowledged_by_someone CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)),
        ADD CONSTRAINT staff_call_acknowledged_after_call CHECK (acknowledged_at IS NULL OR acknowledged_at >= created_at);
      CREATE INDEX staff_call_open_idx ON staff_call (office_id, created_at) WHERE acknowledged_at IS NULL;

      CREATE FUNCTION notify_staff_call_acknowledged() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('staff_call_acknowledged', json_build_object(
          'callId', NEW.id, 'officeId', NEW.office_id, 'roomId', NEW.room_id, 'at', NEW.acknowledged_at)::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER staff_call_acknowledged AFTER UPDATE OF acknowledged_at ON staff_call FOR EACH ROW
        WHEN (OLD.acknowledged_at IS NULL AND NEW.acknowledged_at IS NOT NULL)
        EXECUTE FUNCTION notify_staff_call_acknowledged();

      ALTER TABLE office ADD COLUMN phone text NOT NULL DEFAULT '' CHECK (phone = '' OR phone ~ '^\\+?[0-9][0-9 ()-]{4,24}$');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE office DROP COLUMN IF EXISTS phone;
      DROP TRIGGER IF EXISTS staff_call_acknowledged ON staff_call;
      DROP FUNCTION IF EXISTS notify_staff_call_acknowledged();
      DROP INDEX IF EXISTS staff_call_open_idx;
      ALTER TABLE staff_call DROP COLUMN IF EXISTS acknowledged_at, DROP COLUMN IF EXISTS acknowledged_by;
      DROP TRIGGER IF EXISTS booking_handler_reminded ON booking;
      DROP FUNCTION IF EXISTS notify_handler_reminder();
      DROP TRIGGER booking_changed ON booking;
      CREATE TRIGGER booking_changed AFTER INSERT OR UPDATE OF status, room_id, starts_at, handler_id, interpreter_id
        ON booking FOR EACH ROW EXECUTE FUNCTION notify_booking_changed();
      DROP INDEX IF EXISTS booking_waiting_idx;
      ALTER TABLE booking DROP CONSTRAINT booking_reminded_after_check_in;
      ALTER TABLE booking DROP COLUMN handler_reminded_at;
      ALTER TABLE booking DROP CONSTRAINT booking_handler_missed_checked_in;
      ALTER TABLE booking DROP CONSTRAINT booking_status_check;
      ALTER TABLE booking ADD CONSTRAINT booking_status_check
        CHECK (status IN ('BOOKED', 'CHECKED_IN', 'IN_SESSION', 'COMPLETED', 'CANCELLED', 'NO_SHOW'));
      ALTER TABLE booking DROP CONSTRAINT booking_id_check_method_check;
      ALTER TABLE booking ADD CONSTRAINT booking_id_check_method_check
        CHECK (id_check_method IN ('ID_CARD', 'PASSPORT', 'DRIVING_LICENCE', 'OTHER'));
    `);
  }
}
