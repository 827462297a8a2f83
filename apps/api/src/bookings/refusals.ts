import {
  interpreterRule,
  SIGN_LANGUAGE,
  type AccessibilityNeed,
  type ErrorCode,
  type Language,
  type UnavailableReason,
} from '@distans/contracts';
import { LocalDay, localDateOf, swedishPublicHoliday, type UnbookableReason } from '@distans/scheduling';
import { ConflictError, InvalidInputError } from '../common/domain-errors';
import { clockLabel, localClock, localDate } from '../common/local-time';
import type { ResourceKind } from './resource-holds';

/**
 * Every way a booking can be refused, with its stable code and its message, in one place (the
 * table in docs/booking.md lists them). Messages are English, for developers and logs, and say
 * what is true and what the caller can do; clients show their own text for the code.
 */

/** English name of a language for a message: 'Thai', 'Swedish Sign Language'. */
export function languageName(language: Language): string {
  if (language === SIGN_LANGUAGE) return 'Swedish Sign Language';
  return new Intl.DisplayNames(['en'], { type: 'language' }).of(language) ?? language;
}

const NEED_NAMES: Record<AccessibilityNeed, string> = {
  STEP_FREE_ACCESS: 'step-free access',
  HEARING_LOOP: 'a hearing loop',
};

function needsText(needs: readonly AccessibilityNeed[]): string {
  return needs.map((need) => NEED_NAMES[need]).join(' and ');
}

/** "1 day", "2 hours", "90 minutes". */
export function formatNotice(minutes: number): string {
  const unit = (count: number, one: string): string => `${count} ${one}${count === 1 ? '' : 's'}`;
  if (minutes > 0 && minutes % 1440 === 0) return unit(minutes / 1440, 'day');
  if (minutes > 0 && minutes % 60 === 0) return unit(minutes / 60, 'hour');
  return unit(minutes, 'minute');
}

/**
 * Whether the booking gets an interpreter: as asked for, except that a visitor in Swedish needs
 * none (an interpreter interprets between the visitor's language and Swedish) and one in Swedish
 * Sign Language always has one. Asking otherwise is a 400 that says why.
 */
export function resolveInterpreter(
  language: Language,
  asked: boolean | undefined,
  caseType: { interpreterAllowed: boolean } | null,
): boolean {
  const rule = interpreterRule(language);
  if (rule === 'never' && asked === true) {
    throw fieldRefusal(
      'INTERPRETER_NOT_NEEDED_FOR_SWEDISH',
      'An interpreter interprets between the visitor’s language and Swedish, so a visitor who speaks Swedish needs none. ' +
        'Book without an interpreter, or give the visitor’s own language (Swedish Sign Language is "sgn-se").',
      'interpreter',
    );
  }
  if (rule === 'always' && asked === false) {
    throw fieldRefusal(
      'INTERPRETER_REQUIRED_FOR_SIGN_LANGUAGE',
      'A meeting in Swedish Sign Language always has a sign-language interpreter: leave interpreter out or set it to true',
      'interpreter',
    );
  }
  const interpreter = rule === 'always' || (rule === 'optional' && asked === true);
  if (interpreter && caseType && !caseType.interpreterAllowed) {
    throw fieldRefusal(
      'INTERPRETER_NOT_OFFERED',
      rule === 'always'
        ? 'This case type cannot be booked with an interpreter, and Swedish Sign Language needs one. Please contact the agency.'
        : 'This case type cannot be booked with an interpreter',
      'interpreter',
      'is not offered for this case type',
    );
  }
  return interpreter;
}

export interface RequestFacts {
  language: Language;
  needs: readonly AccessibilityNeed[];
  officeName?: string;
}

/** No time will work for this request, whatever the date: a booking attempt says so. */
export function unavailable(reason: UnavailableReason, facts: RequestFacts): ConflictError {
  const at = facts.officeName ? ` at ${facts.officeName}` : '';
  const messages: Record<UnavailableReason, string> = {
    NO_HANDLER_FOR_CASE_TYPE: 'No case handler handles this case type at the moment, so no time will work.',
    NO_HANDLER_FOR_LANGUAGE: `No case handler for this case type speaks ${languageName(facts.language)}, so no time will work without an interpreter. Book with an interpreter instead.`,
    NO_INTERPRETER_FOR_LANGUAGE: `No interpreter for ${languageName(facts.language)} can be booked, so no time will work. Please contact the office.`,
    NO_ROOM_AT_OFFICE: `There is no visiting room to book${at}, so no time there will work. Please choose another office.`,
    NEED_NOT_AVAILABLE: `No visiting room${at} has ${needsText(facts.needs)}, so no time there will work. Please choose another office.`,
    NO_OFFICE_FOUND: 'No open office matches, so no time will work.',
  };
  return new ConflictError(messages[reason], { code: reason });
}

/**
 * The time asked for is not free, or was taken a moment ago by someone else: one text for each
 * cause, whether the rules saw it beforehand or the database's constraint caught a race.
 */
export function notFree(kind: ResourceKind, facts: RequestFacts): ConflictError {
  if (kind === 'room' && facts.needs.length > 0) {
    return new ConflictError(
      `No visiting room with ${needsText(facts.needs)} is free at that time. Please choose another time from the list of free times.`,
      { code: 'NEED_NOT_FREE' },
    );
  }
  if (kind === 'interpreter') {
    return new ConflictError(
      `No interpreter for ${languageName(facts.language)} is free at that time. Please choose another time from the list of free times.`,
      { code: 'INTERPRETER_NOT_FREE' },
    );
  }
  return new ConflictError('That time is not free. Please choose another time from the list of free times.', {
    code: 'SLOT_TAKEN',
  });
}

export interface StartFacts {
  start: number;
  zone: string;
  durationMin: number;
  minNoticeMin: number;
  maxDaysAhead: number;
  now: number;
}

/** Why the start asked for cannot be booked (a 400 on `start`); 'no-capacity' is `notFree`'s. */
export function startRefused(reason: Exclude<UnbookableReason, 'no-capacity'>, facts: StartFacts): InvalidInputError {
  const { start, zone } = facts;
  const when = `${clockLabel(start, zone)} on ${localDate(start, zone)}`;
  switch (reason) {
    case 'not-on-grid':
      return fieldRefusal(
        'NOT_ON_GRID',
        `Meetings start on the quarter hour (for example 10:00, 10:15, 10:30); ${localClock(start, zone)} is not one`,
        'start',
      );
    case 'repeated-time': {
      const date = localDateOf(start, zone);
      const wall = localClock(start, zone);
      const [hours, minutes] = wall.split(':').map(Number);
      const first = new LocalDay(date, zone).instantAt(hours * 60 + minutes);
      return fieldRefusal(
        'REPEATED_LOCAL_TIME',
        `On ${date} the clocks go back, so ${wall} happens twice. Meetings start at the first one, ` +
          `${clockLabel(first, zone)}, not at ${clockLabel(start, zone)}.`,
        'start',
      );
    }
    case 'passed':
      return fieldRefusal(
        'TIME_PASSED',
        `That time has passed (${when}). Please choose a time from the list of free times.`,
        'start',
      );
    case 'too-soon':
      return fieldRefusal(
        'TOO_SHORT_NOTICE',
        `This meeting must be booked at least ${formatNotice(facts.minNoticeMin)} ahead, so ${when} is too soon`,
        'start',
      );
    case 'too-far-ahead':
      return fieldRefusal(
        'TOO_FAR_AHEAD',
        `This meeting can be booked at most ${facts.maxDaysAhead} days ahead, so ${localDate(start, zone)} is too far ahead`,
        'start',
      );
    case 'closed-day': {
      const holiday = swedishPublicHoliday(localDateOf(start, zone));
      return fieldRefusal(
        'OFFICE_CLOSED',
        holiday ? `The office is closed on that day (${holiday.name})` : 'The office is closed on that day',
        'start',
      );
    }
    case 'outside-opening-hours': {
      const end = start + facts.durationMin * 60_000;
      return fieldRefusal(
        'OUTSIDE_OPENING_HOURS',
        `The meeting must start and end within the office’s opening hours; ${clockLabel(start, zone)}–${clockLabel(end, zone)} does not`,
        'start',
      );
    }
  }
}

/** A refusal on one field: the message is repeated on `details[field]`, where a form shows it. */
function fieldRefusal(code: ErrorCode, message: string, field: string, fieldMessage = message): InvalidInputError {
  return new InvalidInputError(message, { code, details: { [field]: [fieldMessage] } });
}
