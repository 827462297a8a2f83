import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { findWeeklyHoursProblems } from '@distans/scheduling';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  Matches,
  registerDecorator,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A closing time may also be 24:00, the end of the day: an office open around the clock. */
const CLOSING_HH_MM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export class TimeIntervalInput {
  @ApiProperty({ example: '09:00' })
  @Matches(HH_MM, { message: 'opens must be a time like 09:00' })
  opens: string;

  @ApiProperty({ example: '16:00', description: "Up to '24:00', the end of the day" })
  @Matches(CLOSING_HH_MM, { message: 'closes must be a time like 16:00, or 24:00 for the end of the day' })
  closes: string;
}

export class WeeklyIntervalInput extends TimeIntervalInput {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday .. 7 = Sunday' })
  @IsInt()
  @IsIn([1, 2, 3, 4, 5, 6, 7], { message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/**
 * Whole-schedule rules that a single interval cannot check: no inverted or empty intervals and
 * no overlaps within a day. Messages name the interval so a person can fix it.
 */
export function IsNonOverlappingSchedule(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isNonOverlappingSchedule',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown): boolean {
          return !Array.isArray(value) || problemsOf(value).length === 0;
        },
        defaultMessage(args: ValidationArguments): string {
          return problemsOf(args.value as unknown[]).join('; ');
        },
      },
    });
  };
}

function problemsOf(value: unknown[]): string[] {
  const intervals = value
    .filter(
      (v): v is { weekday?: number; opens: string; closes: string } =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as { opens?: unknown }).opens === 'string' &&
        typeof (v as { closes?: unknown }).closes === 'string',
    )
    .map((v) => ({ weekday: (v.weekday ?? 1) as 1, opens: v.opens, closes: v.closes }));
  if (intervals.length !== value.length) return [];
  return findWeeklyHoursProblems(intervals).map((p) => `interval ${p.index}: ${p.message}`);
}

/** A weekly schedule field: a list of valid intervals (at most five a day) that do not overlap. */
export function IsWeeklySchedule(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(35),
    ValidateNested({ each: true }),
    Type(() => WeeklyIntervalInput),
    IsNonOverlappingSchedule(),
  );
}
