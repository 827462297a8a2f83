import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Public } from '../../auth/auth.decorators';
import { publicRateLimit } from '../../auth/rate-limits';
import { AvailabilityQueryDto } from '../dto/availability-query.dto';
import type { AvailabilityView } from '@distans/contracts';
import { AvailabilityService } from './availability.service';

@ApiTags('booking')
@Controller('availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Public()
  @Throttle({ default: publicRateLimit })
  @Get()
  search(@Query() q: AvailabilityQueryDto): Promise<AvailabilityView> {
    return this.availability.search(q);
  }
}
