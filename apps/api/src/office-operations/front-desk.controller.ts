import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { Actor } from '../common/request-context';
import { CheckInDto } from './dto/front-desk.dto';
import { FrontDeskService } from './front-desk.service';
import type { StaffBookingView } from '@distans/contracts';

/** Check-in and no-show, by staff of the booking's office. */
@ApiTags('office operations')
@ApiBearerAuth()
@Roles('ADMIN', 'OFFICE_STAFF')
@Controller('bookings/:id')
export class FrontDeskController {
  constructor(private readonly frontDesk: FrontDeskService) {}

  @Post('check-in')
  @HttpCode(200)
  checkIn(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CheckInDto,
  ): Promise<StaffBookingView> {
    return this.frontDesk.checkIn(actor, id, dto.idCheckMethod);
  }

  @Post('no-show')
  @HttpCode(200)
  noShow(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StaffBookingView> {
    return this.frontDesk.markNoShow(actor, id);
  }
}
