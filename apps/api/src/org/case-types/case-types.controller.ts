import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page } from '@distans/contracts';
import { Public, Roles } from '../../auth/auth.decorators';
import { ApiPageResponse } from '../shared/api-docs';
import { CaseTypesService } from './case-types.service';
import { CaseTypeQueryDto, CaseTypeView, CreateCaseTypeDto, UpdateCaseTypeDto } from './dto/case-type.dto';

@ApiTags('case-types')
@Controller('case-types')
export class CaseTypesController {
  constructor(private readonly caseTypes: CaseTypesService) {}

  @Public()
  @Get()
  @ApiPageResponse(CaseTypeView)
  list(@Query() q: CaseTypeQueryDto): Promise<Page<CaseTypeView>> {
    return this.caseTypes.list(q);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: CaseTypeView })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CaseTypeView> {
    return this.caseTypes.get(id);
  }

  @ApiBearerAuth()
  @Roles('ADMIN')
  @Post()
  @ApiCreatedResponse({ type: CaseTypeView })
  @ApiConflictResponse({ description: 'The agency already has a case type with this code' })
  create(@Body() dto: CreateCaseTypeDto): Promise<CaseTypeView> {
    return this.caseTypes.create(dto);
  }

  @ApiBearerAuth()
  @Roles('ADMIN')
  @Patch(':id')
  @ApiOkResponse({ type: CaseTypeView })
  @ApiConflictResponse({ description: 'The agency already has a case type with this code' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCaseTypeDto): Promise<CaseTypeView> {
    return this.caseTypes.update(id, dto);
  }
}
