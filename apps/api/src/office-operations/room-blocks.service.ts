import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BookingStatus, ConflictingBooking, RoomBlockView } from '@distans/contracts';
import { addDays, daysBetween, IsoDate, LocalDay } from '@distans/scheduling';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { holdRange, insertHold, isHoldConflict } from '../bookings/resource-holds';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import type { Actor } from '../common/request-context';
import { assertOfficeInScope } from '../common/scope';
import { CreateRoomBlockDto, RoomBlockQueryDto } from './dto/room-block.dto';
import { conflictingBooking } from '../bookings/booking-view';
import { BlockRow, roomBlockSummary } from './schedule.service';

export const MAX_BLOCK_DAYS = 31;

interface BlockViewRow extends BlockRow {
  room_name: string;
  created_by: string;
  created_at: Date;
  time_zone: string;
}

const BLOCK_VIEW_SELECT = `
  SELECT k.id, k.room_id, r.name AS room_name, k.starts_at, k.ends_at, k.reason, k.note, k.created_by, k.created_at,
         o.time_zone
    FROM room_block k JOIN room r ON r.id = k.room_id JOIN office o ON o.id = k.office_id`;

/**
 * Taking a room out of use for maintenance, a court hearing or other use. A block holds the room
 * through the same `resource_hold` exclusion constraint as bookings, so a block and a booking can
 * never overlap, however requests race. A block that would overlap bookings is refused; staff can
 * ask for the list of those bookings to rebook them first.
 */
@Injectable()
export class RoomBlocksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, officeId: string, dto: CreateRoomBlockDto): Promise<RoomBlockView> {
    assertOfficeInScope(actor, officeId);
    const start = new Date(dto.start);
    const end = new Date(dto.end);
    if (end <= start)
      throw new InvalidInputError('The block ends before it starts', { details: { end: ['end must be after start'] } });
    if (end.getTime() - start.getTime() > MAX_BLOCK_DAYS * 86_400_000) {
      throw new InvalidInputError(`A block may last at most ${MAX_BLOCK_DAYS} days`, {
        details: { end: [`end may be at most ${MAX_BLOCK_DAYS} days after start`] },
      });
    }

    return this.db.transaction(async (tx) => {
      const [place]: { room_id: string | null }[] = await tx.query(
        `SELECT r.id AS room_id FROM office o LEFT JOIN room r ON r.id = $2 AND r.office_id = o.id WHERE o.id = $1`,
        [officeId, dto.roomId],
      );
      if (!place) throw new NotFoundError('Office not found');
      if (!place.room_id) {
        throw new InvalidInputError('The room is not in this office', {
          details: { roomId: ['roomId must be a room of this office'] },
        });
      }
      const [block]: { id: string }[] = await tx.query(
        `INSERT INTO room_block (office_id, room_id, starts_at, ends_at, reason, note, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [officeId, dto.roomId, start, end, dto.reason, dto.note?.trim() ?? '', actor.id],
      );
      await tx.query('SAVEPOINT hold_room');
      try {
        await insertHold(tx, {
          kind: 'room',
          resourceId: dto.roomId,
          during: holdRange(start, end),
          roomBlockId: block.id,
        });
      } catch (error) {
        if (!isHoldConflict(error)) throw error;
        await tx.query('ROLLBACK TO SAVEPOINT hold_room');
        throw await this.overlapError(tx, dto.roomId, start, end, dto.listConflicts);
      }
      await this.audit.record(
        {
          action: 'room-block.create',
          resourceType: 'room-block',
          resourceId: block.id,
          details: { roomId: dto.roomId, reason: dto.reason, start: start.toISOString(), end: end.toISOString() },
        },
        { tx },
      );
      const [row]: BlockViewRow[] = await tx.query(`${BLOCK_VIEW_SELECT} WHERE k.id = $1`, [block.id]);
      return blockView(row);
    });
  }

  async list(actor: Actor, officeId: string, q: RoomBlockQueryDto): Promise<RoomBlockView[]> {
    assertOfficeInScope(actor, officeId);
    assertDateRange(q.from, q.to);
    const [office]: { time_zone: string }[] = await this.db.query(`SELECT time_zone FROM office WHERE id = $1`, [
      officeId,
    ]);
    if (!office) throw new NotFoundError('Office not found');
    const from = new Date(new LocalDay(q.from, office.time_zone).start);
    const to = new Date(new LocalDay(addDays(q.to, 1), office.time_zone).start);
    const rows: BlockViewRow[] = await this.db.query(
      `${BLOCK_VIEW_SELECT} WHERE k.office_id = $1 AND k.starts_at < $3 AND k.ends_at > $2 ORDER BY k.starts_at, r.name, k.id`,
      [officeId, from, to],
    );
    return rows.map(blockView);
  }

  /** Removing the block frees the room: its hold goes with it (ON DELETE CASCADE). */
  async remove(actor: Actor, officeId: string, blockId: string): Promise<void> {
    assertOfficeInScope(actor, officeId);
    await this.db.transaction(async (tx) => {
      const [rows]: [{ room_id: string }[], number] = await tx.query(
        `DELETE FROM room_block WHERE id = $1 AND office_id = $2 RETURNING room_id`,
        [blockId, officeId],
      );
      if (rows.length === 0) throw new NotFoundError('Room block not found');
      await this.audit.record(
        {
          action: 'room-block.delete',
          resourceType: 'room-block',
          resourceId: blockId,
          details: { roomId: rows[0].room_id },
        },
        { tx },
      );
    });
  }

  /** Says what the block ran into: bookings (counted, and listed on request) or another block. */
  private async overlapError(
    tx: EntityManager,
    roomId: string,
    start: Date,
    end: Date,
    list: boolean,
  ): Promise<ConflictError> {
    const rows: {
      id: string | null;
      reference: string | null;
      status: BookingStatus | null;
      starts_at: Date | null;
      ends_at: Date | null;
      agency_code: string | null;
      agency_name_sv: string | null;
      agency_name_en: string | null;
      time_zone: string | null;
    }[] = await tx.query(
      `SELECT b.id, b.reference, b.status, b.starts_at, b.ends_at, a.code AS agency_code,
              a.name_sv AS agency_name_sv, a.name_en AS agency_name_en, o.time_zone
         FROM resource_hold h
         LEFT JOIN booking b ON b.id = h.booking_id
         LEFT JOIN agency a ON a.id = b.agency_id
         LEFT JOIN office o ON o.id = b.office_id
        WHERE h.resource_kind = 'room' AND h.resource_id = $1 AND h.during && tstzrange($2, $3, '[)')
        ORDER BY b.starts_at NULLS LAST`,
      [roomId, start, end],
    );
    const bookings = rows.filter((r) => r.id !== null);
    if (bookings.length === 0) {
      return new ConflictError('The room is already blocked for part of that time', { code: 'ROOM_ALREADY_BLOCKED' });
    }
    const conflicts: ConflictingBooking[] = bookings.map((r) =>
      conflictingBooking({
        id: r.id!,
        reference: r.reference!,
        status: r.status!,
        starts_at: r.starts_at!,
        ends_at: r.ends_at!,
        time_zone: r.time_zone!,
        agency_code: r.agency_code!,
        agency_name_sv: r.agency_name_sv!,
        agency_name_en: r.agency_name_en!,
      }),
    );
    const message =
      `The block overlaps ${conflicts.length} booking(s) in this room. ` +
      (list ? 'Rebook or cancel them first.' : 'Ask again with listConflicts to see them, then rebook them first.');
    return new ConflictError(message, {
      code: 'BLOCK_OVERLAPS_BOOKINGS',
      extra: list ? { conflicts } : { conflictCount: conflicts.length },
    });
  }
}

function blockView(row: BlockViewRow): RoomBlockView {
  return {
    ...roomBlockSummary(row, row.time_zone),
    roomName: row.room_name,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

function assertDateRange(from: IsoDate, to: IsoDate): void {
  const days = daysBetween(from, to);
  if (days < 0)
    throw new InvalidInputError('The range ends before it starts', { details: { to: ['to must not be before from'] } });
  if (days >= MAX_BLOCK_DAYS) {
    throw new InvalidInputError(`Ask for at most ${MAX_BLOCK_DAYS} days at a time`, {
      details: { to: [`to may be at most ${MAX_BLOCK_DAYS - 1} days after from`] },
    });
  }
}
