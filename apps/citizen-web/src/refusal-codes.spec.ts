import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '@distans/contracts';
import { CITIZEN_CODES } from './refusal-codes';

/** Refusals in docs/booking.md that only staff, devices or sessions meet, never the citizen site. */
const STAFF_ONLY = new Set([
  'CHECK_IN_NOT_OPEN',
  'CHECK_IN_CLOSED',
  'NO_SHOW_TOO_EARLY',
  'NEW_TIME_TOO_EARLY',
  'SESSION_NOT_OPEN',
  'SESSION_CLOSED',
  'VISITOR_NOT_CHECKED_IN',
  'ROOM_ALREADY_BLOCKED',
  'BLOCK_OVERLAPS_BOOKINGS',
]);

function documentedRefusals(): string[] {
  const docs = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'booking.md'), 'utf8');
  return [...docs.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((match) => match[1]);
}

describe('citizen refusal codes', () => {
  const catalogue = JSON.parse(readFileSync(join(__dirname, 'i18n', 'sv.json'), 'utf8')) as Record<string, string>;

  it('should have a code for every booking refusal in docs/booking.md that a visitor can meet', () => {
    const documented = documentedRefusals();
    expect(documented.length).toBeGreaterThan(25);
    expect(documented.filter((code) => !STAFF_ONLY.has(code) && !CITIZEN_CODES.includes(code as never))).toEqual([]);
  });

  it('should have a text for every code it knows (and so, by the catalogue test, in every language)', () => {
    expect(CITIZEN_CODES.filter((code) => !catalogue[`error.code.${code}`])).toEqual([]);
    expect(CITIZEN_CODES.filter((code) => !(ERROR_CODES as readonly string[]).includes(code))).toEqual([]);
  });
});
