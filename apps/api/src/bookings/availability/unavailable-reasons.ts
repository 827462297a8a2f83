import type { AccessibilityNeed, UnavailableReason } from '@distans/contracts';
import type { OfficeInput, PeopleInput } from './availability.loader';

/**
 * Why no time can be had for a request whatever the dates: causes in the data (nobody handles the
 * case type, nobody interprets the language, no room has the need), not in the calendar. Both the
 * free-time search and a booking attempt ask here, so a visitor hears "no time will work" rather
 * than "choose another time" only when that is true.
 */
export function peopleUnavailable(people: PeopleInput, interpreter: boolean): UnavailableReason | null {
  if (people.caseTypeHandlerCount === 0) return 'NO_HANDLER_FOR_CASE_TYPE';
  // With an interpreter the handler speaks Swedish, so this means nobody speaks the visitor's language.
  if (people.handlers.length === 0) return interpreter ? 'NO_HANDLER_FOR_CASE_TYPE' : 'NO_HANDLER_FOR_LANGUAGE';
  if (interpreter && (people.interpreters ?? []).length === 0) return 'NO_INTERPRETER_FOR_LANGUAGE';
  return null;
}

export function officeUnavailable(office: OfficeInput, needs: readonly AccessibilityNeed[]): UnavailableReason | null {
  if (office.activeRoomCount === 0) return 'NO_ROOM_AT_OFFICE';
  if (office.rooms.length === 0 && needs.length > 0) return 'NEED_NOT_AVAILABLE';
  return null;
}

/** For a whole search: the people's reason, or one that holds at every office searched. */
export function searchUnavailable(
  people: PeopleInput,
  interpreter: boolean,
  officeReasons: (UnavailableReason | null)[],
): UnavailableReason | null {
  const fromPeople = peopleUnavailable(people, interpreter);
  if (fromPeople) return fromPeople;
  if (officeReasons.length === 0) return 'NO_OFFICE_FOUND';
  if (officeReasons.some((reason) => reason === null)) return null;
  return officeReasons.includes('NEED_NOT_AVAILABLE') ? 'NEED_NOT_AVAILABLE' : 'NO_ROOM_AT_OFFICE';
}
