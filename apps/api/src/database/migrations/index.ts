import { Foundation1763800000000 } from './1763800000000-foundation';
import { Bookings1763900000000 } from './1763900000000-bookings';
import { Sessions1764100000000 } from './1764100000000-sessions';
import { OfficeRegionIntegrity1763950000000 } from './1763950000000-office-region-integrity';
import { LiveUpdates1764200000000 } from './1764200000000-live-updates';
import { UsedSessionTickets1765000000000 } from './1765000000000-used-session-tickets';
import { ParticipationHeartbeat1765000100000 } from './1765000100000-participation-heartbeat';
import { OfficeConsole1765300000000 } from './1765300000000-office-console';
import { FollowUp1765400000000 } from './1765400000000-follow-up';
import { StaffPasswordCodes1765500000000 } from './1765500000000-staff-password-codes';
import { CitizenSite1766100000000 } from './1766100000000-citizen-site';
import { PurgeCoversCitizenSite1766200000000 } from './1766200000000-purge-covers-citizen-site';

/** Every migration in order. Listed explicitly so that the bundle never depends on a file glob. */
export const migrations = [
  Foundation1763800000000,
  Bookings1763900000000,
  OfficeRegionIntegrity1763950000000,
  Sessions1764100000000,
  LiveUpdates1764200000000,
  UsedSessionTickets1765000000000,
  ParticipationHeartbeat1765000100000,
  OfficeConsole1765300000000,
  FollowUp1765400000000,
  StaffPasswordCodes1765500000000,
  CitizenSite1766100000000,
  PurgeCoversCitizenSite1766200000000,
];
