import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AbsenceView, CreatedUserView, Page, PasswordCodeView, StaffRole, UserView } from '@distans/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/auth.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { toPage } from '../common/pagination';
import { containsPattern, SqlFilter } from '../common/sql';
import { sentFields } from '../common/validators';
import type { Actor } from '../common/request-context';
import { issuePasswordCode, unusablePasswordHash } from './password-codes';
import { CreateAbsenceDto, CreateUserDto, UpdateUserDto, UserQueryDto } from './dto/user.dto';

const USER_COLUMNS = `
  u.id, u.email, u.display_name AS "displayName", u.role, u.active, u.agency_id AS "agencyId",
  ARRAY(SELECT h.case_type_id::text FROM handler_case_type h WHERE h.user_id = u.id ORDER BY 1) AS "caseTypeIds",
  ARRAY(SELECT s.office_id::text FROM staff_office s WHERE s.user_id = u.id ORDER BY 1) AS "officeIds",
  u.languages, u.weekly_hours AS "weeklyHours", u.time_zone AS "timeZone", u.created_at AS "createdAt"`;

/**
 * Staff accounts. A user record is personal data, so every read is audit-logged. Handlers see only
 * colleagues of their own agency; everything else about users is for administrators.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, q: UserQueryDto): Promise<Page<UserView>> {
    const filter = new SqlFilter();
    if (actor.role === 'HANDLER') filter.add(`u.role = 'HANDLER' AND u.agency_id = ?`, actor.agencyId);
    if (q.role) filter.add('u.role = ?', q.role);
    if (q.agencyId) filter.add('u.agency_id = ?', q.agencyId);
    if (q.officeId)
      filter.add('EXISTS (SELECT 1 FROM staff_office s WHERE s.user_id = u.id AND s.office_id = ?)', q.officeId);
    if (q.caseTypeId) {
      filter.add(
        'EXISTS (SELECT 1 FROM handler_case_type h WHERE h.user_id = u.id AND h.case_type_id = ?)',
        q.caseTypeId,
      );
    }
    if (q.language) filter.add('? = ANY (u.languages)', q.language);
    if (q.active !== undefined) filter.add('u.active = ?', q.active);
    if (q.q) filter.add('(u.display_name ILIKE ? OR u.email ILIKE ?)', containsPattern(q.q));
    const params = [...filter.params, q.pageSize, (q.page - 1) * q.pageSize];
    const rows: (UserView & { total: string })[] = await this.db.query(
      `SELECT ${USER_COLUMNS}, count(*) OVER () AS total
         FROM app_user u ${filter.where}
        ORDER BY u.display_name, u.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const items = rows.map(({ total: _total, ...user }) => present(user));
    await this.audit.recordMany(
      items.map((u) => ({ action: 'user.read', resourceType: 'user', resourceId: u.id, details: { via: 'list' } })),
    );
    return toPage(items, rows.length ? Number(rows[0].total) : 0, q);
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    const user = await this.findInScope(actor, id);
    await this.audit.record({ action: 'user.read', resourceType: 'user', resourceId: id });
    return user;
  }

  async me(actor: Actor): Promise<UserView> {
    const [row] = await this.db.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [actor.id]);
    if (!row) throw new NotFoundError('User not found');
    return present(row as UserView);
  }

  /**
   * A new staff member. Without a password the answer carries a one-time invitation code with
   * which they choose their own (the administrator hands it over; it is shown only this once).
   */
  async create(actor: Actor, dto: CreateUserDto): Promise<CreatedUserView> {
    this.checkRoleFields(dto.role, dto);
    const email = dto.email.trim().toLowerCase();
    const passwordHash = dto.password === undefined ? await unusablePasswordHash() : await hashPassword(dto.password);
    const { id, invitation } = await this.db.transaction(async (tx) => {
      const existing: unknown[] = await tx.query(`SELECT 1 FROM app_user WHERE email = $1`, [email]);
      if (existing.length)
        throw new ConflictError('A user with this e-mail address already exists', {
          details: { email: ['is already in use'] },
        });
      if (dto.role === 'HANDLER') await this.assertAgency(tx, dto.agencyId!);
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO app_user (email, display_name, role, password_hash, agency_id, languages, weekly_hours)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          email,
          dto.displayName.trim(),
          dto.role,
          passwordHash,
          dto.role === 'HANDLER' ? dto.agencyId : null,
          dto.languages ?? [],
          JSON.stringify(dto.weeklyHours ?? []),
        ],
      );
      if (dto.role === 'HANDLER') await this.setCaseTypes(tx, row.id, dto.agencyId!, dto.caseTypeIds ?? []);
      if (dto.role === 'OFFICE_STAFF') await this.setOffices(tx, row.id, dto.officeIds ?? []);
      const invited = dto.password === undefined ? await issuePasswordCode(tx, row.id, 'INVITE', actor.id) : null;
      await this.audit.record(
        {
          action: 'user.create',
          resourceType: 'user',
          resourceId: row.id,
          details: { role: dto.role, invited: invited !== null },
        },
        { tx },
      );
      return { id: row.id, invitation: invited };
    });
    return { ...(await this.loadUnscoped(id)), invitation };
  }

  /**
   * Someone cannot get in, or must be locked out at once: their sessions end, the old password
   * stops working, and a one-time code lets the person choose a new one.
   */
  async resetPassword(actor: Actor, id: string): Promise<PasswordCodeView> {
    const hash = await unusablePasswordHash();
    return this.db.transaction(async (tx) => {
      const [user]: unknown[] = await tx.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [id]);
      if (!user) throw new NotFoundError('User not found');
      await tx.query(
        `UPDATE app_user SET password_hash = $2, failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = $1`,
        [id, hash],
      );
      await tx.query(`UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      const code = await issuePasswordCode(tx, id, 'RESET', actor.id);
      await this.audit.record({ action: 'user.password-reset', resourceType: 'user', resourceId: id }, { tx });
      return code;
    });
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserView> {
    await this.db.transaction(async (tx) => {
      const [user]: { role: StaffRole; agency_id: string | null }[] = await tx.query(
        `SELECT role, agency_id FROM app_user WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!user) throw new NotFoundError('User not found');
      this.checkRoleFields(user.role, dto, true);
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (column: string, value: unknown): void => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (dto.displayName !== undefined) set('display_name', dto.displayName.trim());
      if (dto.active !== undefined) set('active', dto.active);
      if (dto.languages !== undefined) set('languages', dto.languages);
      if (dto.weeklyHours !== undefined) set('weekly_hours', JSON.stringify(dto.weeklyHours));
      if (dto.password !== undefined) set('password_hash', await hashPassword(dto.password));
      if (sets.length)
        await tx.query(`UPDATE app_user SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
      if (dto.caseTypeIds !== undefined) await this.setCaseTypes(tx, id, user.agency_id!, dto.caseTypeIds);
      if (dto.officeIds !== undefined) await this.setOffices(tx, id, dto.officeIds);
      // A deactivated user or a changed password must not keep working through old sessions.
      if (dto.active === false || dto.password !== undefined) {
        await tx.query(`UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      }
      await this.audit.record(
        {
          action: 'user.update',
          resourceType: 'user',
          resourceId: id,
          details: { fields: sentFields(dto).filter((k) => k !== 'password') },
        },
        { tx },
      );
    });
    return this.loadUnscoped(id);
  }

  async listAbsences(actor: Actor, userId: string): Promise<AbsenceView[]> {
    await this.findInScope(actor, userId);
    const rows: AbsenceView[] = await this.db.query(
      `SELECT id, starts_at AS "startsAt", ends_at AS "endsAt", reason FROM user_absence WHERE user_id = $1 ORDER BY starts_at`,
      [userId],
    );
    await this.audit.record({ action: 'user.absences.read', resourceType: 'user', resourceId: userId });
    return rows.map((r) => ({
      ...r,
      startsAt: new Date(r.startsAt).toISOString(),
      endsAt: new Date(r.endsAt).toISOString(),
    }));
  }

  async addAbsence(userId: string, dto: CreateAbsenceDto): Promise<AbsenceView> {
    const starts = new Date(dto.startsAt);
    const ends = new Date(dto.endsAt);
    if (!(ends > starts))
      throw new InvalidInputError('The absence must end after it starts', {
        details: { endsAt: ['must be after startsAt'] },
      });
    const [user] = await this.db.query(`SELECT role FROM app_user WHERE id = $1`, [userId]);
    if (!user) throw new NotFoundError('User not found');
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO user_absence (user_id, starts_at, ends_at, reason) VALUES ($1, $2, $3, $4) RETURNING id`,
      [userId, starts, ends, dto.reason ?? ''],
    );
    await this.audit.record({ action: 'user.absence.create', resourceType: 'user', resourceId: userId });
    return { id: row.id, startsAt: starts.toISOString(), endsAt: ends.toISOString(), reason: dto.reason ?? '' };
  }

  async removeAbsence(userId: string, absenceId: string): Promise<void> {
    const result: [unknown[], number] = await this.db.query(`DELETE FROM user_absence WHERE id = $1 AND user_id = $2`, [
      absenceId,
      userId,
    ]);
    if (result[1] === 0) throw new NotFoundError('Absence not found');
    await this.audit.record({ action: 'user.absence.delete', resourceType: 'user', resourceId: userId });
  }

  private async findInScope(actor: Actor, id: string): Promise<UserView> {
    const params: unknown[] = [id];
    let scope = '';
    if (actor.role === 'HANDLER') {
      params.push(actor.agencyId);
      scope = `AND u.role = 'HANDLER' AND u.agency_id = $2`;
    } else if (actor.role !== 'ADMIN') {
      params.push(actor.id);
      scope = 'AND u.id = $2';
    }
    const [row] = await this.db.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1 ${scope}`, params);
    if (!row) throw new NotFoundError('User not found');
    return present(row as UserView);
  }

  private async loadUnscoped(id: string): Promise<UserView> {
    const [row] = await this.db.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [id]);
    return present(row as UserView);
  }

  private checkRoleFields(role: StaffRole, dto: Partial<CreateUserDto>, updating = false): void {
    const details: Record<string, string[]> = {};
    if (role === 'HANDLER' && !updating && !dto.agencyId) details.agencyId = ['is required for handlers'];
    if (role !== 'HANDLER' && dto.agencyId) details.agencyId = ['only handlers belong to an agency'];
    if (role !== 'HANDLER' && dto.caseTypeIds?.length) details.caseTypeIds = ['only handlers handle case types'];
    if (role !== 'OFFICE_STAFF' && dto.officeIds?.length) details.officeIds = ['only office staff serve offices'];
    if ((role === 'ADMIN' || role === 'OFFICE_STAFF') && dto.weeklyHours?.length) {
      details.weeklyHours = ['only handlers and interpreters have bookable working hours'];
    }
    if (Object.keys(details).length) throw new InvalidInputError('Some fields do not fit this role', { details });
  }

  private async assertAgency(tx: EntityManager, agencyId: string): Promise<void> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM agency WHERE id = $1`, [agencyId]);
    if (!rows.length) throw new InvalidInputError('Unknown agency', { details: { agencyId: ['no such agency'] } });
  }

  private async setCaseTypes(
    tx: EntityManager,
    userId: string,
    agencyId: string,
    caseTypeIds: string[],
  ): Promise<void> {
    const found: { id: string }[] = await tx.query(`SELECT id FROM case_type WHERE id = ANY($1) AND agency_id = $2`, [
      caseTypeIds,
      agencyId,
    ]);
    if (found.length !== caseTypeIds.length) {
      throw new InvalidInputError('Case types must belong to the handler’s agency', {
        details: { caseTypeIds: ['each case type must exist and belong to the handler’s agency'] },
      });
    }
    await tx.query(`DELETE FROM handler_case_type WHERE user_id = $1`, [userId]);
    await tx.query(
      `INSERT INTO handler_case_type (user_id, agency_id, case_type_id) SELECT $1, $2, unnest($3::uuid[])`,
      [userId, agencyId, caseTypeIds],
    );
  }

  private async setOffices(tx: EntityManager, userId: string, officeIds: string[]): Promise<void> {
    const found: { id: string }[] = await tx.query(`SELECT id FROM office WHERE id = ANY($1)`, [officeIds]);
    if (found.length !== officeIds.length)
      throw new InvalidInputError('Unknown office', { details: { officeIds: ['each office must exist'] } });
    await tx.query(`DELETE FROM staff_office WHERE user_id = $1`, [userId]);
    await tx.query(`INSERT INTO staff_office (user_id, office_id) SELECT $1, unnest($2::uuid[])`, [userId, officeIds]);
  }
}

function present(row: UserView): UserView {
  return { ...row, createdAt: new Date(row.createdAt).toISOString() };
}
