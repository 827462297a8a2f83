import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { StatisticsView } from '@distans/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { Actor } from '../common/request-context';
import { StatisticsFigureParam, StatisticsQueryDto } from './dto/statistics-query.dto';
import { StatisticsService } from './statistics.service';

/** Figures without personal data, so reading them is not audit-logged; small cells are suppressed. */
@ApiTags('statistics')
@ApiBearerAuth()
@Roles('ADMIN', 'OFFICE_STAFF', 'HANDLER')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get(':figure')
  figure(
    @CurrentActor() actor: Actor,
    @Param() p: StatisticsFigureParam,
    @Query() q: StatisticsQueryDto,
  ): Promise<StatisticsView> {
    return this.statistics.figure(actor, p.figure, q);
  }

  /** The same rows and values as the JSON, as a CSV download. */
  @Get(':figure/export')
  @ApiProduces('text/csv')
  async export(
    @CurrentActor() actor: Actor,
    @Param() p: StatisticsFigureParam,
    @Query() q: StatisticsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const csv = await this.statistics.csv(actor, p.figure, q);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="distans-${p.figure}.csv"`);
    return csv;
  }
}
