import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import { SENDER_ROUTES } from './notification-sender';
import { NotificationsService } from './notifications.service';
import { OutboxDispatcher } from './outbox-dispatcher';
import { senderRoutesFactory } from './sender-routes';

@Module({
  providers: [
    NotificationsService,
    OutboxDispatcher,
    { provide: SENDER_ROUTES, inject: [APP_CONFIG], useFactory: (config: AppConfig) => senderRoutesFactory(config) },
  ],
  exports: [NotificationsService, OutboxDispatcher],
})
export class NotificationsModule {}
