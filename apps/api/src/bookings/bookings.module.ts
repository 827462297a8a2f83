import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { AvailabilityController } from './availability/availability.controller';
import { AvailabilityLoader } from './availability/availability.loader';
import { AvailabilityService } from './availability/availability.service';
import { BookingAllocator } from './booking-allocator';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';
import { HandlerWaitJob } from './handler-wait.job';
import { NoShowJob } from './no-show.job';
import { ReminderJob } from './reminder.job';
import { AuditModule } from '../audit/audit.module';

@Module({
  imports: [AuditModule, NotificationsModule],
  controllers: [AvailabilityController, BookingsController],
  providers: [
    AvailabilityLoader,
    AvailabilityService,
    BookingAllocator,
    BookingsService,
    NoShowJob,
    HandlerWaitJob,
    ReminderJob,
  ],
  exports: [
    BookingsService,
    BookingAllocator,
    AvailabilityLoader,
    AvailabilityService,
    NoShowJob,
    HandlerWaitJob,
    ReminderJob,
  ],
})
export class BookingsModule {}
