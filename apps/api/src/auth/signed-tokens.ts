import type { JwtService } from '@nestjs/jwt';

/** The ids inside the tokens (users, devices, sessions, bookings) are UUIDs. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Claims every token the API signs carries, whatever its kind. */
export interface SignedClaims {
  /** The kind of token: an access token must never pass as a session ticket, nor the other way. */
  typ: string;
  /** A user id, or for a room device's session ticket the device id. */
  sub: string;
  iat: number;
  exp: number;
}

/**
 * Verifies a token the API signed, refusing what the JWT library alone would accept: a token with
 * no expiry (it would never expire), one valid for longer than its kind ever is, one of another
 * kind, or one without a well-formed subject. Returns null for anything but a sound token, so
 * callers answer every failure with the same message.
 */
export function verifySignedToken<T extends SignedClaims>(
  jwt: JwtService,
  token: string,
  expected: {
    typ: T['typ'];
    lifetimeSeconds: number;
    audience?: string;
    /** Told when the token is not merely expired but was never ours: a bad signature, a wrong kind. */
    onForged?: () => void;
  },
): T | null {
  let claims: T;
  try {
    claims = jwt.verify<T>(token, {
      algorithms: ['HS256'],
      ...(expected.audience ? { audience: expected.audience } : {}),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name !== 'TokenExpiredError' && name !== 'NotBeforeError') expected.onForged?.();
    return null;
  }
  const sound =
    claims.typ === expected.typ &&
    typeof claims.sub === 'string' &&
    UUID.test(claims.sub) &&
    Number.isInteger(claims.exp) &&
    Number.isInteger(claims.iat) &&
    // A few seconds of slack for the clock between signing and the iat the library wrote.
    claims.exp - claims.iat <= expected.lifetimeSeconds + 5;
  if (!sound) expected.onForged?.();
  return sound ? claims : null;
}
