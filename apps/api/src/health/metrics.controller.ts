import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators';
import { MediaService } from '../sessions/media.service';

/**
 * Prometheus metrics. A registry per application instance (not prom-client's global one), so
 * several apps in one process (the tests) never clash. Figures only: no ids, no personal data.
 * Expose /metrics to the monitoring network only (reverse proxy rule).
 */
@ApiExcludeController()
@Public()
@SkipThrottle()
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();

  constructor(media: MediaService) {
    collectDefaultMetrics({ register: this.registry, prefix: 'distans_' });
    const gauge = (name: string, help: string, read: () => number): void => {
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read());
        },
      });
    };
    gauge('distans_media_workers', 'mediasoup workers running', () => media.stats().workers.length);
    gauge('distans_media_rooms', 'Video session rooms open', () => media.stats().rooms);
    gauge('distans_media_peers', 'Participants connected to video sessions', () => media.stats().peers);
    gauge(
      'distans_media_worker_deaths',
      'mediasoup workers that died since start-up',
      () => media.stats().workerDeaths,
    );
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
