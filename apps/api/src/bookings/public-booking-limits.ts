import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { EntityManager } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { sha256 } from '../auth/secrets';
import { TooManyRequestsError } from '../common/domain-errors';

export interface PublicBookingLimits {
  MAX_ACTIVE_BOOKINGS_PER_CONTACT: number;
  MAX_BOOKINGS_PER_ADDRESS_PER_DAY: number;
  BURST_BOOKINGS: number;
  BURST_WINDOW_MINUTES: number;
}

/** Origin rows and their salts are kept this long: today's limit and a burst across midnight. */
const KEEP_ORIGINS_HOURS = 48;

/**
 * A phone number as one key however it was typed: '070-123 45 67', '0046701234567' and
 * '+46 70 123 45 67' are the same number (libphonenumber-js, Swedish numbering by default).
 * Null when it is no phone number at all: then it is not counted as one.
 */
export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const parsed = parsePhoneNumberFromString(phone, 'SE');
  return parsed?.isPossible() ? parsed.number : null;
}

/**
 * The limits of the public booking endpoint, which anyone can call without a login: a script must
 * not book out an office. Checked inside the booking's transaction under advisory locks on the
 * contact and the address, so parallel requests cannot slip past a limit together.
 *
 * The client address is kept only as a SHA-256 of a salt of the day and the address: enough to
 * count one address's bookings today and to see a burst, never the address itself; yesterday's
 * hashes cannot be linked to today's, and rows and salts go after two days (`purge`).
 */
export class PublicBookingGuard {
  constructor(private readonly limits: PublicBookingLimits) {}

  /** Refuses with 429 when a limit is reached; otherwise answers the address hash to record. */
  async check(
    tx: EntityManager,
    request: { phoneKey: string | null; email: string | null; clientAddress: string },
  ): Promise<string> {
    const addressHash = await this.addressHash(tx, request.clientAddress);
    const keys = [
      request.phoneKey && `phone:${request.phoneKey}`,
      request.email && `email:${request.email}`,
      `addr:${addressHash}`,
    ]
      .filter((key): key is string => Boolean(key))
      .sort();
    // Sorted, so two requests sharing keys always take their locks in the same order.
    for (const key of keys) await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);

    const [{ active }]: { active: number }[] = await tx.query(
      `SELECT count(*)::int AS active FROM booking
        WHERE booked_via = 'PUBLIC' AND status IN ('BOOKED', 'CHECKED_IN', 'IN_SESSION') AND ends_at > now()
          AND (citizen_phone_key = $1 OR citizen_email = $2)`,
      [request.phoneKey, request.email],
    );
    if (active >= this.limits.MAX_ACTIVE_BOOKINGS_PER_CONTACT) {
      throw new TooManyRequestsError(
        `This phone number or e-mail address already has ${active} upcoming bookings, the most one person ` +
          'may hold online. Cancel one you no longer need, or contact the office.',
        { code: 'TOO_MANY_ACTIVE_BOOKINGS', extra: { limit: this.limits.MAX_ACTIVE_BOOKINGS_PER_CONTACT } },
      );
    }
    const [{ today }]: { today: number }[] = await tx.query(
      `SELECT count(*)::int AS today FROM public_booking_origin
        WHERE address_hash = $1 AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`,
      [addressHash],
    );
    if (today >= this.limits.MAX_BOOKINGS_PER_ADDRESS_PER_DAY) {
      throw new TooManyRequestsError(
        `${today} bookings have been made from your network today, the most allowed online in one day. ` +
          'Please try again tomorrow, or contact the office.',
        { code: 'TOO_MANY_BOOKINGS_FROM_ADDRESS', extra: { limit: this.limits.MAX_BOOKINGS_PER_ADDRESS_PER_DAY } },
      );
    }
    return addressHash;
  }

  /**
   * Records where a new public booking came from, and marks it and the others from the same
   * address in the window as a burst once there are BURST_BOOKINGS of them.
   */
  async record(tx: EntityManager, bookingId: string, addressHash: string): Promise<boolean> {
    await tx.query(`INSERT INTO public_booking_origin (booking_id, address_hash) VALUES ($1, $2)`, [
      bookingId,
      addressHash,
    ]);
    const recent: { booking_id: string }[] = await tx.query(
      `SELECT booking_id FROM public_booking_origin
        WHERE address_hash = $1 AND created_at > now() - make_interval(mins => $2)`,
      [addressHash, this.limits.BURST_WINDOW_MINUTES],
    );
    if (recent.length < this.limits.BURST_BOOKINGS) return false;
    await tx.query(`UPDATE booking SET burst = true WHERE id = ANY($1::uuid[]) AND NOT burst`, [
      recent.map((r) => r.booking_id),
    ]);
    return true;
  }

  /** Forgets origins and salts older than two days. */
  static async purge(tx: EntityManager): Promise<number> {
    const [, removed]: [unknown, number] = await tx.query(
      `DELETE FROM public_booking_origin WHERE created_at < now() - make_interval(hours => $1)`,
      [KEEP_ORIGINS_HOURS],
    );
    await tx.query(`DELETE FROM client_address_salt WHERE day < (now() AT TIME ZONE 'UTC')::date - 1`);
    return removed;
  }

  private async addressHash(tx: EntityManager, clientAddress: string): Promise<string> {
    await tx.query(
      `INSERT INTO client_address_salt (day, salt) VALUES ((now() AT TIME ZONE 'UTC')::date, $1) ON CONFLICT (day) DO NOTHING`,
      [randomBytes(32).toString('hex')],
    );
    const [{ salt }]: { salt: string }[] = await tx.query(
      `SELECT salt FROM client_address_salt WHERE day = (now() AT TIME ZONE 'UTC')::date`,
    );
    return sha256(`${salt}:${clientAddress}`);
  }
}
