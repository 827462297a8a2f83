import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BookingImpactView, Page } from '@distans/contracts';
import { BookingDecisionQueryDto } from '../booking-impact/booking-decision.dto';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import type { Actor } from '../../common/request-context';
import { ApiPageResponse } from '../shared/api-docs';
import { CreateRoomDto, RoomQueryDto, RoomView, UpdateRoomDto } from './dto/room.dto';
import { RoomsService } from './rooms.service';

/** Office staff see and manage only the rooms of their own offices. */
@ApiTags('rooms')
@ApiBearerAuth()
@Roles('ADMIN', 'OFFICE_STAFF')
@Controller('rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Get()
  @ApiPageResponse(RoomView)
  list(@CurrentActor() actor: Actor, @Query() q: RoomQueryDto): Promise<Page<RoomView>> {
    return this.rooms.list(actor, q);
  }

  @Get(':id')
  @ApiOkResponse({ type: RoomView })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RoomView> {
    return this.rooms.get(actor, id);
  }

  @Post()
  @ApiCreatedResponse({ type: RoomView })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRoomDto): Promise<RoomView> {
    return this.rooms.create(actor, dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: RoomView })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateRoomDto,
  ): Promise<RoomView> {
    return this.rooms.update(actor, id, dto);
  }

  /** The room's bookings still to come: what deactivating it would affect. */
  @Get(':id/future-bookings')
  @ApiOkResponse({ description: '`{ affected: ConflictingBooking[] }`' })
  futureBookings(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BookingImpactView> {
    return this.rooms.futureBookings(actor, id);
  }

  /** Deactivates the room; it is never deleted. Bookings still to come in it need `onBookings`. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The room is now inactive' })
  async deactivate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: BookingDecisionQueryDto,
  ): Promise<void> {
    await this.rooms.deactivate(actor, id, q.onBookings);
  }
}
