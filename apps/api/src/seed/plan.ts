import { ROOM_EQUIPMENT, Language, OfficeType, RoomEquipment, StaffRole, WeeklyIntervalDto } from '@distans/contracts';
import { DateTime } from 'luxon';
import { AGENCIES, AgencyCode, CASE_TYPES, CaseTypeSeed } from './data/agencies';
import { AROUND_THE_CLOCK, DEMO_CASE_TYPE, DEMO_HANDLER, DEMO_OFFICE, DEMO_STAFF } from './data/demo-office';
import { COURT_PREMISES, COURT_ROOM_NAME, OFFICES, STREETS } from './data/offices';
import { ADMIN, DEMO_EMAIL_DOMAIN, HANDLERS, INTERPRETERS, OFFICE_STAFF, PersonSeed } from './data/people';
import { COUNTIES, REGIONS } from './data/regions';
import { ABSENCE_KINDS, OPENING_HOURS, WORKING_HOURS, flexHours } from './data/schedules';
import { SeededRandom } from './prng';

export const DEMO_TIME_ZONE = 'Europe/Stockholm';

export interface OfficeRow {
  name: string;
  municipality: string;
  county: string;
  street_address: string;
  postal_code: string;
  city: string;
  office_type: OfficeType;
  weekly_hours: WeeklyIntervalDto[];
  closed_on_public_holidays: boolean;
}

export interface RoomRow {
  office: string;
  name: string;
  capacity: number;
  step_free: boolean;
  equipment: RoomEquipment[];
}

export interface UserRow {
  email: string;
  display_name: string;
  role: StaffRole;
  agency: AgencyCode | null;
  languages: Language[];
  weekly_hours: WeeklyIntervalDto[];
}

export interface AbsenceRow {
  email: string;
  starts_at: string;
  ends_at: string;
  reason: string;
}

/** Everything the seeder writes, as plain rows keyed by natural keys (codes, names, e-mails). */
export interface DemoPlan {
  regions: { code: string; name: string }[];
  counties: { code: string; name: string; region: string }[];
  offices: OfficeRow[];
  rooms: RoomRow[];
  agencies: { code: string; name_sv: string; name_en: string }[];
  caseTypes: CaseTypeSeed[];
  users: UserRow[];
  handlerCaseTypes: { email: string; case_type: string }[];
  staffOffices: { email: string; office: string }[];
  absences: AbsenceRow[];
  /** The accounts printed with the credentials: admin, one handler per agency, staff, interpreter. */
  featured: string[];
  /** The office open around the clock and who to log in as there, printed for a first meeting. */
  demo: { office: string; room: string; caseTypeCode: string; handler: string; staff: string };
}

/** 'Emina Hodžić' -> 'emina.hodzic'. */
export function emailLocalPart(name: string): string {
  const local = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, '.');
  if (!/^[a-z]+(?:[.-][a-z]+)*$/.test(local)) throw new Error(`Cannot make an e-mail address from "${name}"`);
  return local;
}

const agencyDomain = new Map<string, string>(AGENCIES.map((a) => [a.code, a.emailDomain]));

export function handlerEmail(name: string, agency: AgencyCode): string {
  return `${emailLocalPart(name)}@${agencyDomain.get(agency)}.${DEMO_EMAIL_DOMAIN}`;
}
export const interpreterEmail = (name: string): string => `${emailLocalPart(name)}@tolk.${DEMO_EMAIL_DOMAIN}`;
export const staffEmail = (name: string): string => `${emailLocalPart(name)}@servicekontor.${DEMO_EMAIL_DOMAIN}`;

/** By weekday, then time, as a person reads a timetable. */
function sorted(hours: WeeklyIntervalDto[]): WeeklyIntervalDto[] {
  return [...hours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
}

function officeHours(type: OfficeType, rng: SeededRandom): WeeklyIntervalDto[] {
  switch (type) {
    case 'flex':
      return flexHours(rng.int(1, 5) as WeeklyIntervalDto['weekday']);
    case 'large':
    case 'medium':
    case 'small':
      return sorted(rng.pick(OPENING_HOURS[type]));
  }
}

function roomCount(type: OfficeType, rng: SeededRandom): number {
  switch (type) {
    case 'large':
      return 3;
    case 'medium':
      return rng.chance(0.7) ? 3 : 2;
    case 'small':
      return rng.chance(0.6) ? 2 : 1;
    case 'flex':
      return 1;
  }
}

const BASE_EQUIPMENT: RoomEquipment[] = ['video-screen', 'camera', 'speakerphone'];
const OPTIONAL_EQUIPMENT: [RoomEquipment, number][] = [
  ['document-camera', 0.6],
  ['scanner', 0.4],
  ['printer', 0.25],
  ['hearing-loop', 0.5],
  ['height-adjustable-desk', 0.4],
];

/** In the order of ROOM_EQUIPMENT, so the same set always reads the same. */
function ordered(items: Iterable<RoomEquipment>): RoomEquipment[] {
  const set = new Set(items);
  return ROOM_EQUIPMENT.filter((e) => set.has(e));
}

function roomsOf(office: string, type: OfficeType, rng: SeededRandom): RoomRow[] {
  const rooms: RoomRow[] = [];
  const count = roomCount(type, rng);
  for (let n = 1; n <= count; n += 1) {
    const equipment = new Set(BASE_EQUIPMENT);
    for (const [item, probability] of OPTIONAL_EQUIPMENT) if (rng.chance(probability)) equipment.add(item);
    // Every large office has at least one room with a hearing loop, and it is the first one.
    if (type === 'large' && n === 1) equipment.add('hearing-loop');
    rooms.push({
      office,
      name: `Besöksrum ${n}`,
      capacity: rng.int(2, 4),
      // Older premises in small towns are where the occasional step is; the first room at a
      // large or medium office is always step-free.
      step_free: (n === 1 && (type === 'large' || type === 'medium')) || rng.chance(0.88),
      equipment: ordered(equipment),
    });
  }
  if (COURT_PREMISES.has(office)) {
    rooms.push({
      office,
      name: COURT_ROOM_NAME,
      capacity: 4,
      step_free: true,
      equipment: ordered([...BASE_EQUIPMENT, 'document-camera', 'hearing-loop']),
    });
  }
  return rooms;
}

function personRow(email: string, person: PersonSeed, role: StaffRole, agency: AgencyCode | null): UserRow {
  const bookable = role === 'HANDLER' || role === 'INTERPRETER';
  return {
    email,
    display_name: person.name,
    role,
    agency,
    languages: ['sv', ...person.languages.filter((l) => l !== 'sv')],
    weekly_hours: bookable ? sorted(new SeededRandom(`hours:${email}`).weighted(WORKING_HOURS).hours) : [],
  };
}

/**
 * Absences in the coming weeks for about one bookable person in five. Dates are relative to the
 * day of seeding (the first Monday after `now`, Stockholm time), so a fresh demo always has some
 * ahead; which people and which kinds stay the same on every install.
 */
function absencesOf(email: string, now: Date): AbsenceRow[] {
  const rng = new SeededRandom(`absence:${email}`);
  if (!rng.chance(0.2)) return [];
  const today = DateTime.fromJSDate(now, { zone: DEMO_TIME_ZONE }).startOf('day');
  const nextMonday = today.plus({ days: 8 - today.weekday });
  const count = rng.chance(0.3) ? 2 : 1;
  const rows: AbsenceRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = rng.pick(ABSENCE_KINDS);
    // Two absences of one person go in different weeks so they never overlap.
    const week = i === 0 ? rng.int(0, 1) : rng.int(2, 4);
    const firstDay = nextMonday.plus({ weeks: week, days: kind.days >= 5 ? 0 : rng.int(0, 5 - kind.days) });
    const at = (day: DateTime, time: string): DateTime => {
      const [hour, minute] = time.split(':').map(Number);
      return day.set({ hour, minute });
    };
    const starts = kind.from ? at(firstDay, kind.from) : firstDay;
    const ends = kind.to ? at(firstDay, kind.to) : firstDay.plus({ days: kind.days });
    rows.push({ email, starts_at: starts.toISO()!, ends_at: ends.toISO()!, reason: kind.reason });
  }
  return rows;
}

/** Case types per handler: two or three of the agency's, rotating so every type is covered. */
function caseTypesFor(agency: AgencyCode, indexInAgency: number, rng: SeededRandom): string[] {
  const codes = CASE_TYPES.filter((c) => c.agency === agency).map((c) => c.code);
  const count = Math.min(codes.length, rng.chance(0.4) ? 3 : 2);
  return Array.from({ length: count }, (_, j) => codes[(indexInAgency + j) % codes.length]);
}

export function buildDemoPlan(now: Date): DemoPlan {
  const offices: OfficeRow[] = [];
  const rooms: RoomRow[] = [];
  for (const office of OFFICES) {
    const rng = new SeededRandom(`office:${office.name}`);
    offices.push({
      name: office.name,
      municipality: office.municipality,
      county: office.county,
      street_address: `${rng.pick(STREETS)} ${rng.int(1, 40)}`,
      postal_code: office.postalCode,
      city: office.city,
      office_type: office.type,
      weekly_hours: officeHours(office.type, rng),
      closed_on_public_holidays: true,
    });
    rooms.push(...roomsOf(office.name, office.type, rng));
  }
  offices.push({
    name: DEMO_OFFICE.name,
    municipality: DEMO_OFFICE.municipality,
    county: DEMO_OFFICE.county,
    street_address: DEMO_OFFICE.streetAddress,
    postal_code: DEMO_OFFICE.postalCode,
    city: DEMO_OFFICE.city,
    office_type: 'small',
    weekly_hours: AROUND_THE_CLOCK,
    closed_on_public_holidays: false,
  });
  rooms.push({
    office: DEMO_OFFICE.name,
    name: DEMO_OFFICE.roomName,
    capacity: 2,
    step_free: true,
    equipment: ordered([...BASE_EQUIPMENT, 'document-camera', 'hearing-loop']),
  });

  const users: UserRow[] = [
    {
      email: ADMIN.email,
      display_name: ADMIN.name,
      role: 'ADMIN',
      agency: null,
      languages: ['sv', 'en'],
      weekly_hours: [],
    },
  ];
  const handlerCaseTypes: DemoPlan['handlerCaseTypes'] = [];
  const featured: string[] = [ADMIN.email];
  const seenAgencies = new Map<AgencyCode, number>();
  for (const handler of HANDLERS) {
    const email = handlerEmail(handler.name, handler.agency);
    const index = seenAgencies.get(handler.agency) ?? 0;
    seenAgencies.set(handler.agency, index + 1);
    if (index === 0) featured.push(email);
    users.push(personRow(email, handler, 'HANDLER', handler.agency));
    for (const code of caseTypesFor(handler.agency, index, new SeededRandom(`case-types:${email}`))) {
      handlerCaseTypes.push({ email, case_type: code });
    }
  }
  const staffOffices: DemoPlan['staffOffices'] = [];
  for (const staff of OFFICE_STAFF) {
    const email = staffEmail(staff.name);
    users.push(personRow(email, staff, 'OFFICE_STAFF', null));
    for (const office of staff.offices) staffOffices.push({ email, office });
  }
  featured.push(staffEmail(OFFICE_STAFF[0].name));
  for (const interpreter of INTERPRETERS) {
    users.push(personRow(interpreterEmail(interpreter.name), interpreter, 'INTERPRETER', null));
  }
  featured.push(interpreterEmail(INTERPRETERS[0].name));

  // The around-the-clock office's people: no absences, so that it works on every day.
  users.push(
    {
      email: DEMO_HANDLER.email,
      display_name: DEMO_HANDLER.name,
      role: 'HANDLER',
      agency: DEMO_HANDLER.agency,
      languages: ['sv', 'en'],
      weekly_hours: AROUND_THE_CLOCK,
    },
    {
      email: DEMO_STAFF.email,
      display_name: DEMO_STAFF.name,
      role: 'OFFICE_STAFF',
      agency: null,
      languages: ['sv', 'en'],
      weekly_hours: [],
    },
  );
  handlerCaseTypes.push({ email: DEMO_HANDLER.email, case_type: DEMO_CASE_TYPE.code });
  staffOffices.push({ email: DEMO_STAFF.email, office: DEMO_OFFICE.name });
  const demoPeople = new Set<string>([DEMO_HANDLER.email, DEMO_STAFF.email]);

  return {
    regions: REGIONS.map((r) => ({ code: r.code, name: r.name })),
    counties: COUNTIES.map((c) => ({ code: c.code, name: c.name, region: c.region })),
    offices,
    rooms,
    agencies: AGENCIES.map((a) => ({ code: a.code, name_sv: a.nameSv, name_en: a.nameEn })),
    caseTypes: [...CASE_TYPES, DEMO_CASE_TYPE],
    users,
    handlerCaseTypes,
    staffOffices,
    absences: users
      .filter((u) => (u.role === 'HANDLER' || u.role === 'INTERPRETER') && !demoPeople.has(u.email))
      .flatMap((u) => absencesOf(u.email, now)),
    featured,
    demo: {
      office: DEMO_OFFICE.name,
      room: DEMO_OFFICE.roomName,
      caseTypeCode: DEMO_CASE_TYPE.code,
      handler: DEMO_HANDLER.email,
      staff: DEMO_STAFF.email,
    },
  };
}
