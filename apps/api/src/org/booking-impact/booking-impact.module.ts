import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { BookingsModule } from '../../bookings/bookings.module';
import { BookingImpactService } from './booking-impact.service';

/** What changes to offices and rooms do to bookings already made; used by both. */
@Module({ imports: [AuditModule, BookingsModule], providers: [BookingImpactService], exports: [BookingImpactService] })
export class BookingImpactModule {}
