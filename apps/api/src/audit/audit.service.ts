import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditView, Page } from '@distans/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { currentActor, currentContext, RecordedActor } from '../common/request-context';
import { PageQuery, toPage } from '../common/pagination';
import { SqlFilter } from '../common/sql';
import type { AuditQueryDto } from './dto/audit-query.dto';

export interface AuditRecord {
  /** Verb in `resource.verb` form: `user.read`, `booking.contact.read`, `room-device.revoke`. */
  action: string;
  resourceType: string;
  resourceId?: string | null;
  details?: Record<string, unknown>;
}

export interface RecordOptions {
  /** The audited change's transaction: the change and its audit row land together or not at all. */
  tx?: EntityManager;
  /** Who to name when it is not the caller, e.g. the device that has just been paired. */
  actor?: RecordedActor;
}

/**
 * Writes one row for every read or change of personal data. Who, from where and under which
 * correlation id come from the request context, so callers only say what happened.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(entry: AuditRecord, options: RecordOptions = {}): Promise<void> {
    const ctx = currentContext();
    const actor = options.actor ?? currentActor();
    await (options.tx ?? this.db.manager).query(
      `INSERT INTO audit_log (actor_id, actor_role, action, resource_type, resource_id, client_ip, correlation_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        actor.id,
        actor.role,
        entry.action,
        entry.resourceType,
        entry.resourceId ?? null,
        ctx?.clientIp ?? null,
        ctx?.correlationId ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  /** Several reads in one statement, e.g. a list of people. */
  async recordMany(entries: AuditRecord[]): Promise<void> {
    if (entries.length === 0) return;
    const ctx = currentContext();
    const actor = currentActor();
    await this.db.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, resource_type, resource_id, client_ip, correlation_id, details)
       SELECT $1, $2, e.action, e.resource_type, e.resource_id, $3, $4, e.details
         FROM jsonb_to_recordset($5::jsonb) AS e(action text, resource_type text, resource_id text, details jsonb)`,
      [
        actor.id,
        actor.role,
        ctx?.clientIp ?? null,
        ctx?.correlationId ?? null,
        JSON.stringify(
          entries.map((e) => ({
            action: e.action,
            resource_type: e.resourceType,
            resource_id: e.resourceId ?? null,
            details: e.details ?? {},
          })),
        ),
      ],
    );
  }

  async search(q: AuditQueryDto & PageQuery): Promise<Page<AuditView>> {
    const filter = new SqlFilter();
    if (q.actorId) filter.add('actor_id = ?', q.actorId);
    if (q.action) filter.add('action = ?', q.action);
    if (q.resourceType) filter.add('resource_type = ?', q.resourceType);
    if (q.resourceId) filter.add('resource_id = ?', q.resourceId);
    if (q.from) filter.add('at >= ?', q.from);
    if (q.to) filter.add('at < ?', q.to);
    const params = [...filter.params, q.pageSize, (q.page - 1) * q.pageSize];
    const rows: (AuditView & { total: string })[] = await this.db.query(
      `SELECT id::text, at, actor_id AS "actorId", actor_role AS "actorRole", action, resource_type AS "resourceType",
              resource_id AS "resourceId", client_ip AS "clientIp", correlation_id AS "correlationId", details,
              count(*) OVER () AS total
         FROM audit_log ${filter.where}
        ORDER BY at DESC, id DESC
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : 0;
    return toPage(
      rows.map(({ total: _total, ...r }) => ({ ...r, at: new Date(r.at).toISOString() })),
      total,
      q,
    );
  }
}
