import { Module } from '@nestjs/common';
import { CaseTypesController } from './case-types.controller';
import { CaseTypesService } from './case-types.service';
import { AuditModule } from '../../audit/audit.module';

@Module({ imports: [AuditModule], controllers: [CaseTypesController], providers: [CaseTypesService] })
export class CaseTypesModule {}
