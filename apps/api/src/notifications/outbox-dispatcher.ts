import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutgoingMessage, SENDER_ROUTES, SenderRoutes } from './notification-sender';

/** Rows claimed per round: small, so one slow provider never holds many messages at once. */
export const OUTBOX_BATCH = 20;
/** After this many failed attempts a message is left unsent for a person to look at. */
export const OUTBOX_MAX_ATTEMPTS = 8;
/** A claimed row is not claimed again for this long, even if its sender never reports back. */
const CLAIM_LEASE_SECONDS = 300;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 3600_000;
const MAX_ROUNDS = 10;

export interface DispatchResult {
  sent: number;
  failed: number;
}

/** 1, 2, 4, 8 ... minutes after the n-th failed attempt, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/**
 * Sends what the outbox holds. Rows are claimed with FOR UPDATE SKIP LOCKED in one short
 * statement that also counts the attempt and leases the row, so several API instances can run it
 * at once without sending a message twice, and no transaction stays open while a provider is
 * slow. A failure is recorded with exponential backoff until the attempts run out.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger('Notifications');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SENDER_ROUTES) private readonly routes: SenderRoutes,
  ) {}

  async dispatchDue(now = new Date()): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, failed: 0 };
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const claimed = await this.claim(now);
      for (const message of claimed) {
        if (await this.deliver(message, now)) result.sent += 1;
        else result.failed += 1;
      }
      if (claimed.length < OUTBOX_BATCH) break;
    }
    return result;
  }

  private async claim(now: Date): Promise<(OutgoingMessage & { attempts: number })[]> {
    const [rows]: [(OutgoingMessage & { attempts: number })[], number] = await this.db.query(
      `UPDATE notification_outbox o
          SET attempts = o.attempts + 1, next_attempt_at = $1::timestamptz + make_interval(secs => $4)
        WHERE o.id IN (SELECT id FROM notification_outbox
                        WHERE sent_at IS NULL AND next_attempt_at <= $1 AND attempts < $2
                        ORDER BY next_attempt_at
                        LIMIT $3
                        FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.channel, o.recipient, o.locale, o.subject, o.body, o.html, o.calendar, o.attempts`,
      [now, OUTBOX_MAX_ATTEMPTS, OUTBOX_BATCH, CLAIM_LEASE_SECONDS],
    );
    return rows;
  }

  private async deliver(message: OutgoingMessage & { attempts: number }, now: Date): Promise<boolean> {
    const sender = this.routes[message.channel];
    try {
      if (!sender) throw new Error(`no ${message.channel === 'SMS' ? 'SMS' : 'e-mail'} provider configured`);
      await sender.send(message);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await this.db.query(`UPDATE notification_outbox SET last_error = $2, next_attempt_at = $3 WHERE id = $1`, [
        message.id,
        reason,
        new Date(now.getTime() + retryDelayMs(message.attempts)),
      ]);
      if (message.attempts >= OUTBOX_MAX_ATTEMPTS) {
        this.logger.warn(
          `Outbox ${message.id} (${message.channel}) given up after ${message.attempts} attempts: ${reason}`,
        );
      }
      return false;
    }
    await this.db.query(`UPDATE notification_outbox SET sent_at = $2, last_error = NULL WHERE id = $1`, [
      message.id,
      new Date(),
    ]);
    return true;
  }
}
