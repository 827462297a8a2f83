import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The citizen site added two more copies of a visitor's data to a booking: the phone number in
 * E.164 (`citizen_phone_key`, for the abuse limits) and the sealed manage code. A purged booking
 * must hold neither, so the constraint that keeps a purged booking empty now names them too.
 */
export class PurgeCoversCitizenSite1766200000000 implements MigrationInterface {
  name = 'PurgeCoversCitizenSite1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE booking DROP CONSTRAINT booking_purged_is_empty;
      ALTER TABLE booking ADD CONSTRAINT booking_purged_is_empty CHECK (
        personal_data_purged_at IS NULL OR (citizen_name = '' AND citizen_phone IS NULL AND citizen_email IS NULL
          AND accessibility_note = '' AND manage_token_hash = ''
          AND citizen_phone_key IS NULL AND manage_code_sealed IS NULL));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE booking DROP CONSTRAINT booking_purged_is_empty;
      ALTER TABLE booking ADD CONSTRAINT booking_purged_is_empty CHECK (
        personal_data_purged_at IS NULL OR (citizen_name = '' AND citizen_phone IS NULL AND citizen_email IS NULL
          AND accessibility_note = '' AND manage_token_hash = ''));
    `);
  }
}
