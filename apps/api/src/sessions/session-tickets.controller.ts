import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionTicketResponse } from '@distans/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import type { Actor } from '../common/request-context';
import { SessionTicketsService } from './session-tickets.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('bookings')
export class SessionTicketsController {
  constructor(private readonly tickets: SessionTicketsService) {}

  /** No @Roles: a caller who is not part of the booking gets 404, not a hint that it exists. */
  @ApiOperation({
    summary: 'A single-use ticket for the video session, with ICE servers',
    description:
      'For the booking’s handler, its interpreter, and the room device of its room once the visitor is checked in; ' +
      'from SESSION_JOIN_BEFORE_MINUTES before the start to SESSION_JOIN_AFTER_MINUTES after the end. ' +
      'Anyone else: 404. Outside the window: 409 saying when it opens.',
  })
  @Post(':id/session-ticket')
  @HttpCode(201)
  issue(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<SessionTicketResponse> {
    return this.tickets.issue(actor, id);
  }
}
