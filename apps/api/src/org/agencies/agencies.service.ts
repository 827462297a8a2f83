import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page } from '@distans/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { NotFoundError } from '../../common/domain-errors';
import { containsPattern, selectPage, SqlFilter, SqlUpdate, UniqueFields, withUniqueFields } from '../../common/sql';
import { sentFields } from '../../common/validators';
import { AgencyQueryDto, AgencyView, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';

const COLUMNS = `a.id, a.code, a.name_sv AS "nameSv", a.name_en AS "nameEn"`;

const UNIQUE: UniqueFields = { agency_code_key: { field: 'code', message: 'An agency with this code already exists' } };

/** Partner agencies. A public catalogue (a citizen chooses whom to meet); administrators run it. */
@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(q: AgencyQueryDto): Promise<Page<AgencyView>> {
    const filter = new SqlFilter();
    if (q.q) filter.add('(a.code ILIKE ? OR a.name_sv ILIKE ? OR a.name_en ILIKE ?)', containsPattern(q.q));
    return selectPage(this.db, { columns: COLUMNS, from: 'FROM agency a', orderBy: 'a.name_sv, a.id' }, filter, q);
  }

  async get(id: string): Promise<AgencyView> {
    const [row]: AgencyView[] = await this.db.query(`SELECT ${COLUMNS} FROM agency a WHERE a.id = $1`, [id]);
    if (!row) throw new NotFoundError('Agency not found');
    return row;
  }

  async create(dto: CreateAgencyDto): Promise<AgencyView> {
    const id = await withUniqueFields(UNIQUE, () =>
      this.db.transaction(async (tx) => {
        const [row]: { id: string }[] = await tx.query(
          `INSERT INTO agency (code, name_sv, name_en) VALUES ($1, $2, $3) RETURNING id`,
          [dto.code, dto.nameSv, dto.nameEn],
        );
        await this.audit.record(
          { action: 'agency.create', resourceType: 'agency', resourceId: row.id, details: { code: dto.code } },
          { tx },
        );
        return row.id;
      }),
    );
    return this.get(id);
  }

  async update(id: string, dto: UpdateAgencyDto): Promise<AgencyView> {
    await withUniqueFields(UNIQUE, () =>
      this.db.transaction(async (tx) => {
        const [found]: unknown[] = await tx.query(`SELECT 1 FROM agency WHERE id = $1 FOR UPDATE`, [id]);
        if (!found) throw new NotFoundError('Agency not found');
        const update = new SqlUpdate(id).set('code', dto.code).set('name_sv', dto.nameSv).set('name_en', dto.nameEn);
        if (update.isEmpty) return;
        await tx.query(`UPDATE agency SET ${update.sql} WHERE id = $1`, update.params);
        await this.audit.record(
          { action: 'agency.update', resourceType: 'agency', resourceId: id, details: { fields: sentFields(dto) } },
          { tx },
        );
      }),
    );
    return this.get(id);
  }
}
