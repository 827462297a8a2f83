import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page } from '@distans/contracts';
import { Public, Roles } from '../../auth/auth.decorators';
import { ApiPageResponse } from '../shared/api-docs';
import { CreateRegionDto, RegionQueryDto, RegionView, UpdateRegionDto } from './dto/region.dto';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Public()
  @Get()
  @ApiPageResponse(RegionView)
  list(@Query() q: RegionQueryDto): Promise<Page<RegionView>> {
    return this.regions.list(q);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: RegionView })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<RegionView> {
    return this.regions.get(id);
  }

  @ApiBearerAuth()
  @Roles('ADMIN')
  @Post()
  @ApiCreatedResponse({ type: RegionView })
  create(@Body() dto: CreateRegionDto): Promise<RegionView> {
    return this.regions.create(dto);
  }

  @ApiBearerAuth()
  @Roles('ADMIN')
  @Patch(':id')
  @ApiOkResponse({ type: RegionView })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRegionDto): Promise<RegionView> {
    return this.regions.update(id, dto);
  }

  @ApiBearerAuth()
  @Roles('ADMIN')
  @Delete(':id')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'The region still has counties or offices' })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.regions.remove(id);
  }
}
