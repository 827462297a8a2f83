import { availableParallelism } from 'node:os';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { MediaServer, type MediaStats } from '@distans/media';
import type { Logger as PinoLogger } from 'pino';
import { AppConfig } from '../config/app-config';
import { ServiceUnavailableError } from '../common/domain-errors';
import { APP_CONFIG, ROOT_LOGGER } from '../config/config.tokens';

/** The SFU's lifetime inside the Nest application: started with the app, closed with it. */
@Injectable()
export class MediaService implements OnModuleInit, OnModuleDestroy {
  private media?: MediaServer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: PinoLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.MEDIA_ENABLED) {
      this.logger.info({ context: 'media' }, 'Video is switched off (MEDIA_ENABLED=false): sessions answer 503');
      return;
    }
    this.media = await MediaServer.create({
      workers: this.config.MEDIA_WORKERS || availableParallelism(),
      listenIp: this.config.MEDIA_LISTEN_IP,
      announcedAddress: this.config.MEDIA_ANNOUNCED_ADDRESS,
      webRtcPort: this.config.MEDIA_WEBRTC_PORT,
      rtcMinPort: this.config.MEDIA_RTC_MIN_PORT,
      rtcMaxPort: this.config.MEDIA_RTC_MAX_PORT,
      maxIncomingBitrate: 3_000_000,
      bandwidthRecovery: this.config.MEDIA_BANDWIDTH_RECOVERY,
      logger: this.logger.child({ context: 'media' }),
    });
  }

  onModuleDestroy(): void {
    this.media?.close();
  }

  /** Whether video runs on this server at all (MEDIA_ENABLED). */
  get enabled(): boolean {
    return this.config.MEDIA_ENABLED;
  }

  get server(): MediaServer {
    if (!this.media) {
      if (!this.enabled) throw new ServiceUnavailableError('Video is switched off on this server');
      throw new Error('The media server has not started');
    }
    return this.media;
  }

  stats(): MediaStats {
    return this.media ? this.media.stats() : { workers: [], rooms: 0, peers: 0, workerDeaths: 0 };
  }
}
