import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live updates come from the database itself: triggers NOTIFY on every booking change and every
 * call for office staff. PostgreSQL delivers a NOTIFY only when its transaction commits, so
 * screens never hear of a change that rolled back, and every API instance hears every change.
 * Payloads carry ids and status only; clients fetch details through their own authorised reads.
 */
export class LiveUpdates1764200000000 implements MigrationInterface {
  name = 'LiveUpdates1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_call (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        office_id uuid NOT NULL,
        room_id uuid NOT NULL,
        device_id uuid REFERENCES room_device(id) ON DELETE SET NULL,
        booking_id uuid REFERENCES booking(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (room_id, office_id) REFERENCES room(id, office_id)
      );
      CREATE INDEX staff_call_office_idx ON staff_call (office_id, created_at DESC);

      CREATE FUNCTION notify_booking_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('booking_changed', json_build_object(
          'bookingId', NEW.id, 'status', NEW.status, 'officeId', NEW.office_id, 'roomId', NEW.room_id,
          'handlerId', NEW.handler_id, 'interpreterId', NEW.interpreter_id,
          'previousRoomId', CASE WHEN TG_OP = 'UPDATE' THEN OLD.room_id END)::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER booking_changed AFTER INSERT OR UPDATE OF status, room_id, starts_at, handler_id, interpreter_id
        ON booking FOR EACH ROW EXECUTE FUNCTION notify_booking_changed();

      CREATE FUNCTION notify_staff_call() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('staff_call', json_build_object(
          'callId', NEW.id, 'officeId', NEW.office_id, 'roomId', NEW.room_id, 'at', NEW.created_at)::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER staff_call_created AFTER INSERT ON staff_call FOR EACH ROW EXECUTE FUNCTION notify_staff_call();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS booking_changed ON booking;
      DROP FUNCTION IF EXISTS notify_booking_changed();
      DROP TABLE IF EXISTS staff_call;
      DROP FUNCTION IF EXISTS notify_staff_call();
    `);
  }
}
