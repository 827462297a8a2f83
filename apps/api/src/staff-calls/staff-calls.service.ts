import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RoomStaffCall, StaffCallView } from '@distans/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/domain-errors';
import type { Actor } from '../common/request-context';
import { officeScope } from '../common/scope';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';

/**
 * While a call is open and this young, pressing the button again returns the same call (the
 * consoles already show it) and the room screen keeps telling the visitor about it.
 */
export const OPEN_CALL_SHOWN_MINUTES = 30;
/** How long the room screen keeps saying "staff are on their way" after someone took the call. */
export const ACKNOWLEDGED_CALL_SHOWN_MINUTES = 5;

interface CallRow {
  id: string;
  office_id: string;
  office_name: string;
  room_id: string;
  room_name: string;
  created_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_name: string | null;
}

const CALL_SELECT = `
  SELECT c.id, c.office_id, o.name AS office_name, c.room_id, r.name AS room_name, c.created_at, c.acknowledged_at,
         u.display_name AS acknowledged_by_name
    FROM staff_call c
    JOIN office o ON o.id = c.office_id
    JOIN room r ON r.id = c.room_id
    LEFT JOIN app_user u ON u.id = c.acknowledged_by`;

/**
 * "Call office staff" from a visiting room: raised by the room's kiosk, heard live by every console
 * of the office (the database NOTIFYs on insert), kept open until a staff member acknowledges it,
 * which the room screen then tells the visitor. Every call and acknowledgement stays in staff_call
 * with its times, for follow-up.
 */
@Injectable()
export class StaffCallsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The kiosk's call: a new alert, or the room's call that is still open. */
  async raise(roomId: string, deviceId: string, bookingId: string | null): Promise<RoomStaffCall> {
    return this.db.transaction(async (tx) => {
      // One caller per room at a time: two presses racing must not make two alerts.
      await tx.query(`SELECT id FROM room WHERE id = $1 FOR UPDATE`, [roomId]);
      const [open]: { id: string; created_at: Date; acknowledged_at: Date | null }[] = await tx.query(
        `SELECT id, created_at, acknowledged_at FROM staff_call
          WHERE room_id = $1 AND acknowledged_at IS NULL AND created_at > now() - make_interval(mins => $2)
          ORDER BY created_at DESC LIMIT 1`,
        [roomId, OPEN_CALL_SHOWN_MINUTES],
      );
      if (open) return this.roomCall(open);
      const [row]: { id: string; created_at: Date; acknowledged_at: Date | null }[] = await tx.query(
        `INSERT INTO staff_call (office_id, room_id, device_id, booking_id)
         SELECT r.office_id, r.id, $2, $3 FROM room r WHERE r.id = $1
         RETURNING id, created_at, acknowledged_at`,
        [roomId, deviceId, bookingId],
      );
      if (!row) throw new NotFoundError('Room not found');
      return this.roomCall(row);
    });
  }

  /** The call the room screen should still talk about: open and recent, or just acknowledged. */
  async forRoom(roomId: string): Promise<RoomStaffCall | null> {
    const [row]: { id: string; created_at: Date; acknowledged_at: Date | null }[] = await this.db.query(
      `SELECT id, created_at, acknowledged_at FROM staff_call
        WHERE room_id = $1
          AND ((acknowledged_at IS NULL AND created_at > now() - make_interval(mins => $2))
               OR acknowledged_at > now() - make_interval(mins => $3))
        ORDER BY created_at DESC LIMIT 1`,
      [roomId, OPEN_CALL_SHOWN_MINUTES, ACKNOWLEDGED_CALL_SHOWN_MINUTES],
    );
    return row ? this.roomCall(row) : null;
  }

  /** Calls nobody has taken yet, oldest first, in the offices the caller runs. */
  async open(actor: Actor): Promise<StaffCallView[]> {
    const scope = officeScope(actor);
    const rows: CallRow[] = await this.db.query(
      `${CALL_SELECT}
        WHERE c.acknowledged_at IS NULL AND ($1::boolean OR c.office_id = ANY ($2::uuid[]))
        ORDER BY c.created_at`,
      [scope === 'all', scope === 'all' ? [] : scope],
    );
    return rows.map(callView);
  }

  /**
   * "I'm going": the first staff member to take the call is recorded with the time; a second
   * acknowledgement changes nothing and answers with the call as it is.
   */
  async acknowledge(actor: Actor, callId: string): Promise<StaffCallView> {
    const scope = officeScope(actor);
    const rows: CallRow[] = await this.db.transaction(async (tx) => {
      const [taken]: [{ id: string }[], number] = await tx.query(
        `UPDATE staff_call SET acknowledged_at = now(), acknowledged_by = $2
          WHERE id = $1 AND acknowledged_at IS NULL AND ($3::boolean OR office_id = ANY ($4::uuid[]))
          RETURNING id`,
        [callId, actor.id, scope === 'all', scope === 'all' ? [] : scope],
      );
      if (taken.length > 0) {
        await this.audit.record(
          { action: 'staff-call.acknowledge', resourceType: 'staff-call', resourceId: callId },
          { tx },
        );
      }
      return tx.query(`${CALL_SELECT} WHERE c.id = $1 AND ($2::boolean OR c.office_id = ANY ($3::uuid[]))`, [
        callId,
        scope === 'all',
        scope === 'all' ? [] : scope,
      ]);
    });
    if (!rows[0]) throw new NotFoundError('Call not found');
    return callView(rows[0]);
  }

  private roomCall(row: { id: string; created_at: Date; acknowledged_at: Date | null }): RoomStaffCall {
    return {
      id: row.id,
      calledAt: row.created_at.toISOString(),
      acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
      fallbackAt: new Date(row.created_at.getTime() + this.config.STAFF_CALL_FALLBACK_SECONDS * 1000).toISOString(),
    };
  }
}

function callView(row: CallRow): StaffCallView {
  return {
    id: row.id,
    office: { id: row.office_id, name: row.office_name },
    room: { id: row.room_id, name: row.room_name },
    calledAt: row.created_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: row.acknowledged_by_name,
  };
}
