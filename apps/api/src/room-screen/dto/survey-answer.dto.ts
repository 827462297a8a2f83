import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SurveyAnswerDto as SurveyAnswer } from '@distans/contracts';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** The three questions; none is required, but an answer with none is no answer. No free text. */
export class SurveyAnswerDto implements SurveyAnswer {
  @ApiProperty() @IsUUID() bookingId!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Overall satisfaction, 1 (bad) to 5 (very good)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction?: number;

  @ApiPropertyOptional({ description: 'Did you get help with your matter?' })
  @IsOptional()
  @IsBoolean()
  gotHelp?: boolean;

  @ApiPropertyOptional({ description: 'Were you treated well?' })
  @IsOptional()
  @IsBoolean()
  treatedWell?: boolean;
}
