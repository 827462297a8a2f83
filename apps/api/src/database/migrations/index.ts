import { Foundation1763800000000 } from './1763800000000-foundation';

/** Every migration in order. Listed explicitly so that the bundle never depends on a file glob. */
export const migrations = [Foundation1763800000000];
