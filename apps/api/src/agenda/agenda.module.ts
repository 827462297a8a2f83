import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module';
import { AgendaController } from './agenda.controller';
import { AgendaService } from './agenda.service';
import { BookingDetailService } from './booking-detail.service';
import { AuditModule } from '../audit/audit.module';

@Module({
  imports: [AuditModule, BookingsModule],
  controllers: [AgendaController],
  providers: [AgendaService, BookingDetailService],
})
export class AgendaModule {}
