import { randomInt } from 'node:crypto';
import { CROCKFORD_ALPHABET, formatManageCode, MANAGE_CODE_LENGTH } from '@distans/contracts';
import { humanCode } from '../auth/secrets';

/** Characters in a booking reference, from the alphabet people read and type without mistakes. */
export const REFERENCE_LENGTH = 6;

/** A booking reference as people see it: two groups of three, e.g. 'K7P-3QX'. */
export function formatReference(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** A fresh random reference; the database's unique constraint decides whether it is free. */
export function randomReference(): string {
  return formatReference(humanCode(REFERENCE_LENGTH));
}

/** A fresh manage code, grouped for people ('K7QM-4XRT-9P'); only its hash is stored. */
export function randomManageCode(): string {
  let code = '';
  for (let i = 0; i < MANAGE_CODE_LENGTH; i += 1) code += CROCKFORD_ALPHABET[randomInt(CROCKFORD_ALPHABET.length)];
  return formatManageCode(code);
}
