import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeviceView, PairedDeviceView, PairingCodeView } from '@distans/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DEVICE_TOKEN_PREFIX } from '../auth/auth.guard';
import { humanCode, normalizeHumanCode, randomToken, sha256 } from '../auth/secrets';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { NotFoundError, UnauthenticatedError } from '../common/domain-errors';
import type { Actor } from '../common/request-context';
import { assertOfficeInScope } from '../common/scope';
import { recordSecurityEvent } from '../common/security-events';

/**
 * A paired kiosk reads its room's status at least every 30 seconds and is marked as seen at most
 * once a minute (see AuthGuard), so a live one is never seen longer ago than this.
 */
export const ONLINE_WITHIN_SECONDS = 150;

const CODE_LENGTH = 8;

/**
 * Kiosk pairing: staff create a short one-time code for a room; the kiosk trades it for a
 * long-lived device token bound to that room. Only hashes of codes and tokens are stored.
 */
@Injectable()
export class DevicesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async createPairingCode(actor: Actor, roomId: string): Promise<PairingCodeView> {
    await this.roomInScope(actor, roomId);
    const code = humanCode(CODE_LENGTH);
    const [row]: { expires_at: Date }[] = await this.db.query(
      `INSERT INTO room_pairing_code (room_id, code_hash, created_by, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(mins => $4)) RETURNING expires_at`,
      [roomId, sha256(code), actor.id, this.config.PAIRING_CODE_TTL_MINUTES],
    );
    await this.audit.record({ action: 'room-device.pairing-code.create', resourceType: 'room', resourceId: roomId });
    return { code: `${code.slice(0, 4)}-${code.slice(4)}`, roomId, expiresAt: row.expires_at.toISOString() };
  }

  /** Claims the code atomically: of two kiosks racing with one code, exactly one gets a token. */
  async pair(code: string, label: string | undefined): Promise<PairedDeviceView> {
    return this.db.transaction(async (tx) => {
      const claimed: [{ room_id: string; created_by: string }[], number] = await tx.query(
        `UPDATE room_pairing_code SET used_at = now()
          WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING room_id, created_by`,
        [sha256(normalizeHumanCode(code))],
      );
      const claim = claimed[0][0];
      if (!claim)
        throw new UnauthenticatedError(
          'This pairing code is wrong, already used or expired. Ask office staff for a new one.',
        );
      const token = randomToken(DEVICE_TOKEN_PREFIX.slice(0, -1));
      const [device]: { id: string }[] = await tx.query(
        `INSERT INTO room_device (room_id, label, token_hash, paired_by) VALUES ($1, $2, $3, $4) RETURNING id`,
        [claim.room_id, label?.trim() ?? '', sha256(token), claim.created_by],
      );
      const [place]: { room_name: string; office_id: string; office_name: string }[] = await tx.query(
        `SELECT r.name AS room_name, o.id AS office_id, o.name AS office_name FROM room r JOIN office o ON o.id = r.office_id WHERE r.id = $1`,
        [claim.room_id],
      );
      await this.audit.record(
        {
          action: 'room-device.pair',
          resourceType: 'room-device',
          resourceId: device.id,
          details: { roomId: claim.room_id },
        },
        { actor: { id: device.id, role: 'ROOM_DEVICE' }, tx },
      );
      return {
        deviceId: device.id,
        deviceToken: token,
        room: { id: claim.room_id, name: place.room_name },
        office: { id: place.office_id, name: place.office_name },
      };
    });
  }

  async list(actor: Actor, roomId: string): Promise<DeviceView[]> {
    await this.roomInScope(actor, roomId);
    const rows: DeviceView[] = await this.db.query(
      `SELECT id, room_id AS "roomId", label, created_at AS "createdAt", last_seen_at AS "lastSeenAt", revoked_at AS "revokedAt",
              COALESCE(revoked_at IS NULL AND last_seen_at > now() - make_interval(secs => $2), false) AS online
         FROM room_device WHERE room_id = $1 ORDER BY revoked_at IS NOT NULL, created_at DESC`,
      [roomId, ONLINE_WITHIN_SECONDS],
    );
    return rows.map((r) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      lastSeenAt: r.lastSeenAt ? new Date(r.lastSeenAt).toISOString() : null,
      revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null,
    }));
  }

  async revoke(actor: Actor, deviceId: string): Promise<void> {
    const [device]: { room_id: string; office_id: string }[] = await this.db.query(
      `SELECT d.room_id, r.office_id FROM room_device d JOIN room r ON r.id = d.room_id WHERE d.id = $1`,
      [deviceId],
    );
    if (!device) throw new NotFoundError('Device not found');
    assertOfficeInScope(actor, device.office_id, 'Device');
    const [, revoked]: [unknown[], number] = await this.db.query(
      `UPDATE room_device SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [deviceId, actor.id],
    );
    if (revoked > 0)
      await recordSecurityEvent(this.db, 'DEVICE_REVOKED', { id: actor.id, role: actor.role }, device.office_id);
    await this.audit.record({ action: 'room-device.revoke', resourceType: 'room-device', resourceId: deviceId });
  }

  private async roomInScope(actor: Actor, roomId: string): Promise<void> {
    const [room]: { office_id: string }[] = await this.db.query(`SELECT office_id FROM room WHERE id = $1`, [roomId]);
    if (!room) throw new NotFoundError('Room not found');
    assertOfficeInScope(actor, room.office_id, 'Room');
  }
}
