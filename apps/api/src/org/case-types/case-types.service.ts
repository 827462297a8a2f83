import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page } from '@distans/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../../common/domain-errors';
import { containsPattern, selectPage, SqlFilter, SqlUpdate, UniqueFields, withUniqueFields } from '../../common/sql';
import { sentFields } from '../../common/validators';
import { CaseTypeQueryDto, CaseTypeView, CreateCaseTypeDto, UpdateCaseTypeDto } from './dto/case-type.dto';

const COLUMNS = `
  t.id, json_build_object('id', a.id, 'code', a.code, 'nameSv', a.name_sv, 'nameEn', a.name_en) AS agency,
  t.code, t.name_sv AS "nameSv", t.name_en AS "nameEn", t.duration_min AS "durationMin",
  t.buffer_after_min AS "bufferAfterMin", t.interpreter_allowed AS "interpreterAllowed",
  t.id_check_required AS "idCheckRequired", t.min_notice_min AS "minNoticeMin", t.max_days_ahead AS "maxDaysAhead",
  t.active`;
const FROM = `FROM case_type t JOIN agency a ON a.id = t.agency_id`;

const UNIQUE: UniqueFields = {
  case_type_agency_id_code_key: { field: 'code', message: 'This agency already has a case type with this code' },
};

/** What a meeting can be about, per agency, and its booking rules. Public to read. */
@Injectable()
export class CaseTypesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(q: CaseTypeQueryDto): Promise<Page<CaseTypeView>> {
    const filter = new SqlFilter();
    if (q.agencyId) filter.add('t.agency_id = ?', q.agencyId);
    if (q.active !== undefined) filter.add('t.active = ?', q.active);
    if (q.q) filter.add('(t.code ILIKE ? OR t.name_sv ILIKE ? OR t.name_en ILIKE ?)', containsPattern(q.q));
    return selectPage(this.db, { columns: COLUMNS, from: FROM, orderBy: 'a.name_sv, t.name_sv, t.id' }, filter, q);
  }

  async get(id: string): Promise<CaseTypeView> {
    const [row]: CaseTypeView[] = await this.db.query(`SELECT ${COLUMNS} ${FROM} WHERE t.id = $1`, [id]);
    if (!row) throw new NotFoundError('Case type not found');
    return row;
  }

  async create(dto: CreateCaseTypeDto): Promise<CaseTypeView> {
    const id = await withUniqueFields(UNIQUE, () =>
      this.db.transaction(async (tx) => {
        const agency: unknown[] = await tx.query(`SELECT 1 FROM agency WHERE id = $1 FOR KEY SHARE`, [dto.agencyId]);
        if (!agency.length)
          throw new InvalidInputError('Unknown agency', { details: { agencyId: ['no such agency'] } });
        const [row]: { id: string }[] = await tx.query(
          `INSERT INTO case_type (agency_id, code, name_sv, name_en, duration_min, buffer_after_min, interpreter_allowed,
                                  id_check_required, min_notice_min, max_days_ahead, active)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [
            dto.agencyId,
            dto.code,
            dto.nameSv,
            dto.nameEn,
            dto.durationMin,
            dto.bufferAfterMin ?? 0,
            dto.interpreterAllowed ?? true,
            dto.idCheckRequired ?? true,
            dto.minNoticeMin ?? 60,
            dto.maxDaysAhead ?? 60,
            dto.active ?? true,
          ],
        );
        await this.audit.record(
          {
            action: 'case-type.create',
            resourceType: 'case-type',
            resourceId: row.id,
            details: { agencyId: dto.agencyId, code: dto.code },
          },
          { tx },
        );
        return row.id;
      }),
    );
    return this.get(id);
  }

  async update(id: string, dto: UpdateCaseTypeDto): Promise<CaseTypeView> {
    await withUniqueFields(UNIQUE, () =>
      this.db.transaction(async (tx) => {
        const [found]: unknown[] = await tx.query(`SELECT 1 FROM case_type WHERE id = $1 FOR UPDATE`, [id]);
        if (!found) throw new NotFoundError('Case type not found');
        const update = new SqlUpdate(id)
          .set('code', dto.code)
          .set('name_sv', dto.nameSv)
          .set('name_en', dto.nameEn)
          .set('duration_min', dto.durationMin)
          .set('buffer_after_min', dto.bufferAfterMin)
          .set('interpreter_allowed', dto.interpreterAllowed)
          .set('id_check_required', dto.idCheckRequired)
          .set('min_notice_min', dto.minNoticeMin)
          .set('max_days_ahead', dto.maxDaysAhead)
          .set('active', dto.active);
        if (update.isEmpty) return;
        await tx.query(`UPDATE case_type SET ${update.sql} WHERE id = $1`, update.params);
        await this.audit.record(
          {
            action: 'case-type.update',
            resourceType: 'case-type',
            resourceId: id,
            details: { fields: sentFields(dto) },
          },
          { tx },
        );
      }),
    );
    return this.get(id);
  }
}
