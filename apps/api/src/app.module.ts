import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger as PinoLogger } from 'pino';
import { AgendaModule } from './agenda/agenda.module';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { BookingsModule } from './bookings/bookings.module';
import { PublicThrottlerGuard } from './auth/public-throttler.guard';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { holdConfig } from './config/config.holder';
import { ConfigModule } from './config/config.module';
import { typeormOptions } from './database/typeorm-options';
import { DevicesModule } from './devices/devices.module';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { JobsModule } from './jobs/jobs.module';
import { LiveModule } from './live/live.module';
import { OfficeOperationsModule } from './office-operations/office-operations.module';
import { OrgModule } from './org/org.module';
import { RoomScreenModule } from './room-screen/room-screen.module';
import { SessionsModule } from './sessions/sessions.module';
import { StatisticsModule } from './statistics/statistics.module';
import { StaffCallsModule } from './staff-calls/staff-calls.module';
import { UsersModule } from './users/users.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** The resolved database URL: DATABASE_URL, or the embedded PostgreSQL's. */
  databaseUrl: string;
  logger: PinoLogger;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    holdConfig(config);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, options.logger),
        TypeOrmModule.forRoot(typeormOptions(options.databaseUrl, config.DB_POOL_SIZE)),
        ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: config.PUBLIC_RATE_LIMIT_PER_MINUTE }]),
        AuditModule,
        AuthModule,
        OrgModule,
        UsersModule,
        DevicesModule,
        BookingsModule,
        OfficeOperationsModule,
        AgendaModule,
        JobsModule,
        RoomScreenModule,
        StaffCallsModule,
        LiveModule,
        SessionsModule,
        StatisticsModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        // Registered as APP_* providers so that tests building the module get the same behaviour.
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_GUARD, useClass: PublicThrottlerGuard },
        { provide: APP_GUARD, useExisting: AuthGuard },
      ],
    };
  }
}
