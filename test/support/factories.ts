import type { DataSource } from 'typeorm';
import type { StaffRole } from '@distans/contracts';
import { hashPassword } from '../../apps/api/src/auth/auth.service';
import { TEST_PASSWORD, TestApp, unique } from './test-app';

/** Test data straight into the database, so each test states only what it is about. */
export class Factory {
  private passwordHash?: Promise<string>;
  constructor(private readonly db: DataSource) {}

  async region(): Promise<{ id: string; code: string }> {
    const code = unique('r').toLowerCase().slice(0, 40);
    const [row] = await this.db.query(`INSERT INTO region (code, name) VALUES ($1, $1) RETURNING id, code`, [code]);
    return row;
  }

  async county(regionId?: string): Promise<{ id: string; regionId: string }> {
    const region = regionId ?? (await this.region()).id;
    const code = unique('c').toLowerCase().slice(0, 40);
    const [row] = await this.db.query(`INSERT INTO county (code, name, region_id) VALUES ($1, $1, $2) RETURNING id`, [
      code,
      region,
    ]);
    return { id: row.id, regionId: region };
  }

  async office(
    overrides: { municipality?: string; countyId?: string; regionId?: string; weeklyHours?: unknown[] } = {},
  ): Promise<{ id: string; name: string }> {
    const county = overrides.countyId
      ? { id: overrides.countyId, regionId: overrides.regionId! }
      : await this.county(overrides.regionId);
    const name = unique('Office');
    const hours =
      overrides.weeklyHours ?? [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '16:00' }));
    const [row] = await this.db.query(
      `INSERT INTO office (name, municipality, county_id, region_id, office_type, weekly_hours)
       VALUES ($1, $2, $3, $4, 'medium', $5) RETURNING id, name`,
      [name, overrides.municipality ?? unique('Kommun'), county.id, county.regionId, JSON.stringify(hours)],
    );
    return row;
  }

  async room(officeId: string): Promise<{ id: string; name: string }> {
    const [row] = await this.db.query(
      `INSERT INTO room (office_id, name, capacity, equipment) VALUES ($1, $2, 2, '{video-screen,camera}') RETURNING id, name`,
      [officeId, unique('Rum')],
    );
    return row;
  }

  async agency(): Promise<{ id: string; code: string }> {
    const code = `A${Math.random().toString(36).slice(2, 9).toUpperCase()}`.replace(/[^A-Z0-9]/g, 'X');
    const [row] = await this.db.query(
      `INSERT INTO agency (code, name_sv, name_en) VALUES ($1, $1, $1) RETURNING id, code`,
      [code],
    );
    return row;
  }

  async caseType(
    agencyId: string,
    overrides: Partial<{ durationMin: number; bufferAfterMin: number }> = {},
  ): Promise<{ id: string }> {
    const [row] = await this.db.query(
      `INSERT INTO case_type (agency_id, code, name_sv, name_en, duration_min, buffer_after_min)
       VALUES ($1, $2, 'Ärende', 'Case', $3, $4) RETURNING id`,
      [
        agencyId,
        unique('ct')
          .toLowerCase()
          .replace(/[^a-z0-9-]/g, '-')
          .slice(0, 60),
        overrides.durationMin ?? 30,
        overrides.bufferAfterMin ?? 10,
      ],
    );
    return row;
  }

  async user(
    role: StaffRole,
    options: { agencyId?: string; officeIds?: string[]; caseTypeIds?: string[]; languages?: string[] } = {},
  ): Promise<{ id: string; email: string; password: string }> {
    this.passwordHash ??= hashPassword(TEST_PASSWORD);
    const email = `${unique(role.toLowerCase())}@test.example`.toLowerCase();
    const [row] = await this.db.query(
      `INSERT INTO app_user (email, display_name, role, password_hash, agency_id, languages)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        email,
        `Test ${role}`,
        role,
        await this.passwordHash,
        role === 'HANDLER' ? options.agencyId : null,
        options.languages ?? ['sv'],
      ],
    );
    for (const officeId of options.officeIds ?? []) {
      await this.db.query(`INSERT INTO staff_office (user_id, office_id) VALUES ($1, $2)`, [row.id, officeId]);
    }
    for (const caseTypeId of options.caseTypeIds ?? []) {
      await this.db.query(`INSERT INTO handler_case_type (user_id, agency_id, case_type_id) VALUES ($1, $2, $3)`, [
        row.id,
        options.agencyId,
        caseTypeId,
      ]);
    }
    return { id: row.id, email, password: TEST_PASSWORD };
  }
}

export async function login(t: TestApp, user: { email: string; password: string }): Promise<string> {
  const res = await t.request('POST', '/auth/login', { body: { email: user.email, password: user.password } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/** Counts rows, for asserting that a refused request wrote nothing. */
export async function countRows(db: DataSource, table: string): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n as number;
}
