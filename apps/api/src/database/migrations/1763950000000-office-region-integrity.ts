import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An office's region is its county's region. The office keeps its own copy for fast regional
 * searches; this composite key makes the copy impossible to get wrong, and moving a county to
 * another region carries its offices along.
 */
export class OfficeRegionIntegrity1763950000000 implements MigrationInterface {
  name = 'OfficeRegionIntegrity1763950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE county ADD CONSTRAINT county_id_region_key UNIQUE (id, region_id);
      ALTER TABLE office ADD CONSTRAINT office_county_region_fkey
        FOREIGN KEY (county_id, region_id) REFERENCES county (id, region_id) ON UPDATE CASCADE;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE office DROP CONSTRAINT IF EXISTS office_county_region_fkey;
      ALTER TABLE county DROP CONSTRAINT IF EXISTS county_id_region_key;
    `);
  }
}
