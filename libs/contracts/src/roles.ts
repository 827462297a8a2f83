/** People who log in with a password. */
export const STAFF_ROLES = ['ADMIN', 'OFFICE_STAFF', 'HANDLER', 'INTERPRETER'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Every kind of authenticated caller, including the kiosk in a visiting room. */
export const ROLES = [...STAFF_ROLES, 'ROOM_DEVICE'] as const;
export type Role = (typeof ROLES)[number];
