import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { CreatedBooking, DayScheduleView, RoomBlockView, StaffBookingView } from '@distans/contracts';
import type { Actor } from '../common/request-context';
import { OfficeBookingDto } from './dto/office-booking.dto';
import { ArrivalQueryDto, OfficeDayQueryDto } from './dto/office-day.dto';
import { CreateRoomBlockDto, RoomBlockQueryDto } from './dto/room-block.dto';
import { FrontDeskService } from './front-desk.service';
import { RoomBlocksService } from './room-blocks.service';
import { ScheduleService } from './schedule.service';

/** One office's day, desk bookings and room blocks. Office staff: their own offices only. */
@ApiTags('office operations')
@ApiBearerAuth()
@Roles('ADMIN', 'OFFICE_STAFF')
@Controller('offices/:officeId')
export class OfficeOperationsController {
  constructor(
    private readonly schedule: ScheduleService,
    private readonly frontDesk: FrontDeskService,
    private readonly blocks: RoomBlocksService,
  ) {}

  @Get('schedule')
  day(
    @CurrentActor() actor: Actor,
    @Param('officeId', ParseUUIDPipe) officeId: string,
    @Query() q: OfficeDayQueryDto,
  ): Promise<DayScheduleView> {
    return this.schedule.day(actor, officeId, q.date);
  }

  /** The visitor at the desk, by reference, name or phone number. */
  @Get('arrivals')
  arrivals(
    @CurrentActor() actor: Actor,
    @Param('officeId', ParseUUIDPipe) officeId: string,
    @Query() q: ArrivalQueryDto,
  ): Promise<StaffBookingView[]> {
    return this.schedule.arrivals(actor, officeId, q.date, q.q);
  }

  /** Returns the reference and manage token, for staff to hand to the visitor. */
  @Post('bookings')
  book(
    @CurrentActor() actor: Actor,
    @Param('officeId', ParseUUIDPipe) officeId: string,
    @Body() dto: OfficeBookingDto,
  ): Promise<CreatedBooking> {
    return this.frontDesk.bookOnBehalf(actor, officeId, dto);
  }

  @Post('room-blocks')
  block(
    @CurrentActor() actor: Actor,
    @Param('officeId', ParseUUIDPipe) officeId: string,
    @Body() dto: CreateRoomBlockDto,
  ): Promise<RoomBlockView> {
    return this.blocks.create(actor, officeId, dto);
  }

  @Get('room-blocks')
  listBlocks(
    @CurrentActor() actor: Actor,
    @Param('officeId', ParseUUIDPipe) officeId: string,
    @Query() q: RoomBlockQueryDto,
  ): Promise<RoomBlockView[]> {
    return this.blocks.list(actor, officeId, q);
  }

  @Delete('room-blocks/:id')
  @HttpCode(204)
  async unblock(
    @CurrentActor() actor: Actor,
    @Param('officeId', ParseUUIDPipe) officeId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.blocks.remove(actor, officeId, id);
  }
}
