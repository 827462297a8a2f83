import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { MediaService } from '../sessions/media.service';

interface HealthReport {
  status: 'ok' | 'degraded';
  uptimeSeconds: number;
  checks: {
    database: { status: 'up' | 'down'; latencyMs?: number; error?: string };
    /** Down when no media worker is running: no video session can start. Off when MEDIA_ENABLED=false. */
    media: { status: 'up' | 'down' | 'off' } & ReturnType<MediaService['stats']>;
  };
}

/** Liveness plus readiness: 200 when the database answers and a media worker runs, 503 otherwise. */
@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly media: MediaService,
  ) {}

  @Get()
  @HttpCode(HttpStatus.OK)
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const started = performance.now();
    let database: HealthReport['checks']['database'];
    try {
      await this.db.query('SELECT 1');
      database = { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch {
      database = { status: 'down', error: 'database unreachable' };
    }
    const stats = this.media.stats();
    const mediaStatus: HealthReport['checks']['media']['status'] = !this.media.enabled
      ? 'off'
      : stats.workers.length > 0
        ? 'up'
        : 'down';
    const media = { status: mediaStatus, ...stats };
    // Switched off on purpose is not a fault; a worker that should run and does not is.
    const ok = database.status === 'up' && mediaStatus !== 'down';
    if (!ok) void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ok ? 'ok' : 'degraded',
      uptimeSeconds: Math.round(process.uptime()),
      checks: { database, media },
    };
  }
}
