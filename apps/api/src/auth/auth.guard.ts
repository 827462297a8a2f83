import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role, StaffRole } from '@distans/contracts';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { ForbiddenError, UnauthenticatedError } from '../common/domain-errors';
import { Actor, currentContext, PublicCaller } from '../common/request-context';
import { ALLOWED_ROLES, IS_PUBLIC } from './auth.decorators';
import { AuthService } from './auth.service';
import { sha256 } from './secrets';

export const DEVICE_TOKEN_PREFIX = 'dvc_';

/**
 * Resolves who is calling from the bearer credential: a staff access token (checked against its
 * live session) or a room device token. Routes are closed by default; @Public opens one.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const publicCaller = this.reflector.getAllAndOverride<PublicCaller | undefined>(IS_PUBLIC, targets);
    if (publicCaller) {
      const ctx = currentContext();
      if (ctx) ctx.publicCaller = publicCaller;
      return true;
    }

    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthenticatedError('Log in first: this needs an Authorization: Bearer token');
    const actor = await this.resolve(token);

    request.actor = actor;
    const ctx = currentContext();
    if (ctx) ctx.actor = actor;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new ForbiddenError('Your role may not do this');
    }
    return true;
  }

  async resolve(token: string): Promise<Actor> {
    return token.startsWith(DEVICE_TOKEN_PREFIX) ? this.resolveDevice(token) : this.resolveUser(token);
  }

  private async resolveUser(token: string): Promise<Actor> {
    const claims = this.auth.verifyAccessToken(token);
    const rows: { role: StaffRole; agency_id: string | null; office_ids: string[] }[] = await this.db.query(
      `SELECT u.role, u.agency_id,
              ARRAY(SELECT so.office_id::text FROM staff_office so WHERE so.user_id = u.id) AS office_ids
         FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [claims.sid, claims.sub],
    );
    const row = rows[0];
    if (!row) throw new UnauthenticatedError('The session has ended; log in again');
    return {
      id: claims.sub,
      role: row.role,
      agencyId: row.role === 'HANDLER' ? row.agency_id : null,
      officeIds: row.role === 'OFFICE_STAFF' ? row.office_ids : [],
      roomId: null,
      sessionId: claims.sid,
    };
  }

  private async resolveDevice(token: string): Promise<Actor> {
    // Also marks the device as seen, at most once a minute, in the same round trip.
    const rows: { id: string; room_id: string }[] = await this.db.query(
      `WITH d AS (SELECT id, room_id, last_seen_at FROM room_device WHERE token_hash = $1 AND revoked_at IS NULL),
            touched AS (UPDATE room_device SET last_seen_at = now()
                         WHERE id IN (SELECT id FROM d WHERE last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute'))
       SELECT id, room_id FROM d`,
      [sha256(token)],
    );
    const row = rows[0];
    if (!row) throw new UnauthenticatedError('This room device is not paired or has been revoked');
    return { id: row.id, role: 'ROOM_DEVICE', agencyId: null, officeIds: [], roomId: row.room_id, sessionId: null };
  }
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}
