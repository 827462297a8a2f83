import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HandlerWaitJob } from '../bookings/handler-wait.job';
import { NoShowJob } from '../bookings/no-show.job';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { OutboxDispatcher } from '../notifications/outbox-dispatcher';

/**
 * Runs the background jobs every JOB_INTERVAL_SECONDS (0: never). A round that is still running
 * when the next is due is not started twice; across instances the jobs guard themselves (an
 * advisory lock for the no-show sweep, SKIP LOCKED claims for the outbox).
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly noShows: NoShowJob,
    private readonly handlerWait: HandlerWaitJob,
    private readonly outbox: OutboxDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.JOB_INTERVAL_SECONDS === 0) return;
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
    await this.guarded('no-show sweep', async () => {
      const marked = await this.noShows.sweep(now);
      if (marked > 0) this.logger.log(`Marked ${marked} booking(s) as no-show`);
    });
    await this.guarded('handler wait', async () => {
      const { reminded, missed } = await this.handlerWait.sweep(now);
      if (reminded + missed > 0)
        this.logger.log(`Handlers reminded: ${reminded}; meetings missed by the handler: ${missed}`);
    });
    await this.guarded('outbox dispatch', async () => {
      const { sent, failed } = await this.outbox.dispatchDue(now);
      if (sent + failed > 0) this.logger.log(`Outbox: ${sent} sent, ${failed} failed`);
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
