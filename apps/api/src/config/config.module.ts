import { DynamicModule, Module } from '@nestjs/common';
import type { Logger as PinoLogger } from 'pino';
import type { AppConfig } from './app-config';
import { APP_CONFIG, ROOT_LOGGER } from './config.tokens';

/**
 * The validated configuration and the root logger: the application's environment, which any
 * module may read. This is the one global module (as Nest's own ConfigModule is with isGlobal);
 * every other dependency is imported where it is used, so a module says what it needs.
 */
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, logger: PinoLogger): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: ROOT_LOGGER, useValue: logger },
      ],
      exports: [APP_CONFIG, ROOT_LOGGER],
    };
  }
}
