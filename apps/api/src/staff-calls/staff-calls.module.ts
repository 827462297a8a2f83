import { Module } from '@nestjs/common';
import { StaffCallsController } from './staff-calls.controller';
import { StaffCallsService } from './staff-calls.service';

@Module({ controllers: [StaffCallsController], providers: [StaffCallsService], exports: [StaffCallsService] })
export class StaffCallsModule {}
