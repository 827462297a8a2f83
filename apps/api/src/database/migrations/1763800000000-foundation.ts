import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation model, identity and access, room devices and the audit log.
 * Invariants that protect data live here, not only in code: checks on enums and ranges,
 * composite foreign keys that keep a handler's case types inside the handler's agency,
 * and an append-only audit log enforced by triggers.
 */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,40}$'),
        name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100)
      );
      CREATE TABLE county (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,40}$'),
        name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
        region_id uuid NOT NULL REFERENCES region(id) ON DELETE RESTRICT
      );
      CREATE TABLE office (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120),
        municipality text NOT NULL CHECK (length(municipality) BETWEEN 1 AND 100),
        county_id uuid NOT NULL REFERENCES county(id) ON DELETE RESTRICT,
        region_id uuid NOT NULL REFERENCES region(id) ON DELETE RESTRICT,
        time_zone text NOT NULL DEFAULT 'Europe/Stockholm',
        street_address text NOT NULL DEFAULT '',
        postal_code text NOT NULL DEFAULT '',
        city text NOT NULL DEFAULT '',
        office_type text NOT NULL CHECK (office_type IN ('large', 'medium', 'small', 'flex')),
        weekly_hours jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(weekly_hours) = 'array'),
        closed_on_public_holidays boolean NOT NULL DEFAULT true,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX office_region_idx ON office(region_id);
      CREATE INDEX office_county_idx ON office(county_id);
      CREATE INDEX office_municipality_idx ON office(lower(municipality));

      CREATE TABLE office_exception (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        office_id uuid NOT NULL REFERENCES office(id) ON DELETE CASCADE,
        date date NOT NULL,
        closed boolean NOT NULL,
        intervals jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(intervals) = 'array'),
        reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
        UNIQUE (office_id, date),
        -- A closed day has no hours; an open exception must say what the hours are.
        CHECK ((closed AND intervals = '[]'::jsonb) OR (NOT closed AND intervals <> '[]'::jsonb))
      );

      CREATE TABLE room (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        office_id uuid NOT NULL REFERENCES office(id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 50),
        step_free boolean NOT NULL DEFAULT true,
        equipment text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (office_id, name)
      );

      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{2,12}$'),
        name_sv text NOT NULL CHECK (length(name_sv) BETWEEN 1 AND 120),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120)
      );

      CREATE TABLE case_type (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agency(id) ON DELETE RESTRICT,
        code text NOT NULL CHECK (code ~ '^[a-z0-9-]{2,60}$'),
        name_sv text NOT NULL CHECK (length(name_sv) BETWEEN 1 AND 160),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 160),
        duration_min integer NOT NULL CHECK (duration_min BETWEEN 5 AND 480 AND duration_min % 5 = 0),
        buffer_after_min integer NOT NULL DEFAULT 0 CHECK (buffer_after_min BETWEEN 0 AND 120),
        interpreter_allowed boolean NOT NULL DEFAULT true,
        id_check_required boolean NOT NULL DEFAULT true,
        min_notice_min integer NOT NULL DEFAULT 60 CHECK (min_notice_min BETWEEN 0 AND 43200),
        max_days_ahead integer NOT NULL DEFAULT 60 CHECK (max_days_ahead BETWEEN 1 AND 365),
        active boolean NOT NULL DEFAULT true,
        UNIQUE (agency_id, code),
        -- Target of the composite key that keeps handler case types inside the handler's agency.
        UNIQUE (id, agency_id)
      );

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email) AND email LIKE '%_@_%'),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        role text NOT NULL CHECK (role IN ('ADMIN', 'OFFICE_STAFF', 'HANDLER', 'INTERPRETER')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        agency_id uuid REFERENCES agency(id) ON DELETE RESTRICT,
        languages text[] NOT NULL DEFAULT '{}',
        weekly_hours jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(weekly_hours) = 'array'),
        time_zone text NOT NULL DEFAULT 'Europe/Stockholm',
        failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Exactly handlers belong to an agency.
        CHECK ((role = 'HANDLER') = (agency_id IS NOT NULL)),
        UNIQUE (id, agency_id)
      );
      CREATE INDEX app_user_role_idx ON app_user(role);
      CREATE INDEX app_user_agency_idx ON app_user(agency_id) WHERE agency_id IS NOT NULL;

      CREATE TABLE handler_case_type (
        user_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        case_type_id uuid NOT NULL,
        PRIMARY KEY (user_id, case_type_id),
        FOREIGN KEY (user_id, agency_id) REFERENCES app_user(id, agency_id) ON DELETE CASCADE ON UPDATE CASCADE,
        FOREIGN KEY (case_type_id, agency_id) REFERENCES case_type(id, agency_id) ON DELETE CASCADE
      );
      CREATE INDEX handler_case_type_case_type_idx ON handler_case_type(case_type_id);

      CREATE TABLE user_absence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX user_absence_user_idx ON user_absence(user_id, starts_at);

      CREATE TABLE staff_office (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        office_id uuid NOT NULL REFERENCES office(id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, office_id)
      );
      CREATE INDEX staff_office_office_idx ON staff_office(office_id);

      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        refresh_token_hash text NOT NULL UNIQUE,
        -- Rotated-away refresh tokens: presenting one again reveals a stolen token.
        previous_token_hashes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        client_ip text,
        user_agent text
      );
      CREATE INDEX auth_session_user_idx ON auth_session(user_id);
      CREATE INDEX auth_session_previous_idx ON auth_session USING gin (previous_token_hashes);

      CREATE TABLE room_pairing_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        room_id uuid NOT NULL REFERENCES room(id) ON DELETE CASCADE,
        code_hash text NOT NULL UNIQUE,
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CHECK (expires_at > created_at)
      );

      CREATE TABLE room_device (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        room_id uuid NOT NULL REFERENCES room(id) ON DELETE CASCADE,
        label text NOT NULL DEFAULT '' CHECK (length(label) <= 80),
        token_hash text NOT NULL UNIQUE,
        paired_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES app_user(id)
      );
      CREATE INDEX room_device_room_idx ON room_device(room_id);

      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_role text NOT NULL,
        action text NOT NULL,
        resource_type text NOT NULL,
        resource_id text,
        client_ip text,
        correlation_id text,
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_at_idx ON audit_log(at DESC);
      CREATE INDEX audit_log_actor_idx ON audit_log(actor_id, at DESC);
      CREATE INDEX audit_log_resource_idx ON audit_log(resource_type, resource_id);

      -- The audit trail must hold even against a bug in the application: rows can only be added.
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS audit_log, room_device, room_pairing_code, auth_session, staff_office,
        user_absence, handler_case_type, app_user, case_type, agency, room, office_exception,
        office, county, region CASCADE;
      DROP FUNCTION IF EXISTS audit_log_append_only();
    `);
  }
}
