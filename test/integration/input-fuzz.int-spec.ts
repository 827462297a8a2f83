import { Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common/enums/request-method.enum';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { Role } from '@distans/contracts';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import { ALLOWED_ROLES, IS_PUBLIC } from '../../apps/api/src/auth/auth.decorators';
import { randomToken, sha256 } from '../../apps/api/src/auth/secrets';
import { Factory, login } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Property-based: whatever arrives at any endpoint that takes input (strings of any UTF-16 code
 * units, NUL, half surrogate pairs, whole graphemes, extreme numbers, wrong types, nesting up to
 * thousands of levels), the answer is a 4xx in the one error shape and nothing is written.
 *
 * Every case carries at least one thing that must be refused (a field the DTO does not have, a
 * NUL, half a surrogate pair, too deep a nesting, or an id that names nothing), so "4xx" is the
 * exact expectation; the other fields get arbitrary values, valid-looking ones included, and go
 * through the validators and, with a missing id, into the services.
 *
 * FUZZ_RUNS (cases per endpoint, default 50) and FUZZ_SEED make a run longer or repeatable.
 */

interface Endpoint {
  method: string;
  path: string;
  params: string[];
  body?: Type;
  query?: Type;
  /** Reads the X-Manage-Token header. */
  manageToken: boolean;
  isPublic: boolean;
  roles?: Role[];
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** Every route of every controller that takes a body, a query or path parameters, from Nest's own metadata. */
function endpointsOf(t: TestApp): Endpoint[] {
  const endpoints: Endpoint[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type;
      const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat()[0] ?? '';
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name] as object;
        const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (name === 'constructor' || verb === undefined) continue;
        const sub = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat()[0] ?? '';
        const path = `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
        const args = Object.entries(
          (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number }>,
        );
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as Type[];
        const argOf = (kind: RouteParamtypes): Type | undefined => {
          // Keys are `${RouteParamtypes}:${index}`; custom decorators' keys do not start with a number.
          const found = args.find(([key]) => key.split(':')[0] === String(kind));
          return found ? types[found[1].index] : undefined;
        };
        const endpoint: Endpoint = {
          method: RequestMethod[verb],
          path,
          params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
          body: argOf(RouteParamtypes.BODY),
          query: argOf(RouteParamtypes.QUERY),
          manageToken: argOf(RouteParamtypes.HEADERS) !== undefined,
          // @Public() stores who the public caller is (anonymous, a citizen); any value means public.
          isPublic:
            (Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller)) !== undefined,
          roles: Reflect.getMetadata(ALLOWED_ROLES, handler) ?? Reflect.getMetadata(ALLOWED_ROLES, controller),
        };
        if (endpoint.body || endpoint.query || endpoint.params.length > 0) endpoints.push(endpoint);
      }
    }
  }
  return endpoints.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** The DTO's fields, and the DTO class of each nested one. */
function fieldsOf(dto: Type): Map<string, Type | null> {
  const fields = new Map<string, Type | null>();
  for (const meta of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const nested = Reflect.getMetadata('design:type', dto.prototype, meta.propertyName) as Type | undefined;
    const isDto =
      nested !== undefined && getMetadataStorage().getTargetValidationMetadatas(nested, '', true, false).length > 0;
    fields.set(meta.propertyName, isDto ? nested : (fields.get(meta.propertyName) ?? null));
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------
// Arbitrary input

const codeUnit = fc
  .oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
    // Any UTF-16 code unit: control characters, NUL, and halves of surrogate pairs.
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0x202e, 0xfeff, 0x200b, 0x0a) },
  )
  .map((c) => String.fromCharCode(c));

const plausible = fc.constantFrom(
  '',
  ' ',
  'null',
  'true',
  'false',
  '0',
  '-1',
  '1e400',
  'NaN',
  '2026-02-30',
  '2026-12-01',
  '2026-12-01T09:00:00Z',
  '9999-12-31T23:59:59+14:00',
  '25:61',
  '09:00',
  'Europe/Stockholm',
  'sv',
  'ar',
  'ADMIN',
  'HANDLER',
  'ID_CARD',
  'wheelchair',
  'K7MQ-4XR9',
  'ABC-DEF',
  'a@b.se',
  '+46 70 123 45 67',
  '00000000-0000-0000-0000-000000000000',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  'x'.repeat(3000),
);

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: codeUnit, maxLength: 40 }) },
  // Whole graphemes: emoji sequences, combining marks, right-to-left scripts.
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 3, arbitrary: plausible },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
);

const number = fc.oneof(
  fc.integer(),
  fc.integer({ min: -5, max: 500 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 0.5, 1e21, -1e21, 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE, 5e-324),
);

const leaf = fc.oneof(text, text, number, fc.boolean(), fc.constant(null));

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
}));

/** Values for a DTO's own fields (nested DTOs get their own fields), any of them left out. */
function dtoValue(dto: Type, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, nested] of fieldsOf(dto)) {
    fields[name] = nested && depth < 3 ? fc.oneof(dtoValue(nested, depth + 1), value) : value;
  }
  return fc.record(fields, { requiredKeys: [] });
}

/** Query values are text, or a list when the key repeats. */
function queryValue(dto: Type): fc.Arbitrary<Partial<Record<string, string | string[]>>> {
  const fields: Record<string, fc.Arbitrary<string | string[]>> = {};
  for (const name of fieldsOf(dto).keys()) {
    fields[name] = fc.oneof(text, number.map(String), fc.array(text, { minLength: 2, maxLength: 3 }));
  }
  return fc.record(fields, { requiredKeys: [] });
}

type Marker = 'unknown field' | 'NUL' | 'half a surrogate pair' | 'deep nesting' | 'missing resource';

interface Case {
  marker: Marker;
  params: Record<string, string>;
  query?: Partial<Record<string, string | string[]>>;
  body?: unknown;
  /** How deep the DEEP field nests, when the marker is deep nesting. */
  depth?: number;
  manageToken: string;
}

/** Stands for deep nesting in a case, so that fast-check can print the case; spelled out by `payloadOf`. */
const DEEP = '__deeply_nested__';

function payloadOf(c: Case): string | undefined {
  if (c.body === undefined) return undefined;
  const json = JSON.stringify(c.body);
  if (!c.depth) return json;
  const half = Math.floor(c.depth / 2);
  const nested = `${'{"a":['.repeat(half)}"leaf"${']}'.repeat(half)}`;
  return json.replace(`"${DEEP}"`, nested);
}

function casesFor(endpoint: Endpoint): fc.Arbitrary<Case> {
  const markers: Marker[] = ['NUL'];
  if (endpoint.body || endpoint.query) markers.push('unknown field');
  // Only JSON can carry half a surrogate pair: percent-encoded UTF-8 has no way to spell one.
  if (endpoint.body) markers.push('half a surrogate pair', 'deep nesting');
  if (endpoint.params.length > 0) markers.push('missing resource');
  const paramsOf = (arbitrary: fc.Arbitrary<string>) =>
    fc.record(Object.fromEntries(endpoint.params.map((p) => [p, arbitrary])));
  return fc
    .record({
      marker: fc.constantFrom(...markers),
      params: paramsOf(fc.oneof(fc.uuid({ version: 4 }), text)),
      missing: paramsOf(fc.uuid({ version: 4 })),
      query: endpoint.query ? queryValue(endpoint.query) : fc.constant(undefined),
      body: endpoint.body ? dtoValue(endpoint.body) : fc.constant(undefined),
      manageToken: fc.string({
        unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
        minLength: 1,
      }),
      where: fc.nat(),
      fieldName: fc.string({ unit: codeUnit, minLength: 1, maxLength: 12 }),
      depth: fc.integer({ min: 18, max: 6000 }),
    })
    .map((drawn) => plant(endpoint, drawn));
}

/** Puts the case's marker where no validator can miss it. */
function plant(
  endpoint: Endpoint,
  drawn: Case & { missing: Record<string, string>; where: number; fieldName: string; depth: number },
): Case {
  const { missing, where, fieldName, depth, ...c } = drawn;
  const body = (c.body ?? {}) as Record<string, unknown>;
  const pick = <T>(items: T[]): T => items[where % items.length];
  switch (c.marker) {
    case 'missing resource':
      return { ...c, params: missing };
    case 'unknown field':
      return endpoint.body
        ? { ...c, body: { ...body, [`fuzz_${fieldName}`]: 'x' } }
        : { ...c, query: { ...c.query, [`fuzz_${fieldName}`]: 'x' } };
    case 'deep nesting':
      return { ...c, depth, body: { ...body, [pick([...fieldsOf(endpoint.body!).keys()])]: DEEP } };
    case 'half a surrogate pair':
      return { ...c, body: { ...body, [pick([...fieldsOf(endpoint.body!).keys()])]: 'a\ud800b' } };
    case 'NUL': {
      const sinks = [
        ...(endpoint.params.length > 0 ? ['params' as const] : []),
        ...(endpoint.query ? ['query' as const] : []),
        ...(endpoint.body ? ['body' as const] : []),
      ];
      const sink = pick(sinks);
      if (sink === 'params') return { ...c, params: { ...c.params, [pick(endpoint.params)]: 'a\u0000b' } };
      if (sink === 'query')
        return { ...c, query: { ...c.query, [pick([...fieldsOf(endpoint.query!).keys()])]: 'a\u0000b' } };
      return { ...c, body: { ...body, [pick([...fieldsOf(endpoint.body!).keys()])]: 'a\u0000b' } };
    }
  }
}

/** Percent-encodes the UTF-8 bytes (a NUL as %00; half a surrogate pair becomes U+FFFD on the way). */
function encode(part: string): string {
  return [...Buffer.from(part, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

function urlOf(endpoint: Endpoint, c: Case): string {
  const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => encode(c.params[name]));
  const query = Object.entries(c.query ?? {}).flatMap(([key, v]) =>
    [v ?? []].flat().map((item) => `${encode(key)}=${encode(item)}`),
  );
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

describe('Hostile input at every endpoint (property-based)', () => {
  let t: TestApp;
  let endpoints: Endpoint[];
  const tokens = new Map<Role, string>();
  let tables: string[];

  beforeAll(async () => {
    t = await createTestApp({ JOB_INTERVAL_SECONDS: '0' });
    endpoints = endpointsOf(t);
    const f = new Factory(t.db);
    const agency = await f.agency();
    const office = await f.office();
    const room = await f.room(office.id);
    tokens.set('ADMIN', await login(t, await f.user('ADMIN')));
    tokens.set('OFFICE_STAFF', await login(t, await f.user('OFFICE_STAFF', { officeIds: [office.id] })));
    tokens.set('HANDLER', await login(t, await f.user('HANDLER', { agencyId: agency.id })));
    tokens.set('INTERPRETER', await login(t, await f.user('INTERPRETER')));
    const device = randomToken('dvc');
    const admin = await f.user('ADMIN');
    await t.db.query(`INSERT INTO room_device (room_id, token_hash, paired_by) VALUES ($1, $2, $3)`, [
      room.id,
      sha256(device),
      admin.id,
    ]);
    tokens.set('ROOM_DEVICE', device);
    const rows: { table_name: string }[] = await t.db.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
    );
    tables = rows.map((r) => r.table_name);
  });
  afterAll(() => t.close());

  const rowCounts = async (): Promise<Record<string, number>> => {
    const [row] = await t.db.query(
      `SELECT ${tables.map((name) => `(SELECT count(*)::int FROM ${name}) AS ${name}`).join(', ')}`,
    );
    return row;
  };

  it('should know every route that takes input, straight from the router', () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    expect(endpoints.length).toBeGreaterThanOrEqual(50);
    for (const e of endpoints) expect(fastify.hasRoute({ method: e.method, url: e.path })).toBe(true);
    expect(endpoints).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'POST', path: '/bookings', isPublic: true }),
        expect.objectContaining({ method: 'GET', path: '/availability', isPublic: true }),
        expect.objectContaining({ method: 'PUT', path: '/offices/:id/exceptions/:date', params: ['id', 'date'] }),
      ]),
    );
  });

  it(
    'should answer arbitrary input with a 4xx in the error shape and write nothing',
    async () => {
      const started = performance.now();
      let cases = 0;
      for (const endpoint of endpoints) {
        const role = endpoint.roles?.[0] ?? 'ADMIN';
        const token = endpoint.isPublic ? undefined : tokens.get(role);
        const before = await rowCounts();
        await fc.assert(
          fc.asyncProperty(casesFor(endpoint), async (c) => {
            cases += 1;
            const res = await t.app
              .getHttpAdapter()
              .getInstance()
              .inject({
                method: endpoint.method as 'GET',
                url: urlOf(endpoint, c),
                headers: {
                  ...(token ? { authorization: `Bearer ${token}` } : {}),
                  ...(endpoint.manageToken ? { 'x-manage-token': c.manageToken } : {}),
                  ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}),
                },
                payload: payloadOf(c),
              });
            const what = `${endpoint.method} ${endpoint.path} with ${c.marker}: ${res.statusCode} ${res.body.slice(0, 300)}`;
            expect({ what, clientError: res.statusCode >= 400 && res.statusCode < 500 }).toEqual({
              what,
              clientError: true,
            });
            const body = JSON.parse(res.body) as Record<string, unknown>;
            expect(body).toMatchObject({
              statusCode: res.statusCode,
              error: expect.any(String),
              message: expect.any(String),
              correlationId: expect.any(String),
            });
            for (const problems of Object.values(body.details ?? {})) {
              expect(problems).toEqual(expect.arrayContaining([expect.any(String)]));
            }
            expect({ what, counts: await rowCounts() }).toEqual({ what, counts: before });
          }),
          // No shrinking: a case that wrote something would spoil the counts for every shrunk one.
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
      }
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        `Property-based input test: ${endpoints.length} endpoints, ${cases} cases (${RUNS} per endpoint) in ${seconds.toFixed(1)} s\n`,
      );
    },
    15 * 60_000,
  );
});
