import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';

/** The filters of the log, without paging (the CSV export). */
export class AuditExportQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) action?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) resourceType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) resourceId?: string;
  @ApiPropertyOptional({ description: 'ISO 8601 instant, inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601 instant, exclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditQueryDto extends IntersectionType(AuditExportQueryDto, PageQuery) {}
