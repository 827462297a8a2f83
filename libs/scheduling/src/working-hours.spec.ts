import { isoSpans, span } from '../testing/spec-helpers';
import { WeeklyInterval } from './weekly-hours';
import { workingSpansBetween } from './working-hours';

const ZONE = 'Europe/Stockholm';
const MONDAY_TO_FRIDAY: WeeklyInterval[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({
  weekday,
  opens: '08:00',
  closes: '17:00',
}));

describe(workingSpansBetween.name, () => {
  it('should give the weekly hours of each date in the range', () => {
    expect(isoSpans(workingSpansBetween(MONDAY_TO_FRIDAY, ZONE, [], '2026-03-27', '2026-03-30'))).toEqual([
      '2026-03-27T07:00:00.000Z/2026-03-27T16:00:00.000Z',
      '2026-03-30T06:00:00.000Z/2026-03-30T15:00:00.000Z',
    ]);
  });

  it('should remove absences, whole days and parts of days, in any order', () => {
    const absences = [
      span('2026-03-31T10:00:00Z', '2026-03-31T12:00:00Z'),
      span('2026-03-29T22:00:00Z', '2026-03-30T22:00:00Z'),
    ];
    expect(isoSpans(workingSpansBetween(MONDAY_TO_FRIDAY, ZONE, absences, '2026-03-30', '2026-03-31'))).toEqual([
      '2026-03-31T06:00:00.000Z/2026-03-31T10:00:00.000Z',
      '2026-03-31T12:00:00.000Z/2026-03-31T15:00:00.000Z',
    ]);
  });

  it('should keep public holidays, which only office calendars close', () => {
    expect(workingSpansBetween(MONDAY_TO_FRIDAY, ZONE, [], '2026-12-25', '2026-12-25')).toHaveLength(1);
  });

  it('should work a Sunday shift across both DST changes with the right offsets', () => {
    const sundays: WeeklyInterval[] = [{ weekday: 7, opens: '09:00', closes: '16:00' }];
    expect(isoSpans(workingSpansBetween(sundays, ZONE, [], '2026-03-29', '2026-03-29'))).toEqual([
      '2026-03-29T07:00:00.000Z/2026-03-29T14:00:00.000Z',
    ]);
    expect(isoSpans(workingSpansBetween(sundays, ZONE, [], '2026-10-25', '2026-10-25'))).toEqual([
      '2026-10-25T08:00:00.000Z/2026-10-25T15:00:00.000Z',
    ]);
  });

  it('should make a night shift through the changed hour one hour shorter in spring and longer in autumn', () => {
    const nights: WeeklyInterval[] = [{ weekday: 7, opens: '00:00', closes: '06:00' }];
    const [spring] = workingSpansBetween(nights, ZONE, [], '2026-03-29', '2026-03-29');
    const [autumn] = workingSpansBetween(nights, ZONE, [], '2026-10-25', '2026-10-25');
    expect(isoSpans([spring])).toEqual(['2026-03-28T23:00:00.000Z/2026-03-29T04:00:00.000Z']);
    expect(isoSpans([autumn])).toEqual(['2026-10-24T22:00:00.000Z/2026-10-25T05:00:00.000Z']);
  });

  it('should merge touching intervals and skip invalid ones', () => {
    const weekly: WeeklyInterval[] = [
      { weekday: 1, opens: '08:00', closes: '12:00' },
      { weekday: 1, opens: '12:00', closes: '13:00' },
      { weekday: 1, opens: '15:00', closes: '14:00' },
    ];
    expect(isoSpans(workingSpansBetween(weekly, ZONE, [], '2026-03-30', '2026-03-30'))).toEqual([
      '2026-03-30T06:00:00.000Z/2026-03-30T11:00:00.000Z',
    ]);
  });

  it('should give nothing for an inverted date range', () => {
    expect(workingSpansBetween(MONDAY_TO_FRIDAY, ZONE, [], '2026-03-31', '2026-03-30')).toEqual([]);
  });
});
