import { isIsoDate } from '@distans/scheduling';
import { Transform } from 'class-transformer';
import { Matches, registerDecorator, ValidateIf, ValidationArguments } from 'class-validator';
import { IANAZone } from 'luxon';

/**
 * Optional, but not nullable: the property may be left out, while an explicit `null` is validated
 * (and refused) like any other wrong value instead of reaching a NOT NULL column.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_: object, value: unknown) => value !== undefined);
}

/** Surrounding white space is dropped before validation, so '  Lund ' is stored as 'Lund'. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}

/** Refuses names that are empty or only white space . */
export function IsNotBlank(): PropertyDecorator {
  return Matches(/\S/, { message: ({ property }: ValidationArguments) => `${property} must not be blank` });
}

/** A time zone name from the IANA database, e.g. `Europe/Stockholm`. */
export function IsIanaTimeZone(): PropertyDecorator {
  return custom('isIanaTimeZone', (value) => typeof value === 'string' && IANAZone.isValidZone(value), {
    message: ({ property }) => `${property} must be an IANA time zone such as Europe/Stockholm`,
  });
}

/** The zone's canonical spelling ('europe/stockholm' -> 'Europe/Stockholm'). */
export function canonicalZone(name: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

/** A real calendar date written yyyy-MM-dd (2026-02-30 is refused). */
export function IsCalendarDate(): PropertyDecorator {
  return custom('isCalendarDate', isIsoDate, {
    message: ({ property }) => `${property} must be a calendar date in yyyy-MM-dd format`,
  });
}

/** Query strings carry 'true'/'false'; anything else is left as is for @IsBoolean to refuse. */
export function ToBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
}

function custom(
  name: string,
  validate: (value: unknown) => boolean,
  options: { message: (args: ValidationArguments) => string },
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: options.message },
      validator: { validate },
    });
  };
}

/**
 * The fields a request actually carried. Class fields are defined (as undefined) on every DTO
 * instance, so `Object.keys(dto)` alone would name every declared field.
 */
export function sentFields(dto: object): string[] {
  return Object.entries(dto)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
}
