export * from './roles';
export * from './organisation';
export * from './http';
export * from './bookings';
export * from './session';
export * from './views';
export * from './locales';
export * from './statistics';
