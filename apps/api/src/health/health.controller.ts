import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';

interface HealthReport {
  status: 'ok' | 'degraded';
  uptimeSeconds: number;
  checks: { database: { status: 'up' | 'down'; latencyMs?: number; error?: string } };
}

/** Liveness plus readiness: 200 when the database answers, 503 when it does not. */
@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
    const ok = database.status === 'up';
    if (!ok) void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', uptimeSeconds: Math.round(process.uptime()), checks: { database } };
  }
}
