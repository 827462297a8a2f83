import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page } from '@distans/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/domain-errors';
import { containsPattern, selectPage, SqlFilter, SqlUpdate, UniqueFields, withUniqueFields } from '../../common/sql';
import { sentFields } from '../../common/validators';
import { CountyQueryDto, CountyView, CreateCountyDto, UpdateCountyDto } from './dto/county.dto';

const COLUMNS = `c.id, c.code, c.name, json_build_object('id', r.id, 'name', r.name) AS region`;
const FROM = `FROM county c JOIN region r ON r.id = c.region_id`;

const UNIQUE: UniqueFields = {
  county_code_key: { field: 'code', message: 'A county with this code already exists' },
  county_name_key: { field: 'name', message: 'A county with this name already exists' },
};

/** Counties (län), each in one region. A public catalogue; only administrators change it. */
@Injectable()
export class CountiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(q: CountyQueryDto): Promise<Page<CountyView>> {
    const filter = new SqlFilter();
    if (q.regionId) filter.add('c.region_id = ?', q.regionId);
    if (q.q) filter.add('(c.name ILIKE ? OR c.code ILIKE ?)', containsPattern(q.q));
    return selectPage(this.db, { columns: COLUMNS, from: FROM, orderBy: 'c.name, c.id' }, filter, q);
  }

  async get(id: string): Promise<CountyView> {
    const [row]: CountyView[] = await this.db.query(`SELECT ${COLUMNS} ${FROM} WHERE c.id = $1`, [id]);
    if (!row) throw new NotFoundError('County not found');
    return row;
  }

  async create(dto: CreateCountyDto): Promise<CountyView> {
    const id = await withUniqueFields(UNIQUE, () =>
      this.db.transaction(async (tx) => {
        await this.assertRegion(tx, dto.regionId);
        const [row]: { id: string }[] = await tx.query(
          `INSERT INTO county (code, name, region_id) VALUES ($1, $2, $3) RETURNING id`,
          [dto.code, dto.name, dto.regionId],
        );
        await this.audit.record(
          { action: 'county.create', resourceType: 'county', resourceId: row.id, details: { code: dto.code } },
          { tx },
        );
        return row.id;
      }),
    );
    return this.get(id);
  }

  async update(id: string, dto: UpdateCountyDto): Promise<CountyView> {
    await withUniqueFields(UNIQUE, () =>
      this.db.transaction(async (tx) => {
        const [county]: { region_id: string }[] = await tx.query(
          `SELECT region_id FROM county WHERE id = $1 FOR UPDATE`,
          [id],
        );
        if (!county) throw new NotFoundError('County not found');
        if (dto.regionId !== undefined) await this.assertRegion(tx, dto.regionId);
        const update = new SqlUpdate(id).set('code', dto.code).set('name', dto.name).set('region_id', dto.regionId);
        if (update.isEmpty) return;
        await tx.query(`UPDATE county SET ${update.sql} WHERE id = $1`, update.params);
        // An office's region is its county's region; keep the copy on the office in step.
        if (dto.regionId !== undefined && dto.regionId !== county.region_id) {
          await tx.query(`UPDATE office SET region_id = $2, updated_at = now() WHERE county_id = $1`, [
            id,
            dto.regionId,
          ]);
        }
        await this.audit.record(
          { action: 'county.update', resourceType: 'county', resourceId: id, details: { fields: sentFields(dto) } },
          { tx },
        );
      }),
    );
    return this.get(id);
  }

  /** Only a county without offices can go. */
  async remove(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [usage]: { offices: number }[] = await tx.query(
        `SELECT (SELECT count(*)::int FROM office o WHERE o.county_id = c.id) AS offices
           FROM county c WHERE c.id = $1 FOR UPDATE`,
        [id],
      );
      if (!usage) throw new NotFoundError('County not found');
      if (usage.offices) {
        throw new ConflictError(`This county still has ${usage.offices} offices; move or delete them first`);
      }
      await tx.query(`DELETE FROM county WHERE id = $1`, [id]);
      await this.audit.record({ action: 'county.delete', resourceType: 'county', resourceId: id }, { tx });
    });
  }

  private async assertRegion(tx: EntityManager, regionId: string): Promise<void> {
    // FOR KEY SHARE: the region cannot be deleted before this transaction has attached to it.
    const rows: unknown[] = await tx.query(`SELECT 1 FROM region WHERE id = $1 FOR KEY SHARE`, [regionId]);
    if (!rows.length) throw new InvalidInputError('Unknown region', { details: { regionId: ['no such region'] } });
  }
}
