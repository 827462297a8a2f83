import { Module } from '@nestjs/common';
import { CaseTypesController } from './case-types.controller';
import { CaseTypesService } from './case-types.service';

@Module({ controllers: [CaseTypesController], providers: [CaseTypesService] })
export class CaseTypesModule {}
