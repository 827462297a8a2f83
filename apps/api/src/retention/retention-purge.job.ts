import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';

/** Advisory lock key of the purge: one instance purges at a time, the others skip that run. */
export const RETENTION_PURGE_LOCK = 0x4453_0003;

export interface PurgeResult {
  /** Bookings whose personal fields were emptied in this run. */
  bookings: number;
  /** Outbox messages (they hold the recipient and the text with the name) deleted. */
  messages: number;
  /** Audit rows and security events past their own retention, deleted. */
  auditRows: number;
}

/**
 * Removes a visitor's personal data PERSONAL_DATA_RETENTION_DAYS after the booking ends: name,
 * phone, e-mail, accessibility note, manage-link hash, and the booking's outbox messages. The
 * booking, its history and the statistics stay, with the personal fields emptied; a check in the
 * database keeps a purged booking purged. Runs in batches (short transactions, no long locks),
 * is idempotent (a purged booking is never picked again) and writes one audit row per run.
 * Audit rows go after their own, longer AUDIT_RETENTION_DAYS.
 */
@Injectable()
export class RetentionPurgeJob {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** null when another instance holds the purge. */
  async run(now = new Date()): Promise<PurgeResult | null> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }]: { locked: boolean }[] = await runner.query(
        `SELECT pg_try_advisory_lock($1::bigint) AS locked`,
        [RETENTION_PURGE_LOCK],
      );
      if (!locked) return null;
      try {
        const result: PurgeResult = { bookings: 0, messages: 0, auditRows: 0 };
        for (;;) {
          const batch = await this.purgeBatch(now);
          result.bookings += batch.bookings;
          result.messages += batch.messages;
          if (batch.bookings < this.config.PURGE_BATCH_SIZE) break;
        }
        const [{ deleted }]: { deleted: number }[] = await this.db.query(`SELECT purge_expired_audit($1) AS deleted`, [
          this.config.AUDIT_RETENTION_DAYS,
        ]);
        result.auditRows = deleted;
        await this.audit.record({
          action: 'retention.purge',
          resourceType: 'retention',
          details: {
            ...result,
            retentionDays: this.config.PERSONAL_DATA_RETENTION_DAYS,
            auditRetentionDays: this.config.AUDIT_RETENTION_DAYS,
          },
        });
        return result;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1::bigint)`, [RETENTION_PURGE_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async purgeBatch(now: Date): Promise<{ bookings: number; messages: number }> {
    const [row]: { bookings: number; messages: number }[] = await this.db.query(
      `WITH due AS (
         SELECT id FROM booking
          WHERE personal_data_purged_at IS NULL AND ends_at < $1::timestamptz - make_interval(days => $2)
          ORDER BY ends_at LIMIT $3
          FOR UPDATE SKIP LOCKED),
       messages AS (DELETE FROM notification_outbox n USING due WHERE n.booking_id = due.id RETURNING n.id),
       purged AS (
         UPDATE booking b
            SET citizen_name = '', citizen_phone = NULL, citizen_phone_key = NULL, citizen_email = NULL,
                accessibility_note = '', manage_token_hash = '', manage_code_sealed = NULL,
                personal_data_purged_at = $1, updated_at = now()
           FROM due WHERE b.id = due.id
         RETURNING b.id)
       SELECT (SELECT count(*) FROM purged)::int AS bookings, (SELECT count(*) FROM messages)::int AS messages`,
      [now, this.config.PERSONAL_DATA_RETENTION_DAYS, this.config.PURGE_BATCH_SIZE],
    );
    return row;
  }
}
