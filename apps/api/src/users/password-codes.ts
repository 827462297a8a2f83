import type { PasswordCodeView } from '@distans/contracts';
import type { EntityManager } from 'typeorm';
import { humanCode, randomToken, sha256 } from '../auth/secrets';
import { hashPassword } from '../auth/auth.service';

export type PasswordCodePurpose = 'INVITE' | 'RESET';

/** An invitation gives the new colleague a week; a reset is for someone waiting to get back in. */
const VALID_HOURS: Record<PasswordCodePurpose, number> = { INVITE: 7 * 24, RESET: 24 };

/** 16 characters of 29 (about 78 bits), read off a screen or a note and typed in four groups. */
const CODE_LENGTH = 16;

export const SET_PASSWORD_PATH = '/office/set-password';

export function formatPasswordCode(raw: string): string {
  return raw.match(/.{1,4}/g)!.join('-');
}

/**
 * A password nobody knows, for an account that waits for its owner to choose one (a new
 * invitation, or a reset that must lock out whoever knew the old password).
 */
export function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomToken('unusable'));
}

/**
 * Issues a one-time code in the caller's transaction: any code still open for the person is
 * withdrawn first (the partial unique index allows one), so only the newest works.
 */
export async function issuePasswordCode(
  tx: EntityManager,
  userId: string,
  purpose: PasswordCodePurpose,
  createdBy: string | null,
): Promise<PasswordCodeView> {
  const raw = humanCode(CODE_LENGTH);
  const expiresAt = new Date(Date.now() + VALID_HOURS[purpose] * 3_600_000);
  await tx.query(`DELETE FROM password_code WHERE user_id = $1 AND used_at IS NULL`, [userId]);
  await tx.query(
    `INSERT INTO password_code (user_id, code_hash, purpose, created_by, expires_at) VALUES ($1, $2, $3, $4, $5)`,
    [userId, sha256(raw), purpose, createdBy, expiresAt],
  );
  const code = formatPasswordCode(raw);
  // In the fragment, so that the code never reaches a server log or a Referer header.
  return { code, path: `${SET_PASSWORD_PATH}#code=${code}`, expiresAt: expiresAt.toISOString() };
}
