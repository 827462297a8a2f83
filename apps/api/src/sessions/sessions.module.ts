import { createHmac } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { BookingsModule } from '../bookings/bookings.module';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { MediaService } from './media.service';
import { SessionGateway } from './session.gateway';
import { SessionTicketsController } from './session-tickets.controller';
import { SessionTicketsService } from './session-tickets.service';
import { SessionsService } from './sessions.service';
import { AuditModule } from '../audit/audit.module';

/**
 * A key of its own, derived from the access-token secret: a session ticket can never pass as an
 * access token, nor the other way round.
 */
export function sessionTicketSecret(accessSecret: string): string {
  return createHmac('sha256', accessSecret).update('distans:session-ticket').digest('base64url');
}

@Module({
  imports: [
    AuditModule,
    BookingsModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: sessionTicketSecret(config.JWT_ACCESS_SECRET ?? ''),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [SessionTicketsController],
  providers: [MediaService, SessionTicketsService, SessionsService, SessionGateway],
  exports: [MediaService, SessionsService],
})
export class SessionsModule {}
