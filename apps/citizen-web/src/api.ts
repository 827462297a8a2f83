import type { AvailabilityView, CitizenBookingView, CreatedBooking, Page, WeeklyIntervalDto } from '@distans/contracts';
import { createApiClient } from '@distans/web-ui/api';

export type { AvailabilityView, CitizenBookingView, CreatedBooking };

/** The citizen site has no login: every call is anonymous, a booking is reached by reference and code. */
export const api = createApiClient('', () => null);

/** The part of GET /agencies the site reads. */
export interface Agency {
  id: string;
  code: string;
  nameSv: string;
  nameEn: string;
}

/** The part of GET /case-types the site reads. */
export interface CaseType {
  id: string;
  agency: Agency;
  nameSv: string;
  nameEn: string;
  durationMin: number;
  interpreterAllowed: boolean;
  idCheckRequired: boolean;
  active: boolean;
}

/** The part of GET /offices the site reads (what anyone may know about an office). */
export interface Office {
  id: string;
  name: string;
  municipality: string;
  timeZone: string;
  address: { streetAddress: string; postalCode: string; city: string; phone: string };
  weeklyHours: WeeklyIntervalDto[];
  active: boolean;
  /** From the office's rooms in use: at least one is step-free / has a hearing loop. */
  access: { stepFree: boolean; hearingLoop: boolean };
}

export const listAgencies = () => api.get<Page<Agency>>('/agencies?pageSize=200').then((page) => page.items);

export const listCaseTypes = (agencyId: string) =>
  api
    .get<Page<CaseType>>(`/case-types?pageSize=200&active=true&agencyId=${encodeURIComponent(agencyId)}`)
    .then((page) => page.items);

export const listOffices = () => api.get<Page<Office>>('/offices?pageSize=200&active=true').then((page) => page.items);

/** The visitor's manage code goes in a header, never in a URL the server logs. */
const withCode = (code: string) => ({ headers: { 'x-manage-token': code } });

export const getBooking = (reference: string, code: string) =>
  api.get<CitizenBookingView>(`/bookings/ref/${encodeURIComponent(reference)}`, withCode(code));

export const cancelBooking = (reference: string, code: string) =>
  api.post<CitizenBookingView>(`/bookings/ref/${encodeURIComponent(reference)}/cancel`, undefined, withCode(code));

export const rescheduleBooking = (reference: string, code: string, start: string) =>
  api.post<CitizenBookingView>(`/bookings/ref/${encodeURIComponent(reference)}/reschedule`, { start }, withCode(code));

export const downloadCalendar = (reference: string, code: string) =>
  api.download(`/bookings/ref/${encodeURIComponent(reference)}/calendar.ics`, withCode(code));
