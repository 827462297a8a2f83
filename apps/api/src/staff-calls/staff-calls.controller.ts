import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StaffCallView } from '@distans/contracts';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { Actor } from '../common/request-context';
import { StaffCallsService } from './staff-calls.service';

/** Calls for office staff from the visiting rooms, for the consoles of those offices. */
@ApiTags('office operations')
@ApiBearerAuth()
@Roles('ADMIN', 'OFFICE_STAFF')
@Controller('staff-calls')
export class StaffCallsController {
  constructor(private readonly calls: StaffCallsService) {}

  /** Open calls (not yet acknowledged) in the caller's offices, oldest first. */
  @Get()
  open(@CurrentActor() actor: Actor): Promise<StaffCallView[]> {
    return this.calls.open(actor);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StaffCallView> {
    return this.calls.acknowledge(actor, id);
  }
}
