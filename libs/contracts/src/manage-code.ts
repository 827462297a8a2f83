/**
 * The code that, with the booking reference, lets a visitor see, move or cancel their booking.
 * People copy it from an SMS or a printed slip, so it is made to be typed: ten characters of
 * Crockford's base32 (50 random bits; no I, L, O or U), shown in groups as 'K7QM-4XRT-9P'. What
 * people type is read generously, as Crockford intends: case, spaces and dashes do not matter,
 * and O is read as 0, I and L as 1.
 *
 * 50 bits cannot be guessed online: the public endpoints are rate-limited per client address,
 * and a wrong code answers exactly like a wrong reference.
 */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const MANAGE_CODE_LENGTH = 10;

const MANAGE_CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/** The code as the server hashes it: what was typed, without groups, in canonical letters. */
export function normaliseManageCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function isManageCode(input: string): boolean {
  return MANAGE_CODE.test(normaliseManageCode(input));
}

/** 'K7QM4XRT9P' (or any typed form of it) -> 'K7QM-4XRT-9P'. */
export function formatManageCode(input: string): string {
  const code = normaliseManageCode(input);
  return [code.slice(0, 4), code.slice(4, 8), code.slice(8)].filter(Boolean).join('-');
}

/**
 * The link in every message and on the confirmation page. The code is in the fragment, which a
 * browser never sends: it does not reach the server's or a proxy's logs. The manage page reads it
 * and sends it as the `x-manage-token` header.
 */
export function manageLink(publicBaseUrl: string, reference: string, code: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/manage/${encodeURIComponent(reference)}#${formatManageCode(code)}`;
}
