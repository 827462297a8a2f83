import { Module } from '@nestjs/common';
import { AgenciesModule } from './agencies/agencies.module';
import { CaseTypesModule } from './case-types/case-types.module';
import { OfficesModule } from './offices/offices.module';
import { RegionsModule } from './regions/regions.module';
import { RoomsModule } from './rooms/rooms.module';

/** Regions, counties, offices (with opening hours), rooms, agencies and case types. */
@Module({ imports: [RegionsModule, OfficesModule, RoomsModule, AgenciesModule, CaseTypesModule] })
export class OrgModule {}
