import { Module } from '@nestjs/common';
import { OfficeHoursController } from './office-hours.controller';
import { OfficeHoursService } from './office-hours.service';
import { OfficesController } from './offices.controller';
import { OfficesService } from './offices.service';
import { AuditModule } from '../../audit/audit.module';

@Module({
  imports: [AuditModule],
  controllers: [OfficesController, OfficeHoursController],
  providers: [OfficesService, OfficeHoursService],
})
export class OfficesModule {}
