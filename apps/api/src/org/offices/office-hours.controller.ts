import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { BookingImpactView, Page } from '@distans/contracts';
import { BookingDecisionQueryDto } from '../booking-impact/booking-decision.dto';
import { CurrentActor, Public, Roles } from '../../auth/auth.decorators';
import type { Actor } from '../../common/request-context';
import { ApiPageResponse } from '../shared/api-docs';
import { ParseCalendarDatePipe } from '../shared/parse-calendar-date.pipe';
import {
  OfficeExceptionQueryDto,
  OfficeExceptionView,
  OpeningHoursQueryDto,
  OpeningHoursView,
  PutOfficeExceptionDto,
} from './dto/office-hours.dto';
import { OfficeHoursService } from './office-hours.service';

const DATE_PARAM = { name: 'date', example: '2026-12-23', description: 'Office-local date, yyyy-MM-dd' };

@ApiTags('offices')
@Controller('offices/:id')
export class OfficeHoursController {
  constructor(private readonly hours: OfficeHoursService) {}

  @Public()
  @Get('opening-hours')
  @ApiOkResponse({ type: OpeningHoursView })
  openingHours(@Param('id', ParseUUIDPipe) id: string, @Query() q: OpeningHoursQueryDto): Promise<OpeningHoursView> {
    return this.hours.openingHours(id, q);
  }

  @Public()
  @Get('exceptions')
  @ApiPageResponse(OfficeExceptionView)
  listExceptions(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: OfficeExceptionQueryDto,
  ): Promise<Page<OfficeExceptionView>> {
    return this.hours.listExceptions(id, q);
  }

  /** Creates or replaces the exception on that date. Office staff: their own offices only. */
  @ApiBearerAuth()
  @Roles('ADMIN', 'OFFICE_STAFF')
  @Put('exceptions/:date')
  @ApiParam(DATE_PARAM)
  @ApiOkResponse({ type: OfficeExceptionView })
  putException(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('date', ParseCalendarDatePipe) date: string,
    @Body() dto: PutOfficeExceptionDto,
  ): Promise<OfficeExceptionView> {
    return this.hours.putException(actor, id, date, dto);
  }

  /** Dry run of the PUT: the bookings on that day the new hours would leave outside them. */
  @ApiBearerAuth()
  @Roles('ADMIN', 'OFFICE_STAFF')
  @Post('exceptions/:date/preview')
  @HttpCode(200)
  @ApiParam(DATE_PARAM)
  @ApiOkResponse({ description: 'The affected bookings: `{ affected: ConflictingBooking[] }`' })
  previewException(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('date', ParseCalendarDatePipe) date: string,
    @Body() dto: PutOfficeExceptionDto,
  ): Promise<BookingImpactView> {
    return this.hours.previewException(actor, id, date, dto);
  }

  /** The day goes back to the weekly hours; bookings that do not fit them need `onBookings`. */
  @ApiBearerAuth()
  @Roles('ADMIN', 'OFFICE_STAFF')
  @Delete('exceptions/:date')
  @ApiParam(DATE_PARAM)
  @HttpCode(204)
  async removeException(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('date', ParseCalendarDatePipe) date: string,
    @Query() q: BookingDecisionQueryDto,
  ): Promise<void> {
    await this.hours.removeException(actor, id, date, q.onBookings);
  }
}
