import { Module } from '@nestjs/common';
import { OfficeHoursController } from './office-hours.controller';
import { OfficeHoursService } from './office-hours.service';
import { OfficesController } from './offices.controller';
import { OfficesService } from './offices.service';
import { AuditModule } from '../../audit/audit.module';
import { BookingImpactModule } from '../booking-impact/booking-impact.module';

@Module({
  imports: [AuditModule, BookingImpactModule],
  controllers: [OfficesController, OfficeHoursController],
  providers: [OfficesService, OfficeHoursService],
})
export class OfficesModule {}
