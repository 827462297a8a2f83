import { Module } from '@nestjs/common';
import { StaffCallsModule } from '../staff-calls/staff-calls.module';
import { RoomScreenController } from './room-screen.controller';
import { RoomScreenService } from './room-screen.service';

@Module({
  imports: [StaffCallsModule],
  controllers: [RoomScreenController],
  providers: [RoomScreenService],
  exports: [RoomScreenService],
})
export class RoomScreenModule {}
