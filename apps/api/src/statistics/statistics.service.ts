import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  STATISTICS_COLUMNS,
  type StatisticsDimension,
  type StatisticsFigure,
  type StatisticsRow,
  type StatisticsView,
} from '@distans/contracts';
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { ForbiddenError, InvalidInputError, OutOfScopeError } from '../common/domain-errors';
import type { Actor } from '../common/request-context';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';
import type { StatisticsQueryDto } from './dto/statistics-query.dto';

/** The longest span one request may cover. */
export const STATISTICS_MAX_MONTHS = 36;
/** Memory for the sorts and hashes of one statistics statement (PostgreSQL's default is 4 MB). */
const STATISTICS_WORK_MEM = '64MB';
/** Security events have no office time zone of their own; every office is in this one today. */
const EVENT_ZONE = 'Europe/Stockholm';

/** The columns a figure's query filters and groups on, in the table it reads. */
interface Columns {
  office: string;
  region: string;
  agency: string;
  caseType: string;
}

const BOOKING_COLUMNS: Columns = {
  office: 'b.office_id',
  region: 'o.region_id',
  agency: 'b.agency_id',
  caseType: 'b.case_type_id',
};
const SURVEY_COLUMNS: Columns = {
  office: 's.office_id',
  region: 'o.region_id',
  agency: 's.agency_id',
  caseType: 's.case_type_id',
};

const GROUP_NAMES: Record<Exclude<StatisticsDimension, 'all'>, string> = {
  office: `SELECT id, name AS name_sv, name AS name_en FROM office`,
  region: `SELECT id, name AS name_sv, name AS name_en FROM region`,
  agency: `SELECT id, name_sv, name_en FROM agency`,
  caseType: `SELECT id, name_sv, name_en FROM case_type`,
};

interface Request {
  figure: StatisticsFigure;
  by: StatisticsDimension;
  from: string;
  to: string;
}

/**
 * The statistics, each figure one SQL statement over the bookings, their events, the session
 * participations, the survey answers or the security events. Small cells are blanked in the same
 * statement, so that no figure of fewer than STATS_MIN_CELL visits ever leaves the database.
 * Office staff see their offices, handlers their agency, administrators everything.
 */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async figure(
    actor: Actor,
    figure: StatisticsFigure,
    q: StatisticsQueryDto,
    now = new Date(),
  ): Promise<StatisticsView> {
    const request = this.request(figure, q, now);
    if (figure === 'security' && actor.role !== 'ADMIN')
      throw new ForbiddenError('Only administrators follow up security events');
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const minCell = figure === 'security' ? 1 : this.config.STATS_MIN_CELL;
    // Parameters are numbered when first used: PostgreSQL refuses one a statement never mentions.
    const once = (value: unknown): (() => string) => {
      let placeholder: string | null = null;
      return () => (placeholder ??= param(value));
    };
    const range = {
      fromMonth: once(request.from),
      toMonth: once(request.to),
      // Widened by a day either side of the months in UTC, so that the index on the start serves;
      // the month itself is decided in the office's zone.
      fromAt: once(DateTime.fromISO(`${request.from}-01`, { zone: 'UTC' }).minus({ days: 1 }).toJSDate()),
      toAt: once(DateTime.fromISO(`${request.to}-01`, { zone: 'UTC' }).plus({ months: 1, days: 1 }).toJSDate()),
    };
    const cells = this.cellsSql(request, range, (columns) => this.scope(actor, q, columns, param));
    const names = request.by === 'all' ? null : GROUP_NAMES[request.by];
    const min = param(minCell);
    const rows: {
      month: string;
      key: string | null;
      category: string | null;
      n: number | null;
      values: Record<string, number | null> | null;
      name_sv: string | null;
      name_en: string | null;
    }[] = await this.db.transaction(async (tx) => {
      // A year's figures group and sort a few hundred thousand rows: room for that in memory
      // rather than on disk, for this statement only.
      await tx.query(`SET LOCAL work_mem = '${STATISTICS_WORK_MEM}'`);
      return tx.query(
        `WITH cells AS (${cells})
       SELECT to_char(c.month, 'YYYY-MM') AS month, c.key, c.category,
              CASE WHEN c.n >= ${min} THEN c.n END AS n,
              CASE WHEN c.n >= ${min} THEN c.values END AS values,
              ${names ? 'g.name_sv, g.name_en' : 'NULL AS name_sv, NULL AS name_en'}
         FROM cells c ${names ? `LEFT JOIN (${names}) g ON g.id = c.key` : ''}
        ORDER BY c.month, ${names ? 'g.name_sv, c.key,' : ''} c.category`,
        params,
      );
    });
    const columns = STATISTICS_COLUMNS[figure];
    return {
      figure,
      by: request.by,
      from: request.from,
      to: request.to,
      minCell,
      columns,
      rows: rows.map((row): StatisticsRow => ({
        month: row.month,
        group: row.key ? { id: row.key, nameSv: row.name_sv ?? '', nameEn: row.name_en ?? '' } : null,
        category: row.category,
        n: row.n,
        suppressed: row.values === null,
        values: Object.fromEntries(columns.map((column) => [column, row.values ? toNumber(row.values[column]) : null])),
      })),
    };
  }

  /** The same figure as CSV: one line per row of the JSON, the same values, empty where suppressed. */
  async csv(actor: Actor, figure: StatisticsFigure, q: StatisticsQueryDto): Promise<string> {
    const view = await this.figure(actor, figure, q);
    return stringify(
      view.rows.map((row) => [
        row.month,
        row.group?.id ?? '',
        row.group?.nameSv ?? '',
        row.group?.nameEn ?? '',
        row.category ?? '',
        row.n ?? '',
        row.suppressed ? 'true' : 'false',
        ...view.columns.map((column) => row.values[column] ?? ''),
      ]),
      { header: true, columns: [...CSV_LEADING_COLUMNS, ...view.columns], bom: true },
    );
  }

  private request(figure: StatisticsFigure, q: StatisticsQueryDto, now: Date): Request {
    const to = q.to ?? DateTime.fromJSDate(now, { zone: EVENT_ZONE }).toFormat('yyyy-MM');
    const from = q.from ?? DateTime.fromISO(`${to}-01`).minus({ months: 11 }).toFormat('yyyy-MM');
    const months = monthsBetween(from, to);
    if (months < 1)
      throw new InvalidInputError('from must not be after to', { details: { from: ['must not be after to'] } });
    if (months > STATISTICS_MAX_MONTHS)
      throw new InvalidInputError(`At most ${STATISTICS_MAX_MONTHS} months at a time`, {
        details: { from: [`at most ${STATISTICS_MAX_MONTHS} months before to`] },
      });
    // Security events are counted per kind only: most carry no office.
    return { figure, by: figure === 'security' ? 'all' : (q.by ?? 'all'), from, to };
  }

  /**
   * The caller's scope and the filters asked for, as conditions on the figure's table. A filter
   * outside the scope answers 404 as for anything out of scope, and is recorded as such.
   */
  private scope(actor: Actor, q: StatisticsQueryDto, c: Columns, param: (value: unknown) => string): string {
    const conditions: string[] = [];
    if (actor.role === 'OFFICE_STAFF') {
      if (q.officeId && !actor.officeIds.includes(q.officeId))
        throw new OutOfScopeError('Office not found', q.officeId);
      conditions.push(`${c.office} = ANY(${param(actor.officeIds)}::uuid[])`);
    } else if (actor.role === 'HANDLER') {
      if (q.agencyId && q.agencyId !== actor.agencyId) throw new OutOfScopeError('Agency not found');
      conditions.push(`${c.agency} = ${param(actor.agencyId)}`);
    } else if (actor.role !== 'ADMIN') {
      throw new ForbiddenError('Your role may not read statistics');
    }
    if (q.officeId) conditions.push(`${c.office} = ${param(q.officeId)}`);
    if (q.regionId) conditions.push(`${c.region} = ${param(q.regionId)}`);
    if (q.agencyId) conditions.push(`${c.agency} = ${param(q.agencyId)}`);
    if (q.caseTypeId) conditions.push(`${c.caseType} = ${param(q.caseTypeId)}`);
    return conditions.map((condition) => `AND ${condition}`).join(' ');
  }

  /**
   * One row per cell: month (a local timestamp, the first of the month), key (the group's id),
   * category, n (what suppression counts) and values.
   */
  private cellsSql(
    request: Request,
    range: Record<'fromMonth' | 'toMonth' | 'fromAt' | 'toAt', () => string>,
    scope: (columns: Columns) => string,
  ): string {
    const key = (c: Columns): string => (request.by === 'all' ? 'NULL::uuid' : c[request.by]);
    // Each office's months as instants in its own zone, computed once per office rather than per booking.
    const visits = () => `
      SELECT b.id, b.status, b.booked_via, b.starts_at, b.checked_in_at, b.interpreter_language,
             ${key(BOOKING_COLUMNS)} AS key, date_trunc('month', b.starts_at AT TIME ZONE o.time_zone) AS month
        FROM booking b
        JOIN (SELECT id, region_id, time_zone,
                     to_date(${range.fromMonth()}, 'YYYY-MM')::timestamp AT TIME ZONE time_zone AS lo,
                     (to_date(${range.toMonth()}, 'YYYY-MM')::timestamp + interval '1 month') AT TIME ZONE time_zone AS hi
                FROM office) o ON o.id = b.office_id
       WHERE b.starts_at >= ${range.fromAt()} AND b.starts_at < ${range.toAt()}
         AND b.starts_at >= o.lo AND b.starts_at < o.hi
         ${scope(BOOKING_COLUMNS)}`;
    const minutes = (interval: string): string => `extract(epoch FROM ${interval}) / 60`;
    const percentile = (p: number, value: string): string =>
      `round((percentile_cont(${p}) WITHIN GROUP (ORDER BY ${value}))::numeric, 1)`;

    switch (request.figure) {
      case 'bookings':
        return `
          WITH v AS (${visits()}),
          -- Who cancelled: the cancellation's event (cancelling is final, so there is one).
          c AS (
            SELECT DISTINCT ON (e.booking_id) e.booking_id, e.actor_role
              FROM booking_event e JOIN v ON v.id = e.booking_id AND v.status = 'CANCELLED'
             WHERE e.kind = 'CANCELLED'
             ORDER BY e.booking_id, e.at DESC)
          SELECT v.month, v.key, NULL::text AS category, count(*)::int AS n, jsonb_build_object(
            'online', count(*) FILTER (WHERE v.booked_via = 'PUBLIC'),
            'desk', count(*) FILTER (WHERE v.booked_via = 'OFFICE_STAFF'),
            'completed', count(*) FILTER (WHERE v.status = 'COMPLETED'),
            'cancelledByVisitor', count(*) FILTER (WHERE v.status = 'CANCELLED' AND c.actor_role = 'CITIZEN'),
            'cancelledByOffice', count(*) FILTER (WHERE v.status = 'CANCELLED' AND c.actor_role IN ('OFFICE_STAFF', 'ADMIN')),
            'cancelledByAgency', count(*) FILTER (WHERE v.status = 'CANCELLED' AND c.actor_role = 'HANDLER'),
            'cancelledBySystem', count(*) FILTER (WHERE v.status = 'CANCELLED'
              AND coalesce(c.actor_role, '') NOT IN ('CITIZEN', 'OFFICE_STAFF', 'ADMIN', 'HANDLER')),
            'noShows', count(*) FILTER (WHERE v.status = 'NO_SHOW'),
            'handlerMissed', count(*) FILTER (WHERE v.status = 'HANDLER_MISSED'),
            'releasedRooms', count(*) FILTER (WHERE v.status IN ('NO_SHOW', 'HANDLER_MISSED'))) AS values
            FROM v LEFT JOIN c ON c.booking_id = v.id
           GROUP BY v.month, v.key`;
      case 'interpreters':
        return `
          WITH v AS (${visits()})
          SELECT v.month, v.key, v.interpreter_language AS category, count(*)::int AS n, jsonb_build_object(
            'booked', count(*),
            'completed', count(*) FILTER (WHERE v.status = 'COMPLETED')) AS values
            FROM v WHERE v.interpreter_language IS NOT NULL
           GROUP BY v.month, v.key, v.interpreter_language`;
      case 'waiting':
        return `
          WITH v AS (${visits()}),
          h AS (
            SELECT p.booking_id, min(p.joined_at) AS first_join
              FROM session_participation p JOIN v ON v.id = p.booking_id
             WHERE p.peer_role = 'HANDLER' AND v.checked_in_at IS NOT NULL
             GROUP BY p.booking_id),
          w AS (
            SELECT v.month, v.key,
                   greatest(0, ${minutes('h.first_join - v.checked_in_at')}) AS wait,
                   greatest(0, ${minutes('h.first_join - v.starts_at')}) AS late
              FROM v JOIN h ON h.booking_id = v.id)
          SELECT w.month, w.key, NULL::text AS category, count(*)::int AS n, jsonb_build_object(
            'waitMedianMin', ${percentile(0.5, 'w.wait')},
            'waitP90Min', ${percentile(0.9, 'w.wait')},
            'handlerLate', count(*) FILTER (WHERE w.late > 1),
            'lateMedianMin', ${percentile(0.5, 'w.late')},
            'lateP90Min', ${percentile(0.9, 'w.late')}) AS values
            FROM w GROUP BY w.month, w.key`;
      case 'sessions':
        return `
          WITH v AS (${visits()}),
          ev AS (
            SELECT e.booking_id, min(e.at) FILTER (WHERE e.kind = 'SESSION_STARTED') AS started,
                   max(e.at) FILTER (WHERE e.kind = 'COMPLETED') AS completed
              FROM booking_event e JOIN v ON v.id = e.booking_id
             WHERE e.kind IN ('SESSION_STARTED', 'COMPLETED')
             GROUP BY e.booking_id),
          s AS (
            SELECT v.id, v.month, v.key, ev.started, ev.completed
              FROM v JOIN ev ON ev.booking_id = v.id WHERE ev.started IS NOT NULL),
          -- Per participant: their reconnects, and whether their last connection ended on an error
          -- (an array's max compares left_at first; one still open counts as the last).
          conn AS (
            SELECT p.booking_id, count(*) - 1 AS rejoins,
                   max(ARRAY[coalesce(extract(epoch FROM p.left_at)::float8, 'Infinity'),
                             CASE WHEN p.leave_reason IN ('DROPPED', 'WORKER_LOST') THEN 1 ELSE 0 END]) AS last
              FROM session_participation p JOIN s ON s.id = p.booking_id
             GROUP BY p.booking_id, p.peer_role, p.actor_id),
          p AS (
            SELECT conn.booking_id AS id, sum(conn.rejoins) AS rejoins, (max(conn.last))[2] = 1 AS ended_on_error
              FROM conn GROUP BY conn.booking_id)
          SELECT s.month, s.key, NULL::text AS category, count(*)::int AS n, jsonb_build_object(
            'lengthMedianMin', ${percentile(0.5, minutes('s.completed - s.started'))},
            'lengthP90Min', ${percentile(0.9, minutes('s.completed - s.started'))},
            'rejoins', coalesce(sum(p.rejoins), 0),
            'endedOnError', count(*) FILTER (WHERE p.ended_on_error)) AS values
            FROM s LEFT JOIN p ON p.id = s.id
           GROUP BY s.month, s.key`;
      case 'satisfaction':
        return `
          SELECT s.month::timestamp AS month, ${key(SURVEY_COLUMNS)} AS key, NULL::text AS category,
                 count(*)::int AS n, jsonb_build_object(
            'satisfactionMean', round(avg(s.satisfaction)::numeric, 2),
            'satisfiedShare', round(avg(CASE WHEN s.satisfaction >= 4 THEN 1 WHEN s.satisfaction IS NOT NULL THEN 0 END)::numeric, 3),
            'gotHelpShare', round(avg(s.got_help::int)::numeric, 3),
            'treatedWellShare', round(avg(s.treated_well::int)::numeric, 3)) AS values
            FROM survey_answer s JOIN office o ON o.id = s.office_id
           WHERE s.month BETWEEN to_date(${range.fromMonth()}, 'YYYY-MM') AND to_date(${range.toMonth()}, 'YYYY-MM')
             ${scope(SURVEY_COLUMNS)}
           GROUP BY 1, 2`;
      case 'security':
        return `
          SELECT date_trunc('month', e.at AT TIME ZONE '${EVENT_ZONE}') AS month, NULL::uuid AS key, e.kind AS category,
                 count(*)::int AS n, jsonb_build_object('events', count(*)) AS values
            FROM security_event e
           WHERE e.at >= ${range.fromAt()} AND e.at < ${range.toAt()}
             AND e.at >= to_date(${range.fromMonth()}, 'YYYY-MM')::timestamp AT TIME ZONE '${EVENT_ZONE}'
             AND e.at < (to_date(${range.toMonth()}, 'YYYY-MM')::timestamp + interval '1 month') AT TIME ZONE '${EVENT_ZONE}'
           GROUP BY 1, 3`;
    }
  }
}

export const CSV_LEADING_COLUMNS = ['month', 'groupId', 'groupNameSv', 'groupNameEn', 'category', 'n', 'suppressed'];

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : Number(value);
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}
