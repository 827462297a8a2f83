import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '@distans/contracts';

export interface Actor {
  /** User id, or room device id for ROOM_DEVICE. */
  id: string;
  role: Role;
  /** HANDLER only: the agency whose data the caller may see. */
  agencyId: string | null;
  /** OFFICE_STAFF only: the offices whose logistics the caller may manage. */
  officeIds: string[];
  /** ROOM_DEVICE only: the one room the kiosk is bound to. */
  roomId: string | null;
  sessionId: string | null;
}

/** Who calls a public route, for the records: a citizen managing a booking, or nobody known yet. */
export type PublicCaller = 'CITIZEN' | 'ANONYMOUS';

/** Who a change or a read is recorded as, in the audit log and a booking's history. */
export interface RecordedActor {
  id: string | null;
  /** A caller's role, a public caller, or SYSTEM for work no request asked for (jobs, the CLI). */
  role: Role | PublicCaller | 'SYSTEM';
}

export interface RequestContext {
  correlationId: string;
  clientIp: string | null;
  actor: Actor | null;
  /** Set on public routes: who the caller is when nobody is logged in. */
  publicCaller?: PublicCaller;
  /** SQL statements sent while serving this request. */
  sqlStatements: number;
}

/**
 * Per-request context without threading it through every call: the audit log needs the client
 * address and correlation id wherever personal data is read.
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return requestContext.getStore();
}

/**
 * The one answer to "who did this": the logged-in caller; on a public route, the caller the route
 * names (a citizen, or anonymous); outside any request, the system itself.
 */
export function currentActor(): RecordedActor {
  const ctx = currentContext();
  if (!ctx) return { id: null, role: 'SYSTEM' };
  if (ctx.actor) return { id: ctx.actor.id, role: ctx.actor.role };
  return { id: null, role: ctx.publicCaller ?? 'ANONYMOUS' };
}
