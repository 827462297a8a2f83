import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import type { PasswordSetView, StaffRole, TokenPair } from '@distans/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { AccountLockedError, InvalidInputError, UnauthenticatedError } from '../common/domain-errors';
import type { Actor } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { noteSecurityEvent, recordSecurityEvent } from '../common/security-events';
import { normalizeHumanCode, randomToken, sha256 } from './secrets';
import { SignedClaims, UUID, verifySignedToken } from './signed-tokens';

interface AccessClaims extends SignedClaims {
  typ: 'access';
  sid: string;
  role: StaffRole;
}

/** argon2id with OWASP's recommended minimums; about 50 ms here. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

/**
 * Password login with short-lived signed access tokens and rotating opaque refresh tokens kept
 * (hashed) in `auth_session`. Every authenticated request also checks the session row, so logout
 * and revocation take effect at once rather than when the access token expires.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** Verified against when the e-mail is unknown, so both paths cost the same time. */
  private readonly dummyHash = hashPassword(randomToken('dummy'));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async login(
    email: string,
    password: string,
    client: { ip: string | null; userAgent: string | null },
  ): Promise<TokenPair> {
    const rows: {
      id: string;
      role: StaffRole;
      password_hash: string;
      active: boolean;
      locked_until: Date | null;
      failed_logins: number;
    }[] = await this.db.query(
      `SELECT id, role, password_hash, active, locked_until, failed_logins FROM app_user WHERE email = $1`,
      [email.trim().toLowerCase()],
    );
    const user = rows[0];
    if (!user) {
      await argon2.verify(await this.dummyHash, password);
      throw new UnauthenticatedError('Wrong e-mail address or password');
    }
    if (user.locked_until && user.locked_until.getTime() > Date.now()) {
      throw this.lockedError(user.locked_until);
    }
    const ok = await argon2.verify(user.password_hash, password);
    if (!ok) {
      await this.recordFailure(user.id);
      throw new UnauthenticatedError('Wrong e-mail address or password');
    }
    if (!user.active) throw new UnauthenticatedError('This account is disabled');

    await this.db.query(`UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [user.id]);
    const refreshToken = randomToken('rt');
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
    const [session]: { id: string }[] = await this.db.query(
      `INSERT INTO auth_session (user_id, refresh_token_hash, expires_at, client_ip, user_agent)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [user.id, sha256(refreshToken), expiresAt, client.ip, client.userAgent?.slice(0, 300) ?? null],
    );
    await this.audit.record(
      { action: 'auth.login', resourceType: 'user', resourceId: user.id },
      { actor: { id: user.id, role: user.role } },
    );
    return this.pair(user.id, session.id, user.role, refreshToken, expiresAt);
  }

  /**
   * Rotates the refresh token. Presenting a token that was already rotated away means it was
   * copied: the whole session is revoked so that neither copy keeps working.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const hash = sha256(refreshToken);
    const rows: {
      id: string;
      user_id: string;
      role: StaffRole;
      active: boolean;
      expires_at: Date;
      revoked_at: Date | null;
    }[] = await this.db.query(
      `SELECT s.id, s.user_id, u.role, u.active, s.expires_at, s.revoked_at
           FROM auth_session s JOIN app_user u ON u.id = s.user_id
          WHERE s.refresh_token_hash = $1 OR s.previous_token_hashes @> ARRAY[$1]`,
      [hash],
    );
    const session = rows[0];
    if (!session || session.revoked_at || session.expires_at.getTime() <= Date.now() || !session.active) {
      throw new UnauthenticatedError('The session has ended; log in again');
    }
    const next = randomToken('rt');
    const updated: unknown[] = await this.db.query(
      `UPDATE auth_session
          SET refresh_token_hash = $2, previous_token_hashes = array_append(previous_token_hashes, $1), last_used_at = now()
        WHERE id = $3 AND refresh_token_hash = $1 AND revoked_at IS NULL
        RETURNING id`,
      [hash, sha256(next), session.id],
    );
    if ((updated[0] as unknown[]).length === 0) {
      await this.db.query(`UPDATE auth_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
        session.id,
      ]);
      this.logger.warn({ sessionId: session.id }, 'Refresh token reuse detected; session revoked');
      throw new UnauthenticatedError('The session has ended; log in again');
    }
    return this.pair(session.user_id, session.id, session.role, next, session.expires_at);
  }

  /**
   * Chooses a password with a one-time code from an invitation or a reset. The code is claimed by
   * one conditional UPDATE, so of two tabs racing with it exactly one wins; a wrong, used or
   * expired code answers the same 400. Every session of the person ends.
   */
  async setPassword(code: string, password: string): Promise<PasswordSetView> {
    const hash = await hashPassword(password);
    return this.db.transaction(async (tx) => {
      const [claimed]: { user_id: string }[] = await tx
        .query(
          `UPDATE password_code SET used_at = now()
            WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
           RETURNING user_id`,
          [sha256(normalizeHumanCode(code))],
        )
        .then((result: [{ user_id: string }[], number]) => result[0]);
      if (!claimed) {
        throw new InvalidInputError('The code is wrong, already used or expired', {
          details: { code: ['is wrong, already used or expired; ask an administrator for a new one'] },
        });
      }
      const [user]: { email: string; role: StaffRole }[] = await tx
        .query(
          `UPDATE app_user SET password_hash = $2, failed_logins = 0, locked_until = NULL, updated_at = now()
            WHERE id = $1 RETURNING email, role`,
          [claimed.user_id, hash],
        )
        .then((result: [{ email: string; role: StaffRole }[], number]) => result[0]);
      await tx.query(`UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
        claimed.user_id,
      ]);
      await this.audit.record(
        { action: 'auth.password-set', resourceType: 'user', resourceId: claimed.user_id },
        { tx, actor: { id: claimed.user_id, role: user.role } },
      );
      return { email: user.email, role: user.role };
    });
  }

  /**
   * Ends the caller's credential: a staff session, or a room device's token, which is revoked just
   * as staff would revoke it, so the kiosk has to be paired again (a 204 that left the token
   * working would let a kiosk believe it had signed out).
   */
  async logout(actor: Actor): Promise<void> {
    if (actor.role === 'ROOM_DEVICE') {
      await this.db.query(`UPDATE room_device SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [actor.id]);
      await this.audit.record({
        action: 'room-device.revoke',
        resourceType: 'room-device',
        resourceId: actor.id,
        details: { via: 'logout' },
      });
      return;
    }
    if (!actor.sessionId) throw new UnauthenticatedError('There is no session to log out of');
    await this.db.query(`UPDATE auth_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
      actor.sessionId,
    ]);
    await this.audit.record({ action: 'auth.logout', resourceType: 'user', resourceId: actor.id });
  }

  /**
   * Throws UnauthenticatedError for anything but a well-formed, unexpired access token we signed.
   * That its subject is its session's user is checked with the session row (AuthGuard).
   */
  verifyAccessToken(token: string): AccessClaims {
    const claims = verifySignedToken<AccessClaims>(this.jwt, token, {
      typ: 'access',
      lifetimeSeconds: this.config.ACCESS_TOKEN_TTL_SECONDS,
      onForged: () => noteSecurityEvent(this.db, 'TOKEN_FORGED', { id: null, role: 'ANONYMOUS' }),
    });
    if (!claims || typeof claims.sid !== 'string' || !UUID.test(claims.sid)) {
      throw new UnauthenticatedError('The access token is invalid or has expired');
    }
    return claims;
  }

  private async recordFailure(userId: string): Promise<void> {
    const [row]: { failed_logins: number; locked_until: Date | null; role: StaffRole }[] = await this.db
      .query(
        `UPDATE app_user
          SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
        WHERE id = $1
        RETURNING failed_logins, locked_until, role`,
        [userId, this.config.LOGIN_MAX_FAILURES, this.config.LOGIN_LOCKOUT_MINUTES],
      )
      .then((r: [{ failed_logins: number; locked_until: Date | null; role: StaffRole }[], number]) => r[0]);
    if (row.locked_until && row.failed_logins >= this.config.LOGIN_MAX_FAILURES) {
      // Reset the counter so that the next lock needs a fresh series of failures.
      await this.db.query(`UPDATE app_user SET failed_logins = 0 WHERE id = $1`, [userId]);
      await this.audit.record({ action: 'auth.lockout', resourceType: 'user', resourceId: userId });
      await recordSecurityEvent(this.db, 'ACCOUNT_LOCKED', { id: userId, role: row.role });
      throw this.lockedError(row.locked_until);
    }
  }

  private lockedError(until: Date): AccountLockedError {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
    return new AccountLockedError(`Too many failed logins. The account is locked; try again in ${minutes} minute(s).`);
  }

  private pair(
    userId: string,
    sessionId: string,
    role: StaffRole,
    refreshToken: string,
    refreshExpiresAt: Date,
  ): TokenPair {
    const claims: Omit<AccessClaims, 'iat' | 'exp'> = { sub: userId, sid: sessionId, role, typ: 'access' };
    return {
      accessToken: this.jwt.sign(claims, { expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS, algorithm: 'HS256' }),
      accessTokenExpiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      refreshToken,
      refreshTokenExpiresAt: refreshExpiresAt.toISOString(),
      tokenType: 'Bearer',
    };
  }
}
