import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookings and everything that holds a resource in time.
 *
 * Every booking and room block puts "holds" on the resources it needs (room, handler,
 * interpreter) in `resource_hold`. One exclusion constraint over that table makes overlapping holds
 * on the same resource impossible, whatever the application does and however many requests race:
 * the database is the last line of defence against double booking, across bookings and room blocks
 * alike. Holds cover the meeting plus the case type's buffer.
 */
export class Bookings1763900000000 implements MigrationInterface {
  name = 'Bookings1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS btree_gist;

      ALTER TABLE room ADD CONSTRAINT room_id_office_key UNIQUE (id, office_id);

      CREATE TABLE booking (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE CHECK (reference ~ '^[2-9A-Z]{3}-[2-9A-Z]{3}$'),
        manage_token_hash text NOT NULL,
        agency_id uuid NOT NULL,
        case_type_id uuid NOT NULL,
        office_id uuid NOT NULL,
        room_id uuid NOT NULL,
        handler_id uuid NOT NULL,
        interpreter_id uuid REFERENCES app_user(id),
        language text NOT NULL DEFAULT 'sv',
        interpreter_language text,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        hold_until timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'BOOKED'
          CHECK (status IN ('BOOKED', 'CHECKED_IN', 'IN_SESSION', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
        citizen_name text NOT NULL CHECK (length(citizen_name) BETWEEN 1 AND 100),
        citizen_phone text CHECK (length(citizen_phone) <= 30),
        citizen_email text CHECK (length(citizen_email) <= 254),
        accessibility_needs text[] NOT NULL DEFAULT '{}',
        accessibility_note text NOT NULL DEFAULT '' CHECK (length(accessibility_note) <= 500),
        locale text NOT NULL DEFAULT 'sv' CHECK (locale IN ('sv', 'en')),
        booked_via text NOT NULL CHECK (booked_via IN ('PUBLIC', 'OFFICE_STAFF')),
        booked_by uuid REFERENCES app_user(id),
        checked_in_at timestamptz,
        checked_in_by uuid REFERENCES app_user(id),
        id_check_method text CHECK (id_check_method IN ('ID_CARD', 'PASSPORT', 'DRIVING_LICENCE', 'OTHER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (case_type_id, agency_id) REFERENCES case_type(id, agency_id),
        FOREIGN KEY (room_id, office_id) REFERENCES room(id, office_id),
        -- The handler must belong to the agency that owns the case.
        FOREIGN KEY (handler_id, agency_id) REFERENCES app_user(id, agency_id),
        CHECK (ends_at > starts_at AND hold_until >= ends_at),
        CHECK ((interpreter_id IS NULL) = (interpreter_language IS NULL)),
        -- A checked-in visitor has had their identity verified by someone, somehow.
        CHECK ((checked_in_at IS NULL) = (checked_in_by IS NULL) AND (checked_in_at IS NULL) = (id_check_method IS NULL)),
        CHECK (status NOT IN ('CHECKED_IN', 'IN_SESSION') OR checked_in_at IS NOT NULL)
      );
      CREATE INDEX booking_office_time_idx ON booking (office_id, starts_at);
      CREATE INDEX booking_handler_time_idx ON booking (handler_id, starts_at);
      CREATE INDEX booking_agency_time_idx ON booking (agency_id, starts_at);
      CREATE INDEX booking_interpreter_time_idx ON booking (interpreter_id, starts_at) WHERE interpreter_id IS NOT NULL;
      CREATE INDEX booking_pending_idx ON booking (starts_at) WHERE status = 'BOOKED';

      CREATE TABLE room_block (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        office_id uuid NOT NULL,
        room_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text NOT NULL CHECK (reason IN ('MAINTENANCE', 'COURT_HEARING', 'OTHER_USE')),
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 200),
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (room_id, office_id) REFERENCES room(id, office_id),
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX room_block_room_time_idx ON room_block (room_id, starts_at);

      CREATE TABLE resource_hold (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        resource_kind text NOT NULL CHECK (resource_kind IN ('room', 'handler', 'interpreter')),
        resource_id uuid NOT NULL,
        during tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
        -- Deferred so that holds can be taken first and the booking row written once they succeed.
        booking_id uuid REFERENCES booking(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        room_block_id uuid REFERENCES room_block(id) ON DELETE CASCADE,
        CHECK ((booking_id IS NULL) <> (room_block_id IS NULL)),
        CHECK (room_block_id IS NULL OR resource_kind = 'room'),
        CONSTRAINT resource_hold_no_overlap EXCLUDE USING gist (resource_kind WITH =, resource_id WITH =, during WITH &&)
      );
      CREATE INDEX resource_hold_booking_idx ON resource_hold (booking_id) WHERE booking_id IS NOT NULL;
      CREATE INDEX resource_hold_block_idx ON resource_hold (room_block_id) WHERE room_block_id IS NOT NULL;

      CREATE TABLE booking_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        booking_id uuid NOT NULL REFERENCES booking(id),
        at timestamptz NOT NULL DEFAULT now(),
        from_status text,
        to_status text NOT NULL,
        kind text NOT NULL,
        actor_id uuid,
        actor_role text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX booking_event_booking_idx ON booking_event (booking_id, at);
      CREATE TRIGGER booking_event_no_update BEFORE UPDATE OR DELETE ON booking_event
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

      CREATE TABLE notification_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booking_id uuid NOT NULL REFERENCES booking(id),
        kind text NOT NULL CHECK (kind IN ('CONFIRMATION', 'CHANGE', 'CANCELLATION')),
        channel text NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
        recipient text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('sv', 'en')),
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        sent_at timestamptz,
        last_error text
      );
      CREATE INDEX notification_outbox_pending_idx ON notification_outbox (next_attempt_at) WHERE sent_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS notification_outbox, booking_event, resource_hold, room_block, booking CASCADE;
      ALTER TABLE room DROP CONSTRAINT IF EXISTS room_id_office_key;
    `);
  }
}
