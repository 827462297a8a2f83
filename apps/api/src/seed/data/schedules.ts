import type { OfficeType, WeeklyIntervalDto } from '@distans/contracts';

type Weekday = WeeklyIntervalDto['weekday'];

/** The same hours on each of the given weekdays. */
export function days(weekdays: Weekday[], ...spans: [opens: string, closes: string][]): WeeklyIntervalDto[] {
  return weekdays.flatMap((weekday) => spans.map(([opens, closes]) => ({ weekday, opens, closes })));
}

const MON_FRI: Weekday[] = [1, 2, 3, 4, 5];

/**
 * Opening-hour patterns per office size; an office takes one by its seeded random draw. Large
 * offices stay open late on Thursdays; small offices open a few hours on two or three days; flex
 * offices, with travelling staff, one day a week (the weekday is drawn per office).
 */
export const OPENING_HOURS: Record<Exclude<OfficeType, 'flex'>, WeeklyIntervalDto[][]> = {
  large: [[...days([1, 2, 3, 5], ['09:00', '16:00']), ...days([4], ['09:00', '18:00'])]],
  medium: [
    days(MON_FRI, ['09:00', '16:00']),
    [...days([1, 2, 3, 4], ['09:00', '16:00']), ...days([5], ['09:00', '14:00'])],
    [...days([1, 2, 3, 5], ['10:00', '16:00']), ...days([4], ['10:00', '18:00'])],
  ],
  small: [
    days([2, 4], ['10:00', '15:00']),
    days([1, 3], ['09:00', '12:00'], ['13:00', '16:00']),
    days([1, 3, 5], ['10:00', '15:00']),
    [...days([2], ['09:00', '16:00']), ...days([4], ['12:00', '18:00'])],
  ],
};

export function flexHours(weekday: Weekday): WeeklyIntervalDto[] {
  return days([weekday], ['10:00', '14:00']);
}

/** Working-hour patterns for handlers and interpreters, with how often each occurs. */
export const WORKING_HOURS: { weight: number; hours: WeeklyIntervalDto[] }[] = [
  { weight: 5, hours: days(MON_FRI, ['08:00', '16:30']) },
  { weight: 3, hours: days(MON_FRI, ['08:00', '12:00'], ['12:45', '16:30']) },
  { weight: 1, hours: [...days([1, 2, 3, 4], ['07:30', '16:00']), ...days([5], ['07:30', '14:00'])] },
  { weight: 1, hours: days(MON_FRI, ['09:30', '18:00']) },
  { weight: 1, hours: days([1, 2, 3, 4], ['08:30', '15:30']) },
  { weight: 1, hours: days([1, 3, 5], ['08:00', '16:30']) },
];

/** Kinds of absence: how many days it lasts and, for part of a day, local start and end. */
export const ABSENCE_KINDS: { reason: string; days: number; from?: string; to?: string }[] = [
  { reason: 'Semester', days: 5 },
  { reason: 'Utbildning', days: 1 },
  { reason: 'Tjänsteresa', days: 2 },
  { reason: 'Vård av barn', days: 1 },
  { reason: 'Läkarbesök', days: 1, from: '09:00', to: '11:30' },
];
