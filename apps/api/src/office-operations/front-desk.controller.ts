import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { AvailabilityView } from '@distans/contracts';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { Actor } from '../common/request-context';
import { CheckInDto, NewTimeDto } from './dto/front-desk.dto';
import { FrontDeskService, NewTimeResult } from './front-desk.service';
import type { StaffBookingView } from '@distans/contracts';

/** Check-in, no-show, cancelling and new times, by staff of the booking's office. */
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

  /** On the visitor's behalf, at the desk or on the phone. */
  @Post('cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StaffBookingView> {
    return this.frontDesk.cancelForVisitor(actor, id);
  }

  /** Free times to offer a checked-in visitor whose handler has not come. */
  @Get('new-time-options')
  newTimeOptions(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AvailabilityView> {
    return this.frontDesk.newTimeOptions(actor, id);
  }

  /** Ends the missed meeting against the agency and books the visitor again at `start`. */
  @Post('new-time')
  @HttpCode(200)
  newTime(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: NewTimeDto,
  ): Promise<NewTimeResult> {
    return this.frontDesk.giveNewTime(actor, id, dto.start);
  }
}
