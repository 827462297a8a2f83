import type { DataSource } from 'typeorm';
import type { StaffRole, WeeklyIntervalDto } from '@distans/contracts';
import { hashPassword } from '../../apps/api/src/auth/auth.service';
import { randomToken, sha256 } from '../../apps/api/src/auth/secrets';
import { randomReference } from '../../apps/api/src/bookings/booking-reference';
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
    overrides: Partial<{
      nameSv: string;
      nameEn: string;
      durationMin: number;
      bufferAfterMin: number;
      minNoticeMin: number;
      maxDaysAhead: number;
    }> = {},
  ): Promise<{ id: string }> {
    const [row] = await this.db.query(
      `INSERT INTO case_type (agency_id, code, name_sv, name_en, duration_min, buffer_after_min, min_notice_min, max_days_ahead)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        agencyId,
        unique('ct')
          .toLowerCase()
          .replace(/[^a-z0-9-]/g, '-')
          .slice(0, 60),
        overrides.nameSv ?? 'Ärende',
        overrides.nameEn ?? 'Case',
        overrides.durationMin ?? 30,
        overrides.bufferAfterMin ?? 10,
        overrides.minNoticeMin ?? 60,
        overrides.maxDaysAhead ?? 60,
      ],
    );
    return row;
  }

  /**
   * A booking row written directly, for tests about what happens around a booking (sessions,
   * the room screen) at times the booking rules would refuse. It takes no resource holds.
   */
  async booking(b: {
    agencyId: string;
    caseTypeId: string;
    officeId: string;
    roomId: string;
    handlerId: string;
    start: Date;
    end: Date;
    holdUntil?: Date;
    interpreter?: { id: string; language: string };
    bookedBy?: string;
  }): Promise<{ id: string; reference: string }> {
    const [row] = await this.db.query(
      `INSERT INTO booking (reference, manage_token_hash, agency_id, case_type_id, office_id, room_id, handler_id,
                            interpreter_id, interpreter_language, starts_at, ends_at, hold_until, citizen_name,
                            booked_via, booked_by)
       VALUES ($1, 'x', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'A. Andersson', $12, $13) RETURNING id, reference`,
      [
        randomReference(),
        b.agencyId,
        b.caseTypeId,
        b.officeId,
        b.roomId,
        b.handlerId,
        b.interpreter?.id ?? null,
        b.interpreter?.language ?? null,
        b.start,
        b.end,
        b.holdUntil ?? b.end,
        b.bookedBy ? 'OFFICE_STAFF' : 'PUBLIC',
        b.bookedBy ?? null,
      ],
    );
    return row;
  }

  /** A paired room screen (kiosk) and its device token. */
  async roomDevice(roomId: string, pairedBy: string): Promise<{ id: string; token: string }> {
    const token = randomToken('dvc');
    const [row] = await this.db.query(
      `INSERT INTO room_device (room_id, label, token_hash, paired_by) VALUES ($1, 'Screen', $2, $3) RETURNING id`,
      [roomId, sha256(token), pairedBy],
    );
    return { id: row.id, token };
  }

  async user(
    role: StaffRole,
    options: {
      agencyId?: string;
      officeIds?: string[];
      caseTypeIds?: string[];
      languages?: string[];
      weeklyHours?: WeeklyIntervalDto[];
    } = {},
  ): Promise<{ id: string; email: string; password: string }> {
    this.passwordHash ??= hashPassword(TEST_PASSWORD);
    const email = `${unique(role.toLowerCase())}@test.example`.toLowerCase();
    const [row] = await this.db.query(
      `INSERT INTO app_user (email, display_name, role, password_hash, agency_id, languages, weekly_hours)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        email,
        `Test ${role}`,
        role,
        await this.passwordHash,
        role === 'HANDLER' ? options.agencyId : null,
        options.languages ?? ['sv'],
        JSON.stringify(options.weeklyHours ?? []),
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
