import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module';
import { RetentionModule } from '../retention/retention.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SessionsModule } from '../sessions/sessions.module';
import { JobScheduler } from './job-scheduler';

@Module({
  imports: [BookingsModule, NotificationsModule, RetentionModule, SessionsModule],
  providers: [JobScheduler],
  exports: [JobScheduler],
})
export class JobsModule {}
