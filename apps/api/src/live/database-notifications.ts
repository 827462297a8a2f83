import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter } from 'node:events';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

export interface BookingChangedNotice {
  bookingId: string;
  status: string;
  officeId: string;
  roomId: string;
  handlerId: string;
  interpreterId: string | null;
  previousRoomId: string | null;
}

export interface StaffCallNotice {
  callId: string;
  officeId: string;
  roomId: string;
  at: string;
}

export interface StaffCallAcknowledgedNotice {
  callId: string;
  officeId: string;
  roomId: string;
  at: string;
}

export interface HandlerReminderNotice {
  bookingId: string;
  handlerId: string;
  officeId: string;
  roomId: string;
  at: string;
}

const CHANNELS = ['booking_changed', 'staff_call', 'staff_call_acknowledged', 'handler_reminder'] as const;

/**
 * One dedicated connection LISTENing for the triggers' NOTIFYs, re-established with backoff if the
 * database goes away, and re-emitted as typed events inside the process. A lost connection is
 * replaced exactly once however many ways pg reports the loss (an admin shutdown raises two
 * errors, then ends the connection): two listeners would deliver every event twice.
 */
@Injectable()
export class DatabaseNotifications extends EventEmitter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseNotifications.name);
  private client: Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private retryMs = 500;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const options = this.db.options as { url?: string };
    const client = new Client({ connectionString: options.url });
    let lost = false;
    const lose = (why: string): void => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`Live update connection lost: ${why}`);
      this.reconnectLater();
    };
    client.on('notification', (message) => this.dispatch(message.channel, message.payload));
    client.on('error', (error) => lose(error.message));
    client.on('end', () => lose('the connection was closed'));
    try {
      await client.connect();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
      if (lost) return;
      this.client = client;
      this.retryMs = 500;
    } catch (error) {
      lose(`could not listen: ${(error as Error).message}`);
    }
  }

  /** At most one reconnection is ever pending. */
  private reconnectLater(): void {
    if (this.stopped || this.retryTimer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }

  private dispatch(channel: string, payload: string | undefined): void {
    if (!payload) return;
    try {
      const data: unknown = JSON.parse(payload);
      this.emit(channel, data);
    } catch {
      this.logger.warn(`Unreadable ${channel} notification ignored`);
    }
  }
}
