import type { OfficeType, RoomEquipment, WeeklyIntervalDto } from '@distans/contracts';

export type {
  AuditView,
  BookingDecision,
  BookingImpactView,
  CreatedUserView,
  PasswordCodeView,
  PasswordSetView,
  UserView,
} from '@distans/contracts';

/** What the settings read of the catalogue endpoints (GET /offices, /rooms, /agencies, /case-types). */
export interface Ref {
  id: string;
  name: string;
}

export interface OfficeView {
  id: string;
  name: string;
  municipality: string;
  county: Ref;
  region: Ref;
  address: { streetAddress: string; postalCode: string; city: string; phone: string };
  officeType: OfficeType;
  timeZone: string;
  weeklyHours: WeeklyIntervalDto[];
  closedOnPublicHolidays: boolean;
  active: boolean;
}

export interface CountyView extends Ref {
  region: Ref;
}

export interface RoomView {
  id: string;
  office: Ref;
  name: string;
  capacity: number;
  stepFree: boolean;
  equipment: RoomEquipment[];
  active: boolean;
}

export interface AgencyView {
  id: string;
  code: string;
  nameSv: string;
  nameEn: string;
}

export interface CaseTypeView {
  id: string;
  agency: AgencyView;
  code: string;
  nameSv: string;
  nameEn: string;
  durationMin: number;
  bufferAfterMin: number;
  interpreterAllowed: boolean;
  idCheckRequired: boolean;
  minNoticeMin: number;
  maxDaysAhead: number;
  active: boolean;
}

export interface OpeningDayView {
  date: string;
  weekday: number;
  source: 'weekly' | 'exception' | 'holiday';
  reason: string | null;
  holiday: string | null;
  closed: boolean;
  intervals: { opens: string; closes: string }[];
}

export interface OfficeExceptionView {
  date: string;
  closed: boolean;
  intervals: { opens: string; closes: string }[];
  reason: string;
}
