import { Module } from '@nestjs/common';
import { StaffCallsModule } from '../staff-calls/staff-calls.module';
import { RoomScreenController } from './room-screen.controller';
import { RoomScreenService } from './room-screen.service';
import { SurveyService } from './survey.service';

@Module({
  imports: [StaffCallsModule],
  controllers: [RoomScreenController],
  providers: [RoomScreenService, SurveyService],
  exports: [RoomScreenService],
})
export class RoomScreenModule {}
