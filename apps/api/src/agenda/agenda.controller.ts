import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { Actor } from '../common/request-context';
import type { AgendaView, BookingDetailView } from '@distans/contracts';
import { AgendaService } from './agenda.service';
import { BookingDetailService } from './booking-detail.service';
import { AgendaQueryDto } from './dto/agenda-query.dto';

@ApiTags('agenda')
@ApiBearerAuth()
@Controller()
export class AgendaController {
  constructor(
    private readonly agenda: AgendaService,
    private readonly detail: BookingDetailService,
  ) {}

  @Roles('HANDLER', 'INTERPRETER')
  @Get('me/agenda')
  day(@CurrentActor() actor: Actor, @Query() q: AgendaQueryDto): Promise<AgendaView> {
    return this.agenda.forDay(actor, q.date);
  }

  /** With the citizen's contact; audit-logged. Office staff get 404: they have the day schedule. */
  @Roles('ADMIN', 'HANDLER', 'INTERPRETER', 'OFFICE_STAFF')
  @Get('bookings/:id')
  booking(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BookingDetailView> {
    return this.detail.get(actor, id);
  }
}
