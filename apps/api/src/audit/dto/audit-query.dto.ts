import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';

export class AuditQueryDto extends PageQuery {
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
