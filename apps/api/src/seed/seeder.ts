import * as argon2 from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/auth.service';
import type { AppConfig } from '../config/app-config';
import { DemoPassword, resolveDemoPassword } from './demo-password';
import { buildDemoPlan, DemoPlan } from './plan';

/** What one run added, table by table. */
export interface SeedCounts {
  regions: number;
  counties: number;
  offices: number;
  rooms: number;
  agencies: number;
  caseTypes: number;
  users: number;
  handlerCaseTypes: number;
  staffOffices: number;
  absences: number;
}

const json = (rows: unknown[]): string => JSON.stringify(rows);
const ids = (rows: { id: string }[]): string[] => rows.map((r) => r.id);

/**
 * Fills an empty installation with demo data: regions, counties, every office with its rooms,
 * the agencies with their case types, and users for every role. Returns the credentials block
 * to print.
 *
 * Idempotent and respectful of later edits: top-level rows are inserted with ON CONFLICT DO
 * NOTHING on their natural keys (codes, office names, e-mail addresses), and rows that hang
 * under them (rooms, case types, a handler's case types, a staff member's offices, absences) are
 * added only under parents created in the same run. So a second run adds nothing, and a room an
 * administrator renamed or a case type they took away from a handler does not come back.
 */
export async function seedDemoData(db: DataSource, config: AppConfig, log: (line: string) => void): Promise<string> {
  if (config.NODE_ENV === 'production') {
    throw new Error('Refusing to seed demo data (with a shared, printed password) when NODE_ENV=production');
  }
  const started = performance.now();
  const password = await resolveDemoPassword(config.DATA_DIR, process.env);
  const plan = buildDemoPlan(new Date());

  const counts = await db.transaction((tx) => writePlan(tx, plan, password.password));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const added = Object.values(counts).reduce((sum, n) => sum + n, 0);
  log(
    added === 0
      ? `Demo data already in place: nothing added (${seconds} s)`
      : `Demo data added in ${seconds} s: ${describeCounts(counts)}`,
  );
  return credentialsBlock(db, plan, password);
}

async function writePlan(tx: EntityManager, plan: DemoPlan, password: string): Promise<SeedCounts> {
  // Two instances starting at once against one database would otherwise race on the same rows.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('distans:seed-demo-data'))`);

  const regions: { id: string }[] = await tx.query(
    `INSERT INTO region (code, name)
     SELECT x.code, x.name FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text)
     ON CONFLICT DO NOTHING RETURNING id`,
    [json(plan.regions)],
  );
  await requireAll(
    tx,
    'region',
    'code',
    plan.regions.map((r) => r.code),
  );

  const counties: { id: string }[] = await tx.query(
    `INSERT INTO county (code, name, region_id)
     SELECT x.code, x.name, r.id
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, region text)
       JOIN region r ON r.code = x.region
     ON CONFLICT DO NOTHING RETURNING id`,
    [json(plan.counties)],
  );
  await requireAll(
    tx,
    'county',
    'code',
    plan.counties.map((c) => c.code),
  );

  // An office is in the region of its county.
  const offices: { id: string; name: string }[] = await tx.query(
    `INSERT INTO office (name, municipality, county_id, region_id, street_address, postal_code, city, office_type, weekly_hours,
                         closed_on_public_holidays)
     SELECT x.name, x.municipality, c.id, c.region_id, x.street_address, x.postal_code, x.city, x.office_type, x.weekly_hours,
            x.closed_on_public_holidays
       FROM jsonb_to_recordset($1::jsonb) AS x(name text, municipality text, county text, street_address text,
            postal_code text, city text, office_type text, weekly_hours jsonb, closed_on_public_holidays boolean)
       JOIN county c ON c.code = x.county
     ON CONFLICT DO NOTHING RETURNING id, name`,
    [json(plan.offices)],
  );
  // The around-the-clock demo office reaches installs seeded before it existed: its case type
  // hangs under it (and is added with it) rather than under an agency of this run.
  const demoOfficeIsNew = offices.some((office) => office.name === plan.demo.office);
  // The service offices share one national number; a visitor whose call for staff goes
  // unanswered is shown it on the room screen.
  await tx.query(`UPDATE office SET phone = $1 WHERE phone = '' AND name = ANY ($2::text[])`, [
    SERVICE_OFFICE_PHONE,
    plan.offices.map((office) => office.name),
  ]);

  const rooms: { id: string }[] = await tx.query(
    `INSERT INTO room (office_id, name, capacity, step_free, equipment)
     SELECT o.id, x.name, x.capacity, x.step_free, x.equipment
       FROM jsonb_to_recordset($1::jsonb) AS x(office text, name text, capacity int, step_free boolean, equipment text[])
       JOIN office o ON o.name = x.office
      WHERE o.id = ANY($2::uuid[])
     ON CONFLICT DO NOTHING RETURNING id`,
    [json(plan.rooms), ids(offices)],
  );

  const agencies: { id: string }[] = await tx.query(
    `INSERT INTO agency (code, name_sv, name_en)
     SELECT x.code, x.name_sv, x.name_en FROM jsonb_to_recordset($1::jsonb) AS x(code text, name_sv text, name_en text)
     ON CONFLICT DO NOTHING RETURNING id`,
    [json(plan.agencies)],
  );

  const caseTypes: { id: string }[] = await tx.query(
    `INSERT INTO case_type (agency_id, code, name_sv, name_en, duration_min, buffer_after_min, interpreter_allowed,
            id_check_required, min_notice_min, max_days_ahead)
     SELECT a.id, x.code, x."nameSv", x."nameEn", x."durationMin", x."bufferAfterMin", x."interpreterAllowed",
            x."idCheckRequired", x."minNoticeMin", x."maxDaysAhead"
       FROM jsonb_to_recordset($1::jsonb) AS x(agency text, code text, "nameSv" text, "nameEn" text, "durationMin" int,
            "bufferAfterMin" int, "interpreterAllowed" boolean, "idCheckRequired" boolean, "minNoticeMin" int,
            "maxDaysAhead" int)
       JOIN agency a ON a.code = x.agency
      WHERE a.id = ANY($2::uuid[]) OR ($3 AND x.code = $4)
     ON CONFLICT DO NOTHING RETURNING id`,
    [json(plan.caseTypes), ids(agencies), demoOfficeIsNew, plan.demo.caseTypeCode],
  );

  // argon2id costs about 50 ms: hash once, share the hash, and skip it when every user exists.
  const emails = plan.users.map((u) => u.email);
  const [{ existing }]: { existing: number }[] = await tx.query(
    `SELECT count(*)::int AS existing FROM app_user WHERE email = ANY($1::text[])`,
    [emails],
  );
  let users: { id: string }[] = [];
  if (existing < emails.length) {
    users = await tx.query(
      `INSERT INTO app_user (email, display_name, role, password_hash, agency_id, languages, weekly_hours)
       SELECT x.email, x.display_name, x.role, $2, a.id, x.languages, x.weekly_hours
         FROM jsonb_to_recordset($1::jsonb) AS x(email text, display_name text, role text, agency text,
              languages text[], weekly_hours jsonb)
         LEFT JOIN agency a ON a.code = x.agency
       ON CONFLICT DO NOTHING RETURNING id`,
      [json(plan.users), await hashPassword(password)],
    );
  }
  const newUsers = ids(users);

  // The composite foreign key keeps each case type inside the handler's own agency.
  const handlerCaseTypes: unknown[] = await tx.query(
    `INSERT INTO handler_case_type (user_id, agency_id, case_type_id)
     SELECT u.id, u.agency_id, ct.id
       FROM jsonb_to_recordset($1::jsonb) AS x(email text, case_type text)
       JOIN app_user u ON u.email = x.email
       JOIN case_type ct ON ct.agency_id = u.agency_id AND ct.code = x.case_type
      WHERE u.id = ANY($2::uuid[])
     ON CONFLICT DO NOTHING RETURNING user_id`,
    [json(plan.handlerCaseTypes), newUsers],
  );

  const staffOffices: unknown[] = await tx.query(
    `INSERT INTO staff_office (user_id, office_id)
     SELECT u.id, o.id
       FROM jsonb_to_recordset($1::jsonb) AS x(email text, office text)
       JOIN app_user u ON u.email = x.email
       JOIN office o ON o.name = x.office
      WHERE u.id = ANY($2::uuid[])
     ON CONFLICT DO NOTHING RETURNING user_id`,
    [json(plan.staffOffices), newUsers],
  );

  const absences: unknown[] = await tx.query(
    `INSERT INTO user_absence (user_id, starts_at, ends_at, reason)
     SELECT u.id, x.starts_at, x.ends_at, x.reason
       FROM jsonb_to_recordset($1::jsonb) AS x(email text, starts_at timestamptz, ends_at timestamptz, reason text)
       JOIN app_user u ON u.email = x.email
      WHERE u.id = ANY($2::uuid[])
     RETURNING id`,
    [json(plan.absences), newUsers],
  );

  const counts: SeedCounts = {
    regions: regions.length,
    counties: counties.length,
    offices: offices.length,
    rooms: rooms.length,
    agencies: agencies.length,
    caseTypes: caseTypes.length,
    users: users.length,
    handlerCaseTypes: handlerCaseTypes.length,
    staffOffices: staffOffices.length,
    absences: absences.length,
  };
  if (Object.values(counts).some((n) => n > 0)) {
    // Creating users is audited everywhere else; a seed run is one audited act by the system.
    await tx.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, resource_type, details)
       VALUES (NULL, 'SYSTEM', 'demo-data.seed', 'system', $1::jsonb)`,
      [JSON.stringify(counts)],
    );
  }
  return counts;
}

/**
 * Rows the rest of the seed hangs off must exist under the expected key. A row that took the
 * name but under another code would otherwise make the joins drop offices silently.
 */
async function requireAll(
  tx: EntityManager,
  table: 'region' | 'county',
  column: 'code',
  keys: string[],
): Promise<void> {
  const missing: { key: string }[] = await tx.query(
    `SELECT k AS key FROM unnest($1::text[]) AS k WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.${column} = k)`,
    [keys],
  );
  if (missing.length) {
    throw new Error(
      `Cannot seed demo data: ${table} ${missing.map((m) => m.key).join(', ')} is missing and its name is taken by another ${table}`,
    );
  }
}

function describeCounts(c: SeedCounts): string {
  return [
    `${c.regions} regions`,
    `${c.counties} counties`,
    `${c.offices} offices`,
    `${c.rooms} rooms`,
    `${c.agencies} agencies`,
    `${c.caseTypes} case types`,
    `${c.users} users`,
    `${c.handlerCaseTypes} handler case types`,
    `${c.staffOffices} office assignments`,
    `${c.absences} absences`,
  ].join(', ');
}

/** Statens servicecenter's national number for the service offices. */
const SERVICE_OFFICE_PHONE = '0771-778 778';

const ROLE_LABELS: Record<string, string> = {
  ADMIN: 'Administrator',
  HANDLER: 'Handler',
  OFFICE_STAFF: 'Office staff',
  INTERPRETER: 'Interpreter',
};

/** The accounts to try first, as they are in the database now (an admin may have changed them). */
async function credentialsBlock(db: DataSource, plan: DemoPlan, password: DemoPassword): Promise<string> {
  const rows: {
    email: string;
    role: string;
    active: boolean;
    password_hash: string;
    agency: string | null;
    languages: string[];
    offices: string[];
  }[] = await db.query(
    `SELECT u.email, u.role, u.active, u.password_hash, a.name_sv AS agency, u.languages,
            ARRAY(SELECT o.name FROM staff_office so JOIN office o ON o.id = so.office_id
                   WHERE so.user_id = u.id ORDER BY o.name) AS offices
       FROM app_user u LEFT JOIN agency a ON a.id = u.agency_id
      WHERE u.email = ANY($1::text[])`,
    [plan.featured],
  );
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const featured = plan.featured.flatMap((email) => byEmail.get(email) ?? []);
  const width = Math.max(...featured.map((r) => r.email.length));
  const lines = featured.map((r) => {
    const note =
      r.role === 'HANDLER'
        ? (r.agency ?? '')
        : r.role === 'OFFICE_STAFF'
          ? r.offices.join(', ')
          : r.role === 'INTERPRETER'
            ? r.languages.filter((l) => l !== 'sv').join(', ')
            : '';
    return `  ${ROLE_LABELS[r.role].padEnd(15)}${r.email.padEnd(width + 3)}${note}${r.active ? '' : '  (deactivated)'}`.trimEnd();
  });

  const demoLines = await demoBlock(db, plan);
  const admin = byEmail.get(plan.featured[0]);
  const works = admin ? await argon2.verify(admin.password_hash, password.password) : false;
  const where =
    password.source === 'env'
      ? 'from DEMO_PASSWORD'
      : `kept in ${password.file}; set DEMO_PASSWORD to choose your own before the first start`;
  return [
    '',
    ...lines,
    '',
    ...demoLines,
    `  Password (every demo user): ${password.password}`,
    `  (${where})`,
    ...(works
      ? []
      : [
          `  Note: ${plan.featured[0]} does not accept this password: the demo users were created with another`,
          '  password, or it was changed since.',
        ]),
    '',
  ].join('\n');
}

/**
 * Where a first meeting works at any hour, as it is in the database now: the office open around
 * the clock, its room, and the handler and staff member to log in as (README, "Trying a meeting").
 */
async function demoBlock(db: DataSource, plan: DemoPlan): Promise<string[]> {
  const [row]: { office: string; room: string | null; case_type: string | null }[] = await db.query(
    `SELECT o.name AS office,
            (SELECT r.name FROM room r WHERE r.office_id = o.id AND r.active AND r.name = $2) AS room,
            (SELECT ct.name_sv FROM case_type ct WHERE ct.code = $3 AND ct.active LIMIT 1) AS case_type
       FROM office o WHERE o.name = $1 AND o.active`,
    [plan.demo.office, plan.demo.room, plan.demo.caseTypeCode],
  );
  if (!row?.room || !row.case_type) return [];
  return [
    '  A meeting at any hour (README, "Trying a meeting"):',
    `  ${'Office'.padEnd(15)}${row.office}, ${row.room}: open around the clock`,
    `  ${'Case type'.padEnd(15)}${row.case_type}: no notice needed`,
    `  ${'Handler'.padEnd(15)}${plan.demo.handler}`,
    `  ${'Office staff'.padEnd(15)}${plan.demo.staff}`,
    '',
  ];
}
