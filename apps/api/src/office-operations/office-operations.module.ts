import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module';
import { FrontDeskController } from './front-desk.controller';
import { FrontDeskService } from './front-desk.service';
import { OfficeOperationsController } from './office-operations.controller';
import { RoomBlocksService } from './room-blocks.service';
import { ScheduleService } from './schedule.service';
import { AuditModule } from '../audit/audit.module';

@Module({
  imports: [AuditModule, BookingsModule],
  controllers: [OfficeOperationsController, FrontDeskController],
  providers: [ScheduleService, RoomBlocksService, FrontDeskService],
})
export class OfficeOperationsModule {}
