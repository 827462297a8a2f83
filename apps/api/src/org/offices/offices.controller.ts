import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BookingImpactView, Page } from '@distans/contracts';
import { CurrentActor, Public, Roles } from '../../auth/auth.decorators';
import type { Actor } from '../../common/request-context';
import { ApiPageResponse } from '../shared/api-docs';
import { CreateOfficeDto, OfficeQueryDto, OfficeView, UpdateOfficeDto } from './dto/office.dto';
import { OfficesService } from './offices.service';

@ApiTags('offices')
@Controller('offices')
export class OfficesController {
  constructor(private readonly offices: OfficesService) {}

  @Public()
  @Get()
  @ApiPageResponse(OfficeView)
  list(@Query() q: OfficeQueryDto): Promise<Page<OfficeView>> {
    return this.offices.list(q);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: OfficeView })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OfficeView> {
    return this.offices.get(id);
  }

  @ApiBearerAuth()
  @Roles('ADMIN')
  @Post()
  @ApiCreatedResponse({ type: OfficeView })
  create(@Body() dto: CreateOfficeDto): Promise<OfficeView> {
    return this.offices.create(dto);
  }

  /** Office staff: only their own offices' opening hours. */
  @ApiBearerAuth()
  @Roles('ADMIN', 'OFFICE_STAFF')
  @Patch(':id')
  @ApiOkResponse({ type: OfficeView })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOfficeDto,
  ): Promise<OfficeView> {
    return this.offices.update(actor, id, dto);
  }

  /** Dry run of PATCH: the future bookings the new hours would leave outside them. Nothing is saved. */
  @ApiBearerAuth()
  @Roles('ADMIN', 'OFFICE_STAFF')
  @Post(':id/preview')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The affected bookings: `{ affected: ConflictingBooking[] }`' })
  preview(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOfficeDto,
  ): Promise<BookingImpactView> {
    return this.offices.preview(actor, id, dto);
  }
}
