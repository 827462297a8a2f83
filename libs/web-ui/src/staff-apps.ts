import type { StaffRole } from '@distans/contracts';

/** Which web app each staff role works in, by its address on the API's origin. */
export type StaffApp = 'handler' | 'office';

export const STAFF_APP_OF_ROLE: Record<StaffRole, StaffApp> = {
  HANDLER: 'handler',
  INTERPRETER: 'handler',
  OFFICE_STAFF: 'office',
  ADMIN: 'office',
};

export const STAFF_APP_PATH: Record<StaffApp, string> = { handler: '/handler/', office: '/office/' };
