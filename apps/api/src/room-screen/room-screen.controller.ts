import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { Actor } from '../common/request-context';
import type { RoomScreenStatus, RoomStaffCall, SurveyOfferView } from '@distans/contracts';
import { SurveyAnswerDto } from './dto/survey-answer.dto';
import { SurveyService } from './survey.service';
import { RoomScreenService } from './room-screen.service';

@ApiTags('room screen')
@ApiBearerAuth()
@Roles('ROOM_DEVICE')
@Controller('room-screen')
export class RoomScreenController {
  constructor(
    private readonly screen: RoomScreenService,
    private readonly survey: SurveyService,
  ) {}

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

  /** The survey after a finished meeting here: 404 when there is none, 409 once it is answered. */
  @Get('survey/:bookingId')
  surveyOffer(
    @CurrentActor() actor: Actor,
    @Param('bookingId', ParseUUIDPipe) bookingId: string,
  ): Promise<SurveyOfferView> {
    return this.survey.offer(actor, bookingId);
  }

  /** The visitor's answers, stored without the booking; once per meeting. */
  @Post('survey')
  @HttpCode(204)
  async surveyAnswer(@CurrentActor() actor: Actor, @Body() dto: SurveyAnswerDto): Promise<void> {
    await this.survey.answer(actor, dto);
  }
}
