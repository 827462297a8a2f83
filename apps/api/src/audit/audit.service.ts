import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditView, Page } from '@distans/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { currentActor, currentContext, RecordedActor } from '../common/request-context';
import { PageQuery, toPage } from '../common/pagination';
import { SqlFilter } from '../common/sql';
import { stringify } from 'csv-stringify/sync';
import type { AuditExportQueryDto, AuditQueryDto } from './dto/audit-query.dto';

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

  /**
   * One page of the log, newest first. Reading the log is itself recorded (with the filters), so
   * a look at who read whose data leaves a trace too.
   */
  async search(q: AuditQueryDto & PageQuery): Promise<Page<AuditView>> {
    const filter = auditFilter(q);
    const params = [...filter.params, q.pageSize, (q.page - 1) * q.pageSize];
    const rows: (AuditRow & { total: string })[] = await this.db.query(
      `SELECT ${AUDIT_COLUMNS}, count(*) OVER () AS total ${AUDIT_FROM} ${filter.where}
        ORDER BY l.at DESC, l.id DESC
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : 0;
    await this.record({
      action: 'audit.read',
      resourceType: 'audit',
      details: { filters: filtersOf(q), page: q.page },
    });
    return toPage(
      rows.map(({ total: _total, ...row }) => auditView(row)),
      total,
      q,
    );
  }

  /** Every matching row (up to AUDIT_EXPORT_MAX_ROWS, newest first) as CSV; recorded like a read. */
  async exportCsv(q: AuditExportQueryDto): Promise<{ csv: string; rows: number; truncated: boolean }> {
    const filter = auditFilter(q);
    const rows: AuditRow[] = await this.db.query(
      `SELECT ${AUDIT_COLUMNS} ${AUDIT_FROM} ${filter.where}
        ORDER BY l.at DESC, l.id DESC LIMIT ${AUDIT_EXPORT_MAX_ROWS + 1}`,
      filter.params,
    );
    const truncated = rows.length > AUDIT_EXPORT_MAX_ROWS;
    const views = rows.slice(0, AUDIT_EXPORT_MAX_ROWS).map(auditView);
    await this.record({
      action: 'audit.export',
      resourceType: 'audit',
      details: { filters: filtersOf(q), rows: views.length, truncated },
    });
    const csv = stringify(
      views.map((v) => [
        v.at,
        v.actorId ?? '',
        v.actorName ?? '',
        v.actorRole,
        v.action,
        v.resourceType,
        v.resourceId ?? '',
        v.clientIp ?? '',
        v.correlationId ?? '',
        JSON.stringify(v.details),
      ]),
      { header: true, columns: CSV_COLUMNS, bom: true },
    );
    return { csv, rows: views.length, truncated };
  }
}

/** A CSV export stops here; narrow the filters for more (the header says when it was cut). */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

const CSV_COLUMNS = [
  'at',
  'actorId',
  'actorName',
  'actorRole',
  'action',
  'resourceType',
  'resourceId',
  'clientIp',
  'correlationId',
  'details',
];

const AUDIT_COLUMNS = `l.id::text, l.at, l.actor_id AS "actorId", u.display_name AS "actorName", l.actor_role AS "actorRole",
  l.action, l.resource_type AS "resourceType", l.resource_id AS "resourceId", l.client_ip AS "clientIp",
  l.correlation_id AS "correlationId", l.details`;
// Room devices and citizens are actors too; only staff have a name to show.
const AUDIT_FROM = `FROM audit_log l LEFT JOIN app_user u ON u.id = l.actor_id`;

type AuditRow = Omit<AuditView, 'at'> & { at: Date };

function auditView(row: AuditRow): AuditView {
  return { ...row, at: new Date(row.at).toISOString() };
}

function auditFilter(q: AuditExportQueryDto): SqlFilter {
  const filter = new SqlFilter();
  if (q.actorId) filter.add('l.actor_id = ?', q.actorId);
  if (q.action) filter.add('l.action = ?', q.action);
  if (q.resourceType) filter.add('l.resource_type = ?', q.resourceType);
  if (q.resourceId) filter.add('l.resource_id = ?', q.resourceId);
  if (q.from) filter.add('l.at >= ?', q.from);
  if (q.to) filter.add('l.at < ?', q.to);
  return filter;
}

function filtersOf(q: AuditExportQueryDto): Record<string, string> {
  const keys = ['actorId', 'action', 'resourceType', 'resourceId', 'from', 'to'] as const;
  return Object.fromEntries(keys.filter((key) => q[key] !== undefined).map((key) => [key, q[key]!]));
}
