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
 * database goes away, and re-emitted as typed events inside the process.
 */
@Injectable()
export class DatabaseNotifications extends EventEmitter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseNotifications.name);
  private client: Client | null = null;
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
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const options = this.db.options as { url?: string };
    const client = new Client({ connectionString: options.url });
    client.on('notification', (message) => this.dispatch(message.channel, message.payload));
    client.on('error', (error) => {
      this.logger.warn(`Live update connection lost: ${error.message}`);
      this.reconnectLater();
    });
    try {
      await client.connect();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
      this.client = client;
      this.retryMs = 500;
    } catch (error) {
      await client.end().catch(() => undefined);
      this.logger.warn(`Could not listen for live updates: ${(error as Error).message}`);
      this.reconnectLater();
    }
  }

  private reconnectLater(): void {
    if (this.stopped) return;
    this.client = null;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
    setTimeout(() => void this.connect(), delay).unref();
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
