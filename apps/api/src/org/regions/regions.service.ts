import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page } from '@distans/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { ConflictError, NotFoundError } from '../../common/domain-errors';
import { containsPattern, selectPage, SqlFilter, SqlUpdate, UniqueFields, withUniqueFields } from '../../common/sql';
import { sentFields } from '../../common/validators';
import { CreateRegionDto, RegionQueryDto, RegionView, UpdateRegionDto } from './dto/region.dto';

const COLUMNS = `r.id, r.code, r.name`;

const UNIQUE: UniqueFields = {
  region_code_key: { field: 'code', message: 'A region with this code already exists' },
  region_name_key: { field: 'name', message: 'A region with this name already exists' },
};

/** The six regions offices are grouped in. A public catalogue; only administrators change it. */
@Injectable()
export class RegionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(q: RegionQueryDto): Promise<Page<RegionView>> {
    const filter = new SqlFilter();
    if (q.q) filter.add('(r.name ILIKE ? OR r.code ILIKE ?)', containsPattern(q.q));
    return selectPage(this.db, { columns: COLUMNS, from: 'FROM region r', orderBy: 'r.name, r.id' }, filter, q);
  }

  async get(id: string): Promise<RegionView> {
    const [row]: RegionView[] = await this.db.query(`SELECT ${COLUMNS} FROM region r WHERE r.id = $1`, [id]);
    if (!row) throw new NotFoundError('Region not found');
    return row;
  }

  async create(dto: CreateRegionDto): Promise<RegionView> {
    const id = await withUniqueFields(UNIQUE, () =>
      this.db.transaction(async (tx) => {
        const [row]: { id: string }[] = await tx.query(`INSERT INTO region (code, name) VALUES ($1, $2) RETURNING id`, [
          dto.code,
          dto.name,
        ]);
        await this.audit.record(
          { action: 'region.create', resourceType: 'region', resourceId: row.id, details: { code: dto.code } },
          { tx },
        );
        return row.id;
      }),
    );
    return this.get(id);
  }

  async update(id: string, dto: UpdateRegionDto): Promise<RegionView> {
    await withUniqueFields(UNIQUE, () =>
      this.db.transaction(async (tx) => {
        const [found]: unknown[] = await tx.query(`SELECT 1 FROM region WHERE id = $1 FOR UPDATE`, [id]);
        if (!found) throw new NotFoundError('Region not found');
        const update = new SqlUpdate(id).set('code', dto.code).set('name', dto.name);
        if (update.isEmpty) return;
        await tx.query(`UPDATE region SET ${update.sql} WHERE id = $1`, update.params);
        await this.audit.record(
          { action: 'region.update', resourceType: 'region', resourceId: id, details: { fields: sentFields(dto) } },
          { tx },
        );
      }),
    );
    return this.get(id);
  }

  /** Only an unused region can go: counties and offices keep their region. */
  async remove(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      // The row lock also keeps new counties or offices from being attached meanwhile.
      const [usage]: { counties: number; offices: number }[] = await tx.query(
        `SELECT (SELECT count(*)::int FROM county c WHERE c.region_id = r.id) AS counties,
                (SELECT count(*)::int FROM office o WHERE o.region_id = r.id) AS offices
           FROM region r WHERE r.id = $1 FOR UPDATE`,
        [id],
      );
      if (!usage) throw new NotFoundError('Region not found');
      if (usage.counties || usage.offices) {
        throw new ConflictError(
          `This region still has ${usage.counties} counties and ${usage.offices} offices; move or delete them first`,
        );
      }
      await tx.query(`DELETE FROM region WHERE id = $1`, [id]);
      await this.audit.record({ action: 'region.delete', resourceType: 'region', resourceId: id }, { tx });
    });
  }
}
