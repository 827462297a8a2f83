import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BookingDecision, BookingImpactView, Page, TimeIntervalDto, WeeklyIntervalDto } from '@distans/contracts';
import {
  daysBetween,
  findDatedExceptionProblems,
  IsoDate,
  openingDaysBetween,
  swedishPublicHoliday,
  weekdayOf,
} from '@distans/scheduling';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../../common/domain-errors';
import { closingClock, localClock } from '../../common/local-time';
import type { Actor } from '../../common/request-context';
import { assertOfficeInScope } from '../../common/scope';
import { affected as rowsAffected, selectPage, SqlFilter } from '../../common/sql';
import { BookingImpactService } from '../booking-impact/booking-impact.service';
import {
  MAX_CALENDAR_DAYS,
  OfficeExceptionQueryDto,
  OfficeExceptionView,
  OpeningDayView,
  OpeningHoursQueryDto,
  OpeningHoursView,
  PutOfficeExceptionDto,
} from './dto/office-hours.dto';

// `date::text`: node-postgres would turn a date into a JS Date at the process's local midnight.
const EXCEPTION_COLUMNS = `e.date::text AS date, e.closed, e.intervals, e.reason`;

/**
 * Dated exceptions to an office's weekly hours (closed days, changed hours) and the resulting
 * calendar. Public to read; administrators and the office's own staff change the exceptions.
 */
@Injectable()
export class OfficeHoursService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly impact: BookingImpactService,
  ) {}

  async listExceptions(officeId: string, q: OfficeExceptionQueryDto): Promise<Page<OfficeExceptionView>> {
    if (q.from && q.to) assertRange(q.from, q.to);
    await this.office(officeId);
    const filter = new SqlFilter().add('e.office_id = ?', officeId);
    if (q.from) filter.add('e.date >= ?::date', q.from);
    if (q.to) filter.add('e.date <= ?::date', q.to);
    return selectPage(
      this.db,
      { columns: EXCEPTION_COLUMNS, from: 'FROM office_exception e', orderBy: 'e.date' },
      filter,
      q,
    );
  }

  async putException(
    actor: Actor,
    officeId: string,
    date: IsoDate,
    dto: PutOfficeExceptionDto,
  ): Promise<OfficeExceptionView> {
    const problems = exceptionProblems(date, dto);
    if (Object.keys(problems).length) throw new InvalidInputError('The exception is not valid', { details: problems });
    assertOfficeInScope(actor, officeId);
    const intervals = dto.closed ? [] : sortedIntervals(dto.intervals ?? []);
    return this.db.transaction(async (tx) => {
      // FOR UPDATE: one change to the office's calendar at a time, so its impact is judged on what stands.
      const [office]: unknown[] = await tx.query(`SELECT 1 FROM office WHERE id = $1 FOR UPDATE`, [officeId]);
      if (!office) throw new NotFoundError('Office not found');
      const affected = await this.impact.ofCalendarChange(tx, officeId, {
        exception: { date, closed: dto.closed, intervals, reason: dto.reason },
      });
      await this.impact.settle(tx, affected, dto.onBookings, 'office-hours');
      const [row]: OfficeExceptionView[] = await tx.query(
        `INSERT INTO office_exception AS e (office_id, date, closed, intervals, reason) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (office_id, date)
           DO UPDATE SET closed = EXCLUDED.closed, intervals = EXCLUDED.intervals, reason = EXCLUDED.reason
         RETURNING ${EXCEPTION_COLUMNS}`,
        [officeId, date, dto.closed, JSON.stringify(intervals), dto.reason ?? ''],
      );
      await this.audit.record(
        {
          action: 'office.exception.put',
          resourceType: 'office',
          resourceId: officeId,
          details: { date, closed: dto.closed, affectedBookings: affected.length, onBookings: dto.onBookings ?? null },
        },
        { tx },
      );
      return row;
    });
  }

  /** Dry run of putException: the bookings on that day the new hours would leave outside them. */
  async previewException(
    actor: Actor,
    officeId: string,
    date: IsoDate,
    dto: PutOfficeExceptionDto,
  ): Promise<BookingImpactView> {
    const problems = exceptionProblems(date, dto);
    if (Object.keys(problems).length) throw new InvalidInputError('The exception is not valid', { details: problems });
    assertOfficeInScope(actor, officeId);
    await this.office(officeId);
    const intervals = dto.closed ? [] : sortedIntervals(dto.intervals ?? []);
    const affected = await this.impact.ofCalendarChange(this.db.manager, officeId, {
      exception: { date, closed: dto.closed, intervals },
    });
    return { affected: this.impact.views(affected) };
  }

  async removeException(
    actor: Actor,
    officeId: string,
    date: IsoDate,
    onBookings: BookingDecision | undefined,
  ): Promise<void> {
    assertOfficeInScope(actor, officeId);
    await this.db.transaction(async (tx) => {
      const [office]: unknown[] = await tx.query(`SELECT 1 FROM office WHERE id = $1 FOR UPDATE`, [officeId]);
      if (!office) throw new NotFoundError('Office not found');
      // The day falls back to the weekly hours (or a holiday): bookings made for the changed hours may not fit.
      const stranded = await this.impact.ofCalendarChange(tx, officeId, { exception: null, date });
      await this.impact.settle(tx, stranded, onBookings, 'office-hours');
      const result: unknown = await tx.query(`DELETE FROM office_exception WHERE office_id = $1 AND date = $2`, [
        officeId,
        date,
      ]);
      if (rowsAffected(result) === 0) throw new NotFoundError('No exception on this date');
      await this.audit.record(
        { action: 'office.exception.delete', resourceType: 'office', resourceId: officeId, details: { date } },
        { tx },
      );
    });
  }

  /** The office's hours day by day, as UTC instants and office-local times, and why. */
  async openingHours(officeId: string, q: OpeningHoursQueryDto): Promise<OpeningHoursView> {
    assertRange(q.from, q.to);
    if (daysBetween(q.from, q.to) + 1 > MAX_CALENDAR_DAYS) {
      throw new InvalidInputError(`Ask for at most ${MAX_CALENDAR_DAYS} days at a time`, {
        details: { to: [`to may be at most ${MAX_CALENDAR_DAYS - 1} days after from`] },
      });
    }
    const office = await this.office(officeId);
    const exceptions: OfficeExceptionView[] = await this.db.query(
      `SELECT ${EXCEPTION_COLUMNS} FROM office_exception e WHERE e.office_id = $1 AND e.date BETWEEN $2 AND $3`,
      [officeId, q.from, q.to],
    );
    const zone = office.timeZone;
    const days = openingDaysBetween(
      {
        zone,
        weekly: office.weeklyHours,
        closedOnPublicHolidays: office.closedOnPublicHolidays,
        exceptions: exceptions.map((e) => ({
          date: e.date,
          closed: e.closed,
          intervals: e.intervals,
          ...(e.reason ? { reason: e.reason } : {}),
        })),
      },
      q.from,
      q.to,
    );
    return {
      officeId,
      timeZone: zone,
      from: q.from,
      to: q.to,
      days: days.map((day): OpeningDayView => ({
        date: day.date,
        weekday: weekdayOf(day.date),
        source: day.source,
        reason: day.reason ?? null,
        holiday: swedishPublicHoliday(day.date)?.name ?? null,
        closed: day.spans.length === 0,
        intervals: day.spans.map((span) => ({
          start: new Date(span.start).toISOString(),
          end: new Date(span.end).toISOString(),
          opens: localClock(span.start, zone),
          closes: closingClock(span.end, zone),
        })),
      })),
    };
  }

  private async office(
    id: string,
  ): Promise<{ timeZone: string; weeklyHours: WeeklyIntervalDto[]; closedOnPublicHolidays: boolean }> {
    const [row] = await this.db.query(
      `SELECT time_zone AS "timeZone", weekly_hours AS "weeklyHours", closed_on_public_holidays AS "closedOnPublicHolidays"
         FROM office WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('Office not found');
    return row;
  }
}

function assertRange(from: IsoDate, to: IsoDate): void {
  if (to < from)
    throw new InvalidInputError('The range ends before it starts', { details: { to: ['to must not be before from'] } });
}

/**
 * Field-keyed problems of one exception. The API asks for the hours outright when the office is
 * open (the database insists too), rather than the library's "keep the weekly hours" shorthand.
 */
function exceptionProblems(date: IsoDate, dto: PutOfficeExceptionDto): Record<string, string[]> {
  if (!dto.closed && !dto.intervals?.length) {
    return { intervals: ['intervals must hold at least one opening interval when closed is false'] };
  }
  const details: Record<string, string[]> = {};
  for (const problem of findDatedExceptionProblems([{ date, closed: dto.closed, intervals: dto.intervals }])) {
    // 'intervals[1].closes' -> 'intervals.1.closes', the path style of every other validation error.
    const field = problem.field.replace(/\[(\d+)\]/g, '.$1');
    (details[field] ??= []).push(problem.message);
  }
  return details;
}

function sortedIntervals(intervals: readonly TimeIntervalDto[]): TimeIntervalDto[] {
  return intervals.map(({ opens, closes }) => ({ opens, closes })).sort((a, b) => a.opens.localeCompare(b.opens));
}
