import { addDays, datesBetween, daysBetween, isIsoDate, isoDateToUtcMs, utcMsToIsoDate, weekdayOf } from './iso-date';

describe(isIsoDate.name, () => {
  it('should accept real calendar dates including leap days', () => {
    expect(isIsoDate('2026-03-29')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });

  it('should reject impossible dates, other formats and non-strings', () => {
    for (const value of [
      '2026-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-3-29',
      '29/03/2026',
      '2026-03-29T00:00',
      '',
      20260329,
      null,
      undefined,
    ]) {
      expect(isIsoDate(value)).toBe(false);
    }
  });
});

describe(isoDateToUtcMs.name, () => {
  it('should give the UTC midnight of the date', () => {
    expect(isoDateToUtcMs('2026-03-29')).toBe(Date.parse('2026-03-29T00:00:00Z'));
  });

  it('should throw a RangeError on malformed input', () => {
    expect(() => isoDateToUtcMs('2026-02-30')).toThrow(RangeError);
  });
});

describe(utcMsToIsoDate.name, () => {
  it('should drop the time of day', () => {
    expect(utcMsToIsoDate(Date.parse('2026-10-25T23:59:59.999Z'))).toBe('2026-10-25');
  });
});

describe(addDays.name, () => {
  it('should cross month, year and DST boundaries by whole calendar days', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-10-25', 0)).toBe('2026-10-25');
  });
});

describe(datesBetween.name, () => {
  it('should list every date with both ends included', () => {
    expect(datesBetween('2026-10-24', '2026-10-27')).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
  });

  it('should give a single date when both ends are equal', () => {
    expect(datesBetween('2026-03-29', '2026-03-29')).toEqual(['2026-03-29']);
  });

  it('should give nothing when the range is inverted', () => {
    expect(datesBetween('2026-03-30', '2026-03-29')).toEqual([]);
  });
});

describe(weekdayOf.name, () => {
  it('should number ISO weekdays from Monday=1 to Sunday=7', () => {
    expect(weekdayOf('2026-03-30')).toBe(1);
    expect(weekdayOf('2026-06-19')).toBe(5);
    expect(weekdayOf('2026-03-29')).toBe(7);
    expect(weekdayOf('2026-10-25')).toBe(7);
  });
});

describe(daysBetween.name, () => {
  it('should count whole days in either direction', () => {
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-04-01', '2026-03-01')).toBe(-31);
  });
});
