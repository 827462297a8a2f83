import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ACTIVE_BOOKING_STATUSES,
  DEFAULT_LOCALE,
  isVisitUnderWay,
  type BookingStatus,
  type NotificationLocale,
  type DoorSlot,
  type RoomScreenStatus,
  type RoomStaffCall,
} from '@distans/contracts';
import { addDays, localDateOf, LocalDay } from '@distans/scheduling';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/domain-errors';
import { localClock } from '../common/local-time';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import type { Actor } from '../common/request-context';
import { StaffCallsService } from '../staff-calls/staff-calls.service';

/** A checked-in visitor may be early: the kiosk hosts a visit from this long before its start. */
const VISIT_EARLY_MS = 60 * 60_000;
/** No meeting lasts this long: an ended visit that began earlier is no longer on any screen. */
const ENDED_VISIT_LOOKBACK_MS = 12 * 60 * 60_000;

/**
 * What a paired kiosk may know about its own room today. Designed for a screen in a corridor:
 * no names, no agency (an agency alone can reveal something about a visitor), no case details.
 */
@Injectable()
export class RoomScreenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly staffCalls: StaffCallsService,
  ) {}

  /**
   * Rings the office: every console of the room's office gets a live 'staff.call'. The answer says
   * when the screen should offer the visitor another way if nobody has acknowledged by then.
   */
  async callStaff(actor: Actor): Promise<RoomStaffCall> {
    const { visit } = await this.status(actor);
    return this.staffCalls.raise(actor.roomId!, actor.id, visit?.bookingId ?? null);
  }

  async status(actor: Actor, now = new Date()): Promise<RoomScreenStatus> {
    const [room]: {
      id: string;
      name: string;
      office_id: string;
      office_name: string;
      office_phone: string;
      time_zone: string;
    }[] = await this.db.query(
      `SELECT r.id, r.name, o.id AS office_id, o.name AS office_name, o.phone AS office_phone, o.time_zone
         FROM room r JOIN office o ON o.id = r.office_id WHERE r.id = $1`,
      [actor.roomId],
    );
    if (!room) throw new NotFoundError('Room not found');
    const zone = room.time_zone;
    const today = localDateOf(now.getTime(), zone);
    const dayEnd = new Date(new LocalDay(addDays(today, 1), zone).start);

    const rows: {
      kind: 'booking' | 'block';
      id: string;
      reference: string | null;
      status: BookingStatus | null;
      starts_at: Date;
      ends_at: Date;
      handler_reminded: boolean;
      locale: NotificationLocale | null;
    }[] = await this.db.query(
      `SELECT 'booking' AS kind, b.id, b.reference, b.status, b.starts_at, b.ends_at,
              b.handler_reminded_at IS NOT NULL AS handler_reminded, b.locale
           FROM booking b
          WHERE b.room_id = $1 AND b.status = ANY ($4) AND b.ends_at > $5 AND b.starts_at < $3
         UNION ALL
         SELECT 'block', rb.id, NULL, NULL, rb.starts_at, rb.ends_at, false, NULL
           FROM room_block rb
          WHERE rb.room_id = $1 AND rb.ends_at > $2 AND rb.starts_at < $3
         ORDER BY starts_at`,
      [
        room.id,
        now,
        dayEnd,
        ACTIVE_BOOKING_STATUSES,
        new Date(now.getTime() - this.config.SESSION_JOIN_AFTER_MINUTES * 60_000),
      ],
    );

    const toSlot = (row: (typeof rows)[number]): DoorSlot => ({
      start: row.starts_at.toISOString(),
      end: row.ends_at.toISOString(),
      local: { start: localClock(row.starts_at, zone), end: localClock(row.ends_at, zone) },
      state: row.kind === 'block' ? 'BLOCKED' : (row.status as DoorSlot['state']),
    });
    // A meeting may run over its slot: it stays the visit until its join window closes, but the
    // door shows only what is still ahead or under way.
    const shown = rows.filter((r) => r.ends_at > now || r.status === 'IN_SESSION');
    const slots = shown.map(toSlot);
    const currentIndex = shown.findIndex((r) => r.starts_at <= now && (r.ends_at > now || r.status === 'IN_SESSION'));
    const nextIndex = shown.findIndex((r) => r.starts_at > now);

    // The visit is the checked-in (or running) booking whose time is near: it may start a little
    // early or run over, so look a little either side of now.
    const visitRow = rows.find(
      (r) =>
        r.kind === 'booking' &&
        r.status !== null &&
        isVisitUnderWay(r.status) &&
        r.starts_at.getTime() - VISIT_EARLY_MS <= now.getTime(),
    );

    // Visits in a room never overlap, so the latest-starting one that was checked in and is over
    // is the visit a kiosk may still be showing.
    const [ended]: { id: string; status: BookingStatus }[] = await this.db.query(
      `SELECT b.id, b.status FROM booking b
        WHERE b.room_id = $1 AND b.checked_in_at IS NOT NULL AND NOT (b.status = ANY ($2))
          AND b.starts_at >= $3 AND b.starts_at <= $4
        ORDER BY b.starts_at DESC LIMIT 1`,
      [
        room.id,
        ACTIVE_BOOKING_STATUSES,
        new Date(now.getTime() - ENDED_VISIT_LOOKBACK_MS),
        new Date(now.getTime() + VISIT_EARLY_MS),
      ],
    );

    return {
      room: { id: room.id, name: room.name },
      office: { id: room.office_id, name: room.office_name, timeZone: zone, phone: room.office_phone },
      now: now.toISOString(),
      slots,
      current: currentIndex >= 0 ? slots[currentIndex] : null,
      next: nextIndex >= 0 ? slots[nextIndex] : null,
      visit: visitRow
        ? {
            bookingId: visitRow.id,
            reference: visitRow.reference!,
            start: visitRow.starts_at.toISOString(),
            localStart: localClock(visitRow.starts_at, zone),
            status: visitRow.status!,
            handlerReminded: visitRow.handler_reminded,
            locale: visitRow.locale ?? DEFAULT_LOCALE,
          }
        : null,
      endedVisit: ended ? { bookingId: ended.id, status: ended.status } : null,
      staffCall: await this.staffCalls.forRoom(room.id),
    };
  }
}
