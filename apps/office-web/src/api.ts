import type { UserView } from '@distans/contracts';

export type {
  AvailabilityView,
  CreatedBooking,
  DayScheduleView,
  DeviceView,
  PairingCodeView,
  RoomBlockView,
  StaffBookingView,
  StaffCallView,
  ConflictingBooking,
  UserView as Profile,
} from '@distans/contracts';

/** The part of GET /offices that the console reads. */
export interface OfficeSummary {
  id: string;
  name: string;
  municipality: string;
  timeZone: string;
  address: { streetAddress: string; postalCode: string; city: string };
  active: boolean;
}

/** The part of GET /case-types that the desk booking form reads. */
export interface CaseTypeOption {
  id: string;
  agency: { id: string; code: string; nameSv: string; nameEn: string };
  nameSv: string;
  nameEn: string;
  durationMin: number;
  interpreterAllowed: boolean;
  idCheckRequired: boolean;
  active: boolean;
}

export interface PageOf<T> {
  items: T[];
  total: number;
}

/** Offices the person runs: their own for office staff, every office for an administrator. */
export function officesOf(profile: UserView, all: OfficeSummary[]): OfficeSummary[] {
  const mine = profile.role === 'ADMIN' ? all : all.filter((office) => profile.officeIds.includes(office.id));
  return [...mine].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** The part of GET /rooms that the console reads. */
export interface RoomOption {
  id: string;
  name: string;
  active: boolean;
}
