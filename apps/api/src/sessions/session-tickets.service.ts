import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BookingStatus, Role, SessionRole, SessionTicketResponse } from '@distans/contracts';
import { SESSION_NAMESPACE } from '@distans/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SignedClaims, UUID, verifySignedToken } from '../auth/signed-tokens';
import { describeStatus } from '../bookings/booking-lifecycle';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../common/domain-errors';
import type { Actor } from '../common/request-context';
import { noteSecurityEvent, recordSecurityEvent } from '../common/security-events';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { joinWindow, outsideWindow } from './join-window';
import { iceServers } from './turn-credentials';

const AUDIENCE = 'distans:session';

interface TicketClaims extends SignedClaims {
  typ: 'session-ticket';
  role: Role;
  bid: string;
  jti: string;
  /** The staff session the ticket was issued under; null for a room device, which has none. */
  sid: string | null;
}

/** Who a verified ticket lets into which session; everything the gateway knows about a peer. */
export interface SessionIdentity {
  bookingId: string;
  role: SessionRole;
  /** The user, or for ROOM_DEVICE the room device. */
  actorId: string;
  displayName: string;
}

interface SessionBookingRow {
  id: string;
  status: BookingStatus;
  starts_at: Date;
  ends_at: Date;
  handler_id: string;
  interpreter_id: string | null;
  room_id: string;
  room_name: string;
  time_zone: string;
}

/**
 * Session tickets: short-lived, single-use, signed, bound to one caller and one booking. Issued
 * over HTTP to a caller already authenticated by the AuthGuard; presented in the socket.io
 * handshake, where the same rules are checked again against the database, because a booking can
 * be cancelled or reassigned after its ticket was issued.
 */
@Injectable()
export class SessionTicketsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(actor: Actor, bookingId: string, now = Date.now()): Promise<SessionTicketResponse> {
    const identity = await this.admit({ id: actor.id, role: actor.role, roomId: actor.roomId }, bookingId, now);
    const jti = randomUUID();
    const expiresAt = now + this.config.SESSION_TICKET_TTL_SECONDS * 1000;
    const claims: Omit<TicketClaims, 'iat' | 'exp'> = {
      typ: 'session-ticket',
      sub: actor.id,
      role: actor.role,
      bid: bookingId,
      jti,
      sid: actor.sessionId,
    };
    const ticket = this.jwt.sign(claims, { audience: AUDIENCE, expiresIn: this.config.SESSION_TICKET_TTL_SECONDS });
    const booking = await this.booking(bookingId);
    const window = joinWindow(
      booking!,
      this.config.SESSION_JOIN_BEFORE_MINUTES,
      this.config.SESSION_JOIN_AFTER_MINUTES,
    );
    await this.audit.record({
      action: 'session-ticket.issue',
      resourceType: 'booking',
      resourceId: bookingId,
      details: { role: identity.role },
    });
    return {
      ticket,
      expiresAt: new Date(expiresAt).toISOString(),
      namespace: SESSION_NAMESPACE,
      booking: { id: bookingId, start: booking!.starts_at.toISOString(), end: booking!.ends_at.toISOString() },
      you: { role: identity.role, displayName: identity.displayName },
      // TURN credentials outlive the ticket: they must hold for the whole meeting.
      iceServers: iceServers(this.config, window.closesAt.getTime(), jti),
    };
  }

  /** Checks a ticket from a handshake and uses it up. Throws UnauthenticatedError or ConflictError. */
  async redeem(ticket: unknown, now = Date.now()): Promise<SessionIdentity> {
    if (typeof ticket !== 'string' || ticket.length === 0 || ticket.length > 2048) {
      throw new UnauthenticatedError('A session ticket is required');
    }
    const claims = verifySignedToken<TicketClaims>(this.jwt, ticket, {
      typ: 'session-ticket',
      lifetimeSeconds: this.config.SESSION_TICKET_TTL_SECONDS,
      audience: AUDIENCE,
      onForged: () => noteSecurityEvent(this.db, 'TOKEN_FORGED', { id: null, role: 'ANONYMOUS' }),
    });
    if (!claims || !UUID.test(claims.bid) || !UUID.test(claims.jti)) {
      throw new UnauthenticatedError('The session ticket is invalid or has expired');
    }
    if (!(await this.useUp(claims))) {
      await recordSecurityEvent(this.db, 'TOKEN_REPLAYED', { id: claims.sub, role: claims.role });
      throw new UnauthenticatedError('This session ticket has already been used');
    }
    let roomId: string | null = null;
    if (claims.role === 'ROOM_DEVICE') roomId = await this.deviceRoom(claims.sub);
    else await this.requireLiveSession(claims);
    return this.admit({ id: claims.sub, role: claims.role, roomId }, claims.bid, now);
  }

  /**
   * Marks the ticket used, in PostgreSQL so that it stays used across restarts and API instances;
   * false when it already was. Rows go a while after their ticket expired, once no clock could
   * still take the ticket for valid.
   */
  private async useUp(claims: TicketClaims): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH expired AS (DELETE FROM used_session_ticket WHERE expires_at < now() - interval '5 minutes')
       INSERT INTO used_session_ticket (jti, expires_at) VALUES ($1, to_timestamp($2))
       ON CONFLICT (jti) DO NOTHING RETURNING jti`,
      [claims.jti, claims.exp],
    );
    return rows.length === 1;
  }

  /** A staff ticket is only as good as the session it was issued under, and names that session's user. */
  private async requireLiveSession(claims: TicketClaims): Promise<void> {
    const rows: unknown[] =
      typeof claims.sid === 'string' && UUID.test(claims.sid)
        ? await this.db.query(
            `SELECT 1 FROM auth_session s JOIN app_user u ON u.id = s.user_id
              WHERE s.id = $1 AND s.user_id = $2 AND u.role = $3 AND u.active
                AND s.revoked_at IS NULL AND s.expires_at > now()`,
            [claims.sid, claims.sub, claims.role],
          )
        : [];
    if (rows.length === 0) throw new UnauthenticatedError('The session has ended; log in again');
  }

  /**
   * The one rule set for both issuing and redeeming: the booking's handler, its interpreter, or
   * the room device of its room once the visitor is checked in; inside the join window. Anyone
   * else learns nothing: 404, exactly as for a booking that does not exist.
   */
  private async admit(
    who: { id: string; role: Role; roomId: string | null },
    bookingId: string,
    now: number,
  ): Promise<SessionIdentity> {
    const booking = UUID.test(bookingId) ? await this.booking(bookingId) : undefined;
    const role = booking ? sessionRole(who, booking) : null;
    if (!booking || !role) throw new NotFoundError('Booking not found');

    if (['CANCELLED', 'NO_SHOW', 'COMPLETED'].includes(booking.status)) {
      throw new ConflictError(`The booking is ${describeStatus(booking.status)}: there is no session to join`, {
        code: booking.status === 'CANCELLED' ? 'ALREADY_CANCELLED' : 'SESSION_CLOSED',
      });
    }
    if (role === 'ROOM_DEVICE' && booking.status === 'BOOKED') {
      throw new ConflictError('The visitor has not been checked in yet; the room joins after check-in', {
        code: 'VISITOR_NOT_CHECKED_IN',
      });
    }
    const window = joinWindow(booking, this.config.SESSION_JOIN_BEFORE_MINUTES, this.config.SESSION_JOIN_AFTER_MINUTES);
    const outside = outsideWindow(window, now, booking.time_zone);
    if (outside) {
      throw new ConflictError(
        now < window.opensAt.getTime()
          ? `${outside}, ${this.config.SESSION_JOIN_BEFORE_MINUTES} minutes before the start`
          : outside,
        {
          code: now < window.opensAt.getTime() ? 'SESSION_NOT_OPEN' : 'SESSION_CLOSED',
          details: { opensAt: [window.opensAt.toISOString()], closesAt: [window.closesAt.toISOString()] },
        },
      );
    }
    return { bookingId, role, actorId: who.id, displayName: await this.displayName(role, who.id, booking) };
  }

  private async booking(id: string): Promise<SessionBookingRow | undefined> {
    const [row]: SessionBookingRow[] = await this.db.query(
      `SELECT b.id, b.status, b.starts_at, b.ends_at, b.handler_id, b.interpreter_id, b.room_id,
              r.name AS room_name, o.time_zone
         FROM booking b JOIN room r ON r.id = b.room_id JOIN office o ON o.id = b.office_id
        WHERE b.id = $1`,
      [id],
    );
    return row;
  }

  private async deviceRoom(deviceId: string): Promise<string | null> {
    if (!UUID.test(deviceId)) return null;
    const [row]: { room_id: string }[] = await this.db.query(
      `SELECT room_id FROM room_device WHERE id = $1 AND revoked_at IS NULL`,
      [deviceId],
    );
    return row?.room_id ?? null;
  }

  private async displayName(role: SessionRole, actorId: string, booking: SessionBookingRow): Promise<string> {
    if (role === 'ROOM_DEVICE') return booking.room_name;
    const [row]: { display_name: string }[] = await this.db.query(
      `SELECT display_name FROM app_user WHERE id = $1 AND active`,
      [actorId],
    );
    if (!row) throw new NotFoundError('Booking not found');
    return row.display_name;
  }
}

function sessionRole(
  who: { id: string; role: Role; roomId: string | null },
  booking: SessionBookingRow,
): SessionRole | null {
  switch (who.role) {
    case 'HANDLER':
      return booking.handler_id === who.id ? 'HANDLER' : null;
    case 'INTERPRETER':
      return booking.interpreter_id === who.id ? 'INTERPRETER' : null;
    case 'ROOM_DEVICE':
      return who.roomId !== null && booking.room_id === who.roomId ? 'ROOM_DEVICE' : null;
    case 'ADMIN':
    case 'OFFICE_STAFF':
      return null;
  }
}
