import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller';
import { AgenciesService } from './agencies.service';
import { AuditModule } from '../../audit/audit.module';

@Module({ imports: [AuditModule], controllers: [AgenciesController], providers: [AgenciesService] })
export class AgenciesModule {}
