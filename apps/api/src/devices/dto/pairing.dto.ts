import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class PairDeviceDto {
  @ApiProperty({
    example: 'K7MQ-4XR9',
    description: 'The code shown to office staff; case, spaces and dashes do not matter',
  })
  @IsString()
  @MaxLength(20)
  @Matches(/^[A-Za-z0-9\s-]+$/, { message: 'code may only contain letters, digits, spaces and dashes' })
  code: string;

  @ApiPropertyOptional({ example: 'Screen by the door' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  label?: string;
}
