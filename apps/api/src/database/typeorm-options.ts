import type { DataSourceOptions } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuthSession } from '../auth/entities/auth-session.entity';
import { RoomDevice } from '../devices/entities/room-device.entity';
import { Agency } from '../org/entities/agency.entity';
import { CaseType } from '../org/entities/case-type.entity';
import { County } from '../org/entities/county.entity';
import { OfficeException } from '../org/entities/office-exception.entity';
import { Office } from '../org/entities/office.entity';
import { Region } from '../org/entities/region.entity';
import { Room } from '../org/entities/room.entity';
import { UserAbsence } from '../users/entities/user-absence.entity';
import { User } from '../users/entities/user.entity';
import { migrations } from './migrations';
import { QueryCountingLogger } from './query-counter';

export const entities = [
  Region,
  County,
  Office,
  OfficeException,
  Room,
  Agency,
  CaseType,
  User,
  UserAbsence,
  AuthSession,
  RoomDevice,
  AuditEntry,
];

/** The schema comes only from migrations: `synchronize` stays off everywhere, tests included. */
export function typeormOptions(url: string, poolSize: number, migrateOnStart: boolean): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: migrateOnStart,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new QueryCountingLogger(),
    extra: { max: poolSize, options: '-c TimeZone=UTC' },
  };
}
