import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The citizen booking site.
 *
 * - Bookings and their messages speak all five visitor languages (sv, en, ar, so, ti), not only
 *   Swedish and English.
 * - `manage_code_sealed`: the manage code, encrypted with a key derived from the API's secret (AES-GCM),
 *   so that the change, cancellation and reminder messages can carry the manage link too, while a
 *   leaked table alone yields no usable code (the lookup still goes through `manage_token_hash`).
 * - The outbox carries reminders too; `reminder_queued_at` records that a booking's reminder was
 *   queued, so the job queues it once, however often and on however many instances it runs.
 * - `calendar_sequence` counts the changes that matter to a calendar (a new time, a cancellation):
 *   the .ics SEQUENCE, so that Outlook and Google replace the event instead of adding a second one.
 * - The abuse limits on the public endpoint: `citizen_phone_key` is the phone number in E.164, so
 *   that "070-123 45 67" and "+46701234567" count as one number; `public_booking_origin` keeps, for
 *   public bookings of the last days only, a hash of the client address with a salt that changes
 *   every day (never the address itself), purged by a job; `burst` marks bookings that came in as a
 *   burst from one address, for office staff to see.
 */
export class CitizenSite1766100000000 implements MigrationInterface {
  name = 'CitizenSite1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE booking DROP CONSTRAINT booking_locale_check;
      ALTER TABLE booking ADD CONSTRAINT booking_locale_check CHECK (locale IN ('sv', 'en', 'ar', 'so', 'ti'));
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_locale_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_locale_check
        CHECK (locale IN ('sv', 'en', 'ar', 'so', 'ti'));
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_kind_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_kind_check
        CHECK (kind IN ('CONFIRMATION', 'CHANGE', 'CANCELLATION', 'REMINDER'));
      -- An e-mail's HTML part (its lang and dir set) and the calendar file it carries.
      ALTER TABLE notification_outbox ADD COLUMN html text CHECK (html IS NULL OR channel = 'EMAIL');
      ALTER TABLE notification_outbox ADD COLUMN calendar text CHECK (calendar IS NULL OR channel = 'EMAIL');

      ALTER TABLE booking ADD COLUMN manage_code_sealed text;
      ALTER TABLE booking ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0 CHECK (calendar_sequence >= 0);
      ALTER TABLE booking ADD COLUMN reminder_queued_at timestamptz;
      ALTER TABLE booking ADD COLUMN citizen_phone_key text CHECK (citizen_phone_key ~ '^\\+[1-9][0-9]{4,14}$');
      ALTER TABLE booking ADD CONSTRAINT booking_phone_key_check CHECK (citizen_phone_key IS NULL OR citizen_phone IS NOT NULL);
      ALTER TABLE booking ADD COLUMN burst boolean NOT NULL DEFAULT false;
      CREATE INDEX booking_phone_key_idx ON booking (citizen_phone_key, starts_at)
        WHERE citizen_phone_key IS NOT NULL AND status IN ('BOOKED', 'CHECKED_IN', 'IN_SESSION');
      CREATE INDEX booking_email_active_idx ON booking (citizen_email, starts_at)
        WHERE citizen_email IS NOT NULL AND status IN ('BOOKED', 'CHECKED_IN', 'IN_SESSION');
      CREATE INDEX booking_reminder_due_idx ON booking (starts_at) WHERE status = 'BOOKED' AND reminder_queued_at IS NULL;

      -- One random salt per day: yesterday's hashes cannot be matched with today's, and once a
      -- day's salt is purged its hashes match nothing at all.
      CREATE TABLE client_address_salt (
        day date PRIMARY KEY,
        salt text NOT NULL CHECK (length(salt) >= 32)
      );
      CREATE TABLE public_booking_origin (
        booking_id uuid PRIMARY KEY REFERENCES booking(id) ON DELETE CASCADE,
        address_hash text NOT NULL CHECK (address_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX public_booking_origin_address_idx ON public_booking_origin (address_hash, created_at);
      CREATE INDEX public_booking_origin_created_idx ON public_booking_origin (created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS public_booking_origin, client_address_salt;
      ALTER TABLE booking DROP COLUMN IF EXISTS burst, DROP CONSTRAINT IF EXISTS booking_phone_key_check,
        DROP COLUMN IF EXISTS citizen_phone_key, DROP COLUMN IF EXISTS reminder_queued_at,
        DROP COLUMN IF EXISTS calendar_sequence, DROP COLUMN IF EXISTS manage_code_sealed;
      ALTER TABLE notification_outbox DROP COLUMN IF EXISTS calendar, DROP COLUMN IF EXISTS html;
      DELETE FROM notification_outbox WHERE kind = 'REMINDER' OR locale NOT IN ('sv', 'en');
      UPDATE booking SET locale = 'en' WHERE locale NOT IN ('sv', 'en');
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_kind_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_kind_check
        CHECK (kind IN ('CONFIRMATION', 'CHANGE', 'CANCELLATION'));
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_locale_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_locale_check CHECK (locale IN ('sv', 'en'));
      ALTER TABLE booking DROP CONSTRAINT booking_locale_check;
      ALTER TABLE booking ADD CONSTRAINT booking_locale_check CHECK (locale IN ('sv', 'en'));
    `);
  }
}
