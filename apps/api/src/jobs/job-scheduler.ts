import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HandlerWaitJob } from '../bookings/handler-wait.job';
import { NoShowJob } from '../bookings/no-show.job';
import { ReminderJob } from '../bookings/reminder.job';
import { BookingsService } from '../bookings/bookings.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { OutboxDispatcher } from '../notifications/outbox-dispatcher';
import { RetentionPurgeJob } from '../retention/retention-purge.job';
import { SessionsService } from '../sessions/sessions.service';

/** Job rounds a participation's holder may miss before the sweep takes it for dead. */
const MISSED_ROUNDS = 3;

/**
 * Runs the background jobs every JOB_INTERVAL_SECONDS (0: never). A round that is still running
 * when the next is due is not started twice; across instances the jobs guard themselves (an
 * advisory lock for the no-show sweep, SKIP LOCKED claims for the outbox, heartbeats for the
 * session participations). Participations left open by a dead API are also closed at start-up.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** When this process last ran the retention purge (it runs every PURGE_INTERVAL_MINUTES). */
  private lastPurge = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly noShows: NoShowJob,
    private readonly handlerWait: HandlerWaitJob,
    private readonly reminders: ReminderJob,
    private readonly bookingsService: BookingsService,
    private readonly outbox: OutboxDispatcher,
    private readonly sessions: SessionsService,
    private readonly retention: RetentionPurgeJob,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.JOB_INTERVAL_SECONDS === 0) return;
    this.running = this.participations().finally(() => (this.running = null));
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.runOnce().finally(() => (this.running = null));
    }, this.config.JOB_INTERVAL_SECONDS * 1000);
    // Background work must never keep the process alive on its own.
    this.timer.unref();
  }

  /** Stops the timer and lets a running round finish before the database pool closes. */
  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  async runOnce(now = new Date()): Promise<void> {
    await this.participations();
    await this.guarded('no-show sweep', async () => {
      const marked = await this.noShows.sweep(now);
      if (marked > 0) this.logger.log(`Marked ${marked} booking(s) as no-show`);
    });
    await this.guarded('handler wait', async () => {
      const { reminded, missed } = await this.handlerWait.sweep(now);
      if (reminded + missed > 0)
        this.logger.log(`Handlers reminded: ${reminded}; meetings missed by the handler: ${missed}`);
    });
    await this.guarded('reminders', async () => {
      const queued = await this.reminders.sweep(now);
      if (queued > 0) this.logger.log(`Reminders queued: ${queued}`);
    });
    await this.guarded('client address purge', async () => {
      await this.bookingsService.purgePublicOrigins();
    });
    await this.guarded('outbox dispatch', async () => {
      const { sent, failed } = await this.outbox.dispatchDue(now);
      if (sent + failed > 0) this.logger.log(`Outbox: ${sent} sent, ${failed} failed`);
    });
    if (now.getTime() - this.lastPurge >= this.config.PURGE_INTERVAL_MINUTES * 60_000) {
      this.lastPurge = now.getTime();
      await this.guarded('retention purge', async () => {
        const purged = await this.retention.run(now);
        if (purged && purged.bookings + purged.auditRows > 0)
          this.logger.log(
            `Retention: personal data purged from ${purged.bookings} booking(s), ${purged.auditRows} old audit row(s) removed`,
          );
      });
    }
  }

  private async participations(): Promise<void> {
    // Without job rounds there are no heartbeats either, so no row could be told for abandoned.
    if (this.config.JOB_INTERVAL_SECONDS === 0) return;
    await this.guarded('participation sweep', async () => {
      await this.sessions.keepAlive();
      const closed = await this.sessions.closeAbandoned(MISSED_ROUNDS * this.config.JOB_INTERVAL_SECONDS);
      if (closed > 0) this.logger.warn(`Closed ${closed} session participation(s) left open by a stopped API`);
    });
  }

  /** One job failing (say, the database restarting) must not stop the other or the timer. */
  private async guarded(name: string, job: () => Promise<void>): Promise<void> {
    try {
      await job();
    } catch (error) {
      this.logger.error({ err: error }, `${name} failed`);
    }
  }
}
