import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { Actor } from '../common/request-context';
import type { RoomScreenStatus, RoomStaffCall } from '@distans/contracts';
import { RoomScreenService } from './room-screen.service';

@ApiTags('room screen')
@ApiBearerAuth()
@Roles('ROOM_DEVICE')
@Controller('room-screen')
export class RoomScreenController {
  constructor(private readonly screen: RoomScreenService) {}

  /** Polled by the kiosk (and refreshed by live events): the door display and the current visit. */
  @Get('status')
  status(@CurrentActor() actor: Actor): Promise<RoomScreenStatus> {
    return this.screen.status(actor);
  }

  /** The visitor pressed "call office staff". */
  @Post('call-staff')
  @HttpCode(202)
  callStaff(@CurrentActor() actor: Actor): Promise<RoomStaffCall> {
    return this.screen.callStaff(actor);
  }
}
