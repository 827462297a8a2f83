import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page } from '@distans/contracts';
import { Public, Roles } from '../../auth/auth.decorators';
import { ApiPageResponse } from '../shared/api-docs';
import { CreateCountyDto, CountyQueryDto, CountyView, UpdateCountyDto } from './dto/county.dto';
import { CountiesService } from './counties.service';

@ApiTags('counties')
@Controller('counties')
export class CountiesController {
  constructor(private readonly counties: CountiesService) {}

  @Public()
  @Get()
  @ApiPageResponse(CountyView)
  list(@Query() q: CountyQueryDto): Promise<Page<CountyView>> {
    return this.counties.list(q);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: CountyView })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CountyView> {
    return this.counties.get(id);
  }

  @ApiBearerAuth()
  @Roles('ADMIN')
  @Post()
  @ApiCreatedResponse({ type: CountyView })
  create(@Body() dto: CreateCountyDto): Promise<CountyView> {
    return this.counties.create(dto);
  }

  @ApiBearerAuth()
  @Roles('ADMIN')
  @Patch(':id')
  @ApiOkResponse({ type: CountyView })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCountyDto): Promise<CountyView> {
    return this.counties.update(id, dto);
  }

  @ApiBearerAuth()
  @Roles('ADMIN')
  @Delete(':id')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'The region still has offices' })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.counties.remove(id);
  }
}
