import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page } from '@distans/contracts';
import { Public, Roles } from '../../auth/auth.decorators';
import { ApiPageResponse } from '../shared/api-docs';
import { AgenciesService } from './agencies.service';
import { AgencyQueryDto, AgencyView, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Public()
  @Get()
  @ApiPageResponse(AgencyView)
  list(@Query() q: AgencyQueryDto): Promise<Page<AgencyView>> {
    return this.agencies.list(q);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: AgencyView })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<AgencyView> {
    return this.agencies.get(id);
  }

  @ApiBearerAuth()
  @Roles('ADMIN')
  @Post()
  @ApiCreatedResponse({ type: AgencyView })
  @ApiConflictResponse({ description: 'The code is already in use' })
  create(@Body() dto: CreateAgencyDto): Promise<AgencyView> {
    return this.agencies.create(dto);
  }

  @ApiBearerAuth()
  @Roles('ADMIN')
  @Patch(':id')
  @ApiOkResponse({ type: AgencyView })
  @ApiConflictResponse({ description: 'The code is already in use' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAgencyDto): Promise<AgencyView> {
    return this.agencies.update(id, dto);
  }
}
