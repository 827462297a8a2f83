import { Module } from '@nestjs/common';
import { RoomsController } from './rooms.controller';
import { RoomsService } from './rooms.service';
import { AuditModule } from '../../audit/audit.module';
import { BookingImpactModule } from '../booking-impact/booking-impact.module';

@Module({ imports: [AuditModule, BookingImpactModule], controllers: [RoomsController], providers: [RoomsService] })
export class RoomsModule {}
