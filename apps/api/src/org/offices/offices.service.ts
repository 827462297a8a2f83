import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BookingImpactView, Page, WeeklyIntervalDto } from '@distans/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../common/domain-errors';
import type { Actor } from '../../common/request-context';
import { assertOfficeInScope } from '../../common/scope';
import { containsPattern, selectPage, SqlFilter, SqlUpdate, UniqueFields, withUniqueFields } from '../../common/sql';
import { canonicalZone, sentFields } from '../../common/validators';
import { BookingImpactService, CalendarChange } from '../booking-impact/booking-impact.service';
import { CreateOfficeDto, OfficeQueryDto, OfficeView, UpdateOfficeDto } from './dto/office.dto';

const COLUMNS = `
  o.id, o.name, o.municipality,
  json_build_object('id', c.id, 'name', c.name) AS county,
  json_build_object('id', r.id, 'name', r.name) AS region,
  json_build_object('streetAddress', o.street_address, 'postalCode', o.postal_code, 'city', o.city, 'phone', o.phone) AS address,
  o.office_type AS "officeType", o.time_zone AS "timeZone", o.weekly_hours AS "weeklyHours",
  o.closed_on_public_holidays AS "closedOnPublicHolidays", o.active,
  -- What a visitor choosing an office needs to know, from the office's rooms in use (one source).
  (SELECT json_build_object('stepFree', coalesce(bool_or(rm.step_free), false),
                            'hearingLoop', coalesce(bool_or('hearing-loop' = ANY (rm.equipment)), false))
     FROM room rm WHERE rm.office_id = o.id AND rm.active) AS access`;
const FROM = `FROM office o JOIN county c ON c.id = o.county_id JOIN region r ON r.id = o.region_id`;

const UNIQUE: UniqueFields = { office_name_key: { field: 'name', message: 'An office with this name already exists' } };

/** Office staff run their office's day: they may set its opening hours, nothing else about it. */
const STAFF_EDITABLE: ReadonlySet<string> = new Set(['weeklyHours', 'closedOnPublicHolidays', 'onBookings']);

/** Service offices. Public to read (a citizen picks one); administrators run the catalogue. */
@Injectable()
export class OfficesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly impact: BookingImpactService,
  ) {}

  list(q: OfficeQueryDto): Promise<Page<OfficeView>> {
    const filter = new SqlFilter();
    if (q.regionId) filter.add('o.region_id = ?', q.regionId);
    if (q.countyId) filter.add('o.county_id = ?', q.countyId);
    if (q.municipality) filter.add('lower(o.municipality) = lower(?)', q.municipality.trim());
    if (q.officeType) filter.add('o.office_type = ?', q.officeType);
    if (q.q) filter.add('o.name ILIKE ?', containsPattern(q.q));
    if (q.active !== undefined) filter.add('o.active = ?', q.active);
    return selectPage(this.db, { columns: COLUMNS, from: FROM, orderBy: 'o.name, o.id' }, filter, q);
  }

  async get(id: string): Promise<OfficeView> {
    const [row]: OfficeView[] = await this.db.query(`SELECT ${COLUMNS} ${FROM} WHERE o.id = $1`, [id]);
    if (!row) throw new NotFoundError('Office not found');
    return row;
  }

  async create(dto: CreateOfficeDto): Promise<OfficeView> {
    const id = await withUniqueFields(UNIQUE, () =>
      this.db.transaction(async (tx) => {
        const regionId = await this.regionOfCounty(tx, dto.countyId);
        const [row]: { id: string }[] = await tx.query(
          `INSERT INTO office (name, municipality, county_id, region_id, time_zone, street_address, postal_code, city,
                               office_type, weekly_hours, closed_on_public_holidays, active, phone)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [
            dto.name,
            dto.municipality,
            dto.countyId,
            regionId,
            canonicalZone(dto.timeZone ?? 'Europe/Stockholm'),
            dto.streetAddress ?? '',
            dto.postalCode ?? '',
            dto.city ?? '',
            dto.officeType,
            JSON.stringify(sortedHours(dto.weeklyHours ?? [])),
            dto.closedOnPublicHolidays ?? true,
            dto.active ?? true,
            dto.phone ?? '',
          ],
        );
        await this.audit.record(
          { action: 'office.create', resourceType: 'office', resourceId: row.id, details: { name: dto.name } },
          { tx },
        );
        return row.id;
      }),
    );
    return this.get(id);
  }

  async update(actor: Actor, id: string, dto: UpdateOfficeDto): Promise<OfficeView> {
    const fields = sentFields(dto);
    if (actor.role !== 'ADMIN') {
      assertOfficeInScope(actor, id);
      const refused = fields.filter((field) => !STAFF_EDITABLE.has(field));
      if (refused.length) {
        throw new ForbiddenError(
          'Office staff may change only the opening hours (weeklyHours, closedOnPublicHolidays)',
          { details: Object.fromEntries(refused.map((field) => [field, ['only administrators may change this']])) },
        );
      }
    }
    await withUniqueFields(UNIQUE, () =>
      this.db.transaction(async (tx) => {
        const [found]: unknown[] = await tx.query(`SELECT 1 FROM office WHERE id = $1 FOR UPDATE`, [id]);
        if (!found) throw new NotFoundError('Office not found');
        if (changesHours(dto)) {
          const affected = await this.impact.ofCalendarChange(tx, id, hoursChange(dto));
          await this.impact.settle(tx, affected, dto.onBookings, 'office-hours');
        }
        const regionId = dto.countyId === undefined ? undefined : await this.regionOfCounty(tx, dto.countyId);
        const update = new SqlUpdate(id)
          .set('name', dto.name)
          .set('municipality', dto.municipality)
          .set('county_id', dto.countyId)
          .set('region_id', regionId)
          .set('time_zone', dto.timeZone === undefined ? undefined : canonicalZone(dto.timeZone))
          .set('street_address', dto.streetAddress)
          .set('postal_code', dto.postalCode)
          .set('city', dto.city)
          .set('phone', dto.phone)
          .set('office_type', dto.officeType)
          .set('weekly_hours', dto.weeklyHours === undefined ? undefined : JSON.stringify(sortedHours(dto.weeklyHours)))
          .set('closed_on_public_holidays', dto.closedOnPublicHolidays)
          .set('active', dto.active);
        if (update.isEmpty) return;
        await tx.query(`UPDATE office SET ${update.sql}, updated_at = now() WHERE id = $1`, update.params);
        await this.audit.record(
          {
            action: 'office.update',
            resourceType: 'office',
            resourceId: id,
            details: {
              fields: fields.filter((field) => field !== 'onBookings'),
              ...(dto.onBookings ? { onBookings: dto.onBookings } : {}),
            },
          },
          { tx },
        );
      }),
    );
    return this.get(id);
  }

  /** The bookings new hours would leave outside them, before anything is saved. */
  async preview(actor: Actor, id: string, dto: UpdateOfficeDto): Promise<BookingImpactView> {
    assertOfficeInScope(actor, id);
    await this.get(id);
    const affected = changesHours(dto) ? await this.impact.ofCalendarChange(this.db.manager, id, hoursChange(dto)) : [];
    return { affected: this.impact.views(affected) };
  }

  private async regionOfCounty(tx: EntityManager, countyId: string): Promise<string> {
    // FOR SHARE: the county can neither go away nor move to another region until this commits.
    const [county]: { region_id: string }[] = await tx.query(`SELECT region_id FROM county WHERE id = $1 FOR SHARE`, [
      countyId,
    ]);
    if (!county) throw new InvalidInputError('Unknown county', { details: { countyId: ['no such county'] } });
    return county.region_id;
  }
}

/** Stored in a stable order, so that what an administrator reads back is easy to follow. */
function sortedHours(hours: readonly WeeklyIntervalDto[]): WeeklyIntervalDto[] {
  return hours
    .map(({ weekday, opens, closes }) => ({ weekday, opens, closes }))
    .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
}

function changesHours(dto: UpdateOfficeDto): boolean {
  return dto.weeklyHours !== undefined || dto.closedOnPublicHolidays !== undefined;
}

function hoursChange(dto: UpdateOfficeDto): CalendarChange {
  return {
    ...(dto.weeklyHours ? { weeklyHours: sortedHours(dto.weeklyHours) } : {}),
    ...(dto.closedOnPublicHolidays !== undefined ? { closedOnPublicHolidays: dto.closedOnPublicHolidays } : {}),
  };
}
