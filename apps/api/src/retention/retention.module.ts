import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RetentionPurgeJob } from './retention-purge.job';

@Module({ imports: [AuditModule], providers: [RetentionPurgeJob], exports: [RetentionPurgeJob] })
export class RetentionModule {}
