import { Module } from '@nestjs/common';

/** Regions, counties, offices (with opening hours), rooms, agencies and case types. */
@Module({ controllers: [], providers: [] })
export class OrgModule {}
