import { Module } from '@nestjs/common';
import { CountiesController } from './counties.controller';
import { CountiesService } from './counties.service';
import { RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';
import { AuditModule } from '../../audit/audit.module';

@Module({
  imports: [AuditModule],
  controllers: [RegionsController, CountiesController],
  providers: [RegionsService, CountiesService],
})
export class RegionsModule {}
