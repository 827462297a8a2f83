import { Logger } from '@nestjs/common';
import type { SecurityEventKind } from '@distans/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { RecordedActor } from './request-context';

const logger = new Logger('SecurityEvents');

/**
 * Records a security or personal-data event as it happens, for the statistics: what, when, who
 * did it (the actor's id and role, nobody else) and, where it is known, at which office.
 */
export async function recordSecurityEvent(
  db: DataSource | EntityManager,
  kind: SecurityEventKind,
  actor: RecordedActor,
  officeId: string | null = null,
): Promise<void> {
  await db.query(`INSERT INTO security_event (kind, actor_id, actor_role, office_id) VALUES ($1, $2, $3, $4)`, [
    kind,
    actor.id,
    actor.role,
    officeId,
  ]);
}

/**
 * The same from a path that is refusing a request anyway (a forged token): the refusal must not
 * wait for, or fail with, the record.
 */
export function noteSecurityEvent(
  db: DataSource,
  kind: SecurityEventKind,
  actor: RecordedActor,
  officeId: string | null = null,
): void {
  recordSecurityEvent(db, kind, actor, officeId).catch((error: unknown) =>
    logger.warn({ err: error, kind }, 'Could not record a security event'),
  );
}
