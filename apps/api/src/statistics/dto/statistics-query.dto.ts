import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  STATISTICS_DIMENSIONS,
  STATISTICS_FIGURES,
  type StatisticsDimension,
  type StatisticsFigure,
} from '@distans/contracts';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class StatisticsFigureParam {
  @IsIn(STATISTICS_FIGURES)
  figure!: StatisticsFigure;
}

export class StatisticsQueryDto {
  @ApiPropertyOptional({ description: 'First month, YYYY-MM (default: eleven months before `to`)' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month, YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last month, YYYY-MM, inclusive (default: this month)' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month, YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({ enum: STATISTICS_DIMENSIONS, description: 'What each row is per, besides the month' })
  @IsOptional()
  @IsIn(STATISTICS_DIMENSIONS)
  by?: StatisticsDimension;

  @ApiPropertyOptional() @IsOptional() @IsUUID() officeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() regionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() caseTypeId?: string;
}
