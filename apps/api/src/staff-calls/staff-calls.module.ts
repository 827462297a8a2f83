import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffCallsController } from './staff-calls.controller';
import { StaffCallsService } from './staff-calls.service';

@Module({
  imports: [AuditModule],
  controllers: [StaffCallsController],
  providers: [StaffCallsService],
  exports: [StaffCallsService],
})
export class StaffCallsModule {}
