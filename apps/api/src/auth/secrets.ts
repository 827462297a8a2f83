import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Tokens and codes are stored only as SHA-256 hashes: they are long random values, so a slow
 * password hash would add nothing, and a leaked table must not yield usable credentials.
 */
export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function randomToken(prefix: string, bytes = 32): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

/** No 0/O, 1/I/L or U/V: codes are read off one screen and typed on another. */
export const HUMAN_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';

export function humanCode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += HUMAN_ALPHABET[randomInt(HUMAN_ALPHABET.length)];
  return out;
}

/** Accepts what people type: lower case, spaces or dashes between groups. */
export function normalizeHumanCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
