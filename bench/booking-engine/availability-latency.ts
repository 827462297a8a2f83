/** Scenario 2: how long GET /availability takes for one office, a municipality and a region, and where the time goes. */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, EntityManager } from 'typeorm';
import { AvailabilityLoader } from '../../apps/api/src/bookings/availability/availability.loader';
import { AvailabilityService } from '../../apps/api/src/bookings/availability/availability.service';
import type { AvailabilityQueryDto } from '../../apps/api/src/bookings/dto/availability-query.dto';
import { CaseTypeRow, OfficeRow, Window, World } from './dataset';
import { call } from './http-client';
import { ms, out, percentile } from './report';
import { BREAKDOWN_SAMPLES, SAMPLES, WARMUP } from './settings';

export interface Scenario {
  label: string;
  path: string;
  target?: number;
  query?: Partial<AvailabilityQueryDto>;
}
export interface Measured {
  scenario: Scenario;
  latencies: number[];
  sql: number[];
  statuses: Map<number, number>;
  bytes: number;
  slots: number;
  offices: number;
}

export async function measure(base: string, scenario: Scenario): Promise<Measured> {
  for (let i = 0; i < WARMUP; i += 1) await call(base, 'GET', scenario.path, undefined, 30_000);
  const result: Measured = {
    scenario,
    latencies: [],
    sql: [],
    statuses: new Map(),
    bytes: 0,
    slots: 0,
    offices: 0,
  };
  for (let i = 0; i < SAMPLES; i += 1) {
    const res = await call(base, 'GET', scenario.path, undefined, 30_000);
    result.latencies.push(res.ms);
    if (res.sql !== null) result.sql.push(res.sql);
    result.statuses.set(res.status, (result.statuses.get(res.status) ?? 0) + 1);
    if (i === 0) {
      result.bytes = res.bytes;
      if (res.status === 200 && scenario.query) {
        const view = JSON.parse(res.body) as { offices: { days: { slots: unknown[] }[] }[] };
        result.offices = view.offices.length;
        result.slots = view.offices.reduce((n, o) => n + o.days.reduce((m, d) => m + d.slots.length, 0), 0);
      }
    }
  }
  result.latencies.sort((a, b) => a - b);
  return result;
}

export function printLatencyTable(rows: Measured[]): { misses: string[] } {
  const misses: string[] = [];
  const header = [
    'request',
    'n',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'SQL/req',
    'status',
    'offices',
    'slots',
    'KiB',
    'target p95',
  ];
  const lines = rows.map((r) => {
    const p95 = percentile(r.latencies, 95);
    const sqlMin = Math.min(...r.sql);
    const sqlMax = Math.max(...r.sql);
    const sqlText = r.sql.length === 0 ? '?' : sqlMin === sqlMax ? String(sqlMin) : `${sqlMin}-${sqlMax}`;
    const statusText = [...r.statuses].map(([s, n]) => (r.statuses.size === 1 ? String(s) : `${s}x${n}`)).join(' ');
    let target = '-';
    if (r.scenario.target !== undefined) {
      const ok = p95 <= r.scenario.target;
      target = `≤ ${r.scenario.target} ${ok ? 'met' : 'MISSED'}`;
      if (!ok) misses.push(`${r.scenario.label}: p95 ${ms(p95)} ms > ${r.scenario.target} ms`);
    }
    if (r.scenario.query && sqlMax > 3) misses.push(`${r.scenario.label}: ${sqlMax} SQL statements > 3`);
    if ([...r.statuses.keys()].some((s) => s !== 200)) misses.push(`${r.scenario.label}: non-200 answers`);
    return [
      r.scenario.label,
      String(r.latencies.length),
      ms(percentile(r.latencies, 50)),
      ms(p95),
      ms(percentile(r.latencies, 99)),
      ms(r.latencies[r.latencies.length - 1]),
      sqlText,
      statusText,
      r.scenario.query ? String(r.offices) : '-',
      r.scenario.query ? String(r.slots) : '-',
      (r.bytes / 1024).toFixed(1),
      target,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  out(fmt(header));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) out(fmt(line));
  return { misses };
}

/**
 * Where the time of one availability request goes, measured in-process on the same app: SQL
 * (driver round trip including row and JSON parsing), the loader's own work (weekly hours to
 * spans), the slot computation in libs/scheduling, and JSON serialisation. PostgreSQL's own
 * execution time comes from EXPLAIN ANALYZE of the same statements.
 */
export async function breakdown(app: NestFastifyApplication, db: DataSource, measured: Measured[]): Promise<void> {
  const loader = app.get(AvailabilityLoader);
  const service = app.get(AvailabilityService);
  const original = loader.load.bind(loader);
  let sqlMs = 0;
  let loaderMs = 0;
  const captured: { sql: string; params: unknown[] }[] = [];
  const timed = {
    query: async (sql: string, params?: unknown[]) => {
      if (captured.length < 2) captured.push({ sql, params: params ?? [] });
      const t0 = performance.now();
      try {
        return await db.manager.query(sql, params);
      } finally {
        sqlMs += performance.now() - t0;
      }
    },
  } as unknown as EntityManager;
  loader.load = async (request, manager) => {
    const t0 = performance.now();
    try {
      return await original(request, manager ?? timed);
    } finally {
      loaderMs += performance.now() - t0;
    }
  };
  const header = [
    'in-process',
    'total',
    'SQL client',
    'PG exec',
    'loader JS',
    'slots lib',
    'JSON',
    'HTTP p50',
    'HTTP rest',
  ];
  const row = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(22) : c.padStart(11))).join('');
  out(row(header));
  try {
    for (const { scenario, latencies } of measured) {
      if (!scenario.query) continue;
      const dto = { language: 'sv', interpreter: false, accessibility: [], ...scenario.query } as AvailabilityQueryDto;
      for (let i = 0; i < 5; i += 1) await service.search(dto);
      const totals: number[] = [];
      const sqls: number[] = [];
      const loaders: number[] = [];
      const jsons: number[] = [];
      captured.length = 0;
      for (let i = 0; i < BREAKDOWN_SAMPLES; i += 1) {
        sqlMs = 0;
        loaderMs = 0;
        const t0 = performance.now();
        const view = await service.search(dto);
        const t1 = performance.now();
        JSON.stringify(view);
        jsons.push(performance.now() - t1);
        totals.push(t1 - t0);
        sqls.push(sqlMs);
        loaders.push(loaderMs);
      }
      let pgExec = 0;
      for (const statement of captured) {
        const [plan]: { 'QUERY PLAN': { 'Execution Time': number }[] }[] = await db.query(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`,
          statement.params,
        );
        pgExec += plan['QUERY PLAN'][0]['Execution Time'];
      }
      const median = (xs: number[]): number =>
        percentile(
          [...xs].sort((a, b) => a - b),
          50,
        );
      const total = median(totals);
      const sql = median(sqls);
      const loaderJs = median(loaders.map((l, i) => l - sqls[i]));
      const slots = median(totals.map((t, i) => t - loaders[i]));
      const json = median(jsons);
      const http = percentile(latencies, 50);
      out(row([scenario.label, ...[total, sql, pgExec, loaderJs, slots, json, http, http - total].map(ms)]));
    }
  } finally {
    loader.load = original;
  }
  out(
    `ms, medians of ${BREAKDOWN_SAMPLES} in-process AvailabilityService.search calls. SQL client = both statements as the ` +
      'driver sees them (incl. row/JSON parsing); PG exec = EXPLAIN ANALYZE of the same statements, once; loader JS = ' +
      'hours to spans; slots lib = findFreeSlots for every office; HTTP rest = HTTP p50 minus in-process total ' +
      '(routing, validation pipe, guards, serialisation, client).',
  );
}

/**
 * Sequential GET /availability for one office, a municipality and the largest region, beside
 * GET /health as the HTTP baseline; then where the time of one request goes.
 */
export async function availabilityLatency(
  app: NestFastifyApplication,
  db: DataSource,
  base: string,
  world: World,
  window: Window,
): Promise<{ misses: string[]; caseType: CaseTypeRow; roomsPer: Map<string, number> }> {
  const caseType = world.caseTypes.find((c) => c.agency === 'SKV' && c.code === 'folkbokforing') ?? world.caseTypes[0];
  const roomsPer = new Map<string, number>();
  for (const r of world.rooms) roomsPer.set(r.office_id, (roomsPer.get(r.office_id) ?? 0) + 1);
  const byMunicipality = new Map<string, OfficeRow[]>();
  for (const o of world.offices) byMunicipality.set(o.municipality, [...(byMunicipality.get(o.municipality) ?? []), o]);
  const municipality =
    (byMunicipality.get('Stockholm')?.length ?? 0) >= 2
      ? 'Stockholm'
      : [...byMunicipality].sort((a, b) => b[1].length - a[1].length)[0][0];
  const office = [...byMunicipality.get(municipality)!].sort(
    (a, b) => (roomsPer.get(b.id) ?? 0) - (roomsPer.get(a.id) ?? 0) || a.name.localeCompare(b.name),
  )[0];
  const byRegion = new Map<string, OfficeRow[]>();
  for (const o of world.offices) byRegion.set(o.region_id, [...(byRegion.get(o.region_id) ?? []), o]);
  const [regionId, regionOffices] = [...byRegion].sort((a, b) => b[1].length - a[1].length)[0];
  const regionRooms = regionOffices.reduce((n, o) => n + (roomsPer.get(o.id) ?? 0), 0);
  const handlersForType = world.people.filter((p) => p.row.case_types.includes(caseType.id)).length;
  const from = window.first;
  const to = window.last;
  const qs = (where: string): string =>
    `/availability?caseType=${caseType.id}&${where}&from=${from}&to=${to}&language=sv`;
  out(
    `case type ${caseType.agency}/${caseType.code} (${caseType.duration_min}+${caseType.buffer_after_min} min, ${handlersForType} qualified handlers nationally), ` +
      `${from} .. ${to}, language sv; ${WARMUP} warm-up + ${SAMPLES} measured requests each`,
  );
  out(
    `one office: ${office.name} (${roomsPer.get(office.id)} rooms); municipality: ${municipality} ` +
      `(${byMunicipality.get(municipality)!.length} offices); region: ${regionOffices[0].region} ` +
      `(${regionOffices.length} offices, ${regionRooms} rooms, the largest region)`,
  );
  const scenarios: Scenario[] = [
    { label: 'GET /health', path: '/health' },
    {
      label: 'availability office',
      path: qs(`office=${office.id}`),
      target: 100,
      query: { caseType: caseType.id, office: office.id, from, to },
    },
    {
      label: 'availability municip.',
      path: qs(`municipality=${encodeURIComponent(municipality)}`),
      query: { caseType: caseType.id, municipality, from, to },
    },
    {
      label: 'availability region',
      path: qs(`region=${regionId}`),
      target: 250,
      query: { caseType: caseType.id, region: regionId, from, to },
    },
  ];
  const measured: Measured[] = [];
  for (const scenario of scenarios) measured.push(await measure(base, scenario));
  const { misses } = printLatencyTable(measured);
  out('targets (issue 3): p95 ≤ 100 ms one office, ≤ 250 ms region, ≤ 3 SQL statements per request');
  out(misses.length === 0 ? 'all latency targets met' : `targets missed: ${misses.join('; ')}`);
  out('');
  await breakdown(app, db, measured);
  return { misses, caseType, roomsPer };
}
