import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BookingDecision, BookingImpactView, Page } from '@distans/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../../common/domain-errors';
import type { Actor } from '../../common/request-context';
import { officeScope } from '../../common/scope';
import { selectPage, SqlFilter, SqlUpdate, UniqueFields, withUniqueFields } from '../../common/sql';
import { sentFields } from '../../common/validators';
import { BookingImpactService } from '../booking-impact/booking-impact.service';
import { CreateRoomDto, RoomQueryDto, RoomView, UpdateRoomDto } from './dto/room.dto';

const COLUMNS = `
  rm.id, json_build_object('id', o.id, 'name', o.name) AS office, rm.name, rm.capacity, rm.step_free AS "stepFree",
  rm.equipment, rm.active, rm.created_at AS "createdAt", rm.updated_at AS "updatedAt"`;
const FROM = `FROM room rm JOIN office o ON o.id = rm.office_id`;

type RoomRow = Omit<RoomView, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

const UNIQUE: UniqueFields = {
  room_office_id_name_key: { field: 'name', message: 'This office already has a room with this name' },
};

/**
 * Visiting rooms. Administrators manage all of them, office staff those of their own offices;
 * a room of another office looks exactly like one that does not exist. Rooms are deactivated,
 * never deleted, so bookings and devices keep pointing at something.
 */
@Injectable()
export class RoomsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly impact: BookingImpactService,
  ) {}

  list(actor: Actor, q: RoomQueryDto): Promise<Page<RoomView>> {
    const filter = this.scoped(actor);
    if (q.officeId) filter.add('rm.office_id = ?', q.officeId);
    if (q.active !== undefined) filter.add('rm.active = ?', q.active);
    return selectPage(this.db, { columns: COLUMNS, from: FROM, orderBy: 'o.name, rm.name, rm.id' }, filter, q, present);
  }

  async get(actor: Actor, id: string): Promise<RoomView> {
    const filter = this.scoped(actor).add('rm.id = ?', id);
    const [row]: RoomRow[] = await this.db.query(`SELECT ${COLUMNS} ${FROM} ${filter.where}`, filter.params);
    if (!row) throw new NotFoundError('Room not found');
    return present(row);
  }

  async create(actor: Actor, dto: CreateRoomDto): Promise<RoomView> {
    const id = await withUniqueFields(UNIQUE, () =>
      this.db.transaction(async (tx) => {
        await this.assertOffice(tx, actor, dto.officeId);
        const [row]: { id: string }[] = await tx.query(
          `INSERT INTO room (office_id, name, capacity, step_free, equipment, active)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [dto.officeId, dto.name, dto.capacity, dto.stepFree ?? true, dto.equipment ?? [], dto.active ?? true],
        );
        await this.audit.record(
          { action: 'room.create', resourceType: 'room', resourceId: row.id, details: { officeId: dto.officeId } },
          { tx },
        );
        return row.id;
      }),
    );
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateRoomDto): Promise<RoomView> {
    await withUniqueFields(UNIQUE, () =>
      this.db.transaction(async (tx) => {
        const active = await this.lockInScope(tx, actor, id);
        if (active && dto.active === false) await this.settleFutureBookings(tx, id, dto.onBookings);
        const update = new SqlUpdate(id)
          .set('name', dto.name)
          .set('capacity', dto.capacity)
          .set('step_free', dto.stepFree)
          .set('equipment', dto.equipment)
          .set('active', dto.active);
        if (update.isEmpty) return;
        await tx.query(`UPDATE room SET ${update.sql}, updated_at = now() WHERE id = $1`, update.params);
        await this.audit.record(
          {
            action: 'room.update',
            resourceType: 'room',
            resourceId: id,
            details: { fields: sentFields(dto).filter((field) => field !== 'onBookings') },
          },
          { tx },
        );
      }),
    );
    return this.get(actor, id);
  }

  /** What taking the room out of use would strand: its bookings still to come. */
  async futureBookings(actor: Actor, id: string): Promise<BookingImpactView> {
    await this.get(actor, id);
    return { affected: this.impact.views(await this.impact.inRoom(this.db.manager, id)) };
  }

  async deactivate(actor: Actor, id: string, onBookings?: BookingDecision): Promise<void> {
    await this.db.transaction(async (tx) => {
      const active = await this.lockInScope(tx, actor, id);
      if (!active) return;
      await this.settleFutureBookings(tx, id, onBookings);
      await tx.query(`UPDATE room SET active = false, updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record({ action: 'room.deactivate', resourceType: 'room', resourceId: id }, { tx });
    });
  }

  private async settleFutureBookings(tx: EntityManager, id: string, onBookings?: BookingDecision): Promise<void> {
    await this.impact.settle(tx, await this.impact.inRoom(tx, id), onBookings, 'room-deactivated');
  }

  private scoped(actor: Actor): SqlFilter {
    const filter = new SqlFilter();
    const scope = officeScope(actor);
    if (scope !== 'all') filter.add('rm.office_id = ANY(?::uuid[])', scope);
    return filter;
  }

  /** Locks the room for a change; answers whether it is active. */
  private async lockInScope(tx: EntityManager, actor: Actor, id: string): Promise<boolean> {
    const filter = this.scoped(actor).add('rm.id = ?', id);
    const [room]: { active: boolean }[] = await tx.query(
      `SELECT rm.active FROM room rm ${filter.where} FOR UPDATE`,
      filter.params,
    );
    if (!room) throw new NotFoundError('Room not found');
    return room.active;
  }

  /** An office that does not exist and one outside the caller's scope are refused alike. */
  private async assertOffice(tx: EntityManager, actor: Actor, officeId: string): Promise<void> {
    const scope = officeScope(actor);
    const rows: unknown[] =
      scope === 'all' || scope.includes(officeId)
        ? await tx.query(`SELECT 1 FROM office WHERE id = $1 FOR KEY SHARE`, [officeId])
        : [];
    if (!rows.length) throw new InvalidInputError('Unknown office', { details: { officeId: ['no such office'] } });
  }
}

function present(row: RoomRow): RoomView {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
