import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { AuditService } from './audit.service';
import { AuditExportQueryDto, AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  search(@Query() q: AuditQueryDto): ReturnType<AuditService['search']> {
    return this.audit.search(q);
  }

  /** The same filters, every matching row as a CSV download (newest first). */
  @Get('export')
  @ApiProduces('text/csv')
  async export(@Query() q: AuditExportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { csv, rows, truncated } = await this.audit.exportCsv(q);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="distans-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      )
      .header('x-rows', String(rows))
      .header('x-truncated', String(truncated));
    return csv;
  }
}
