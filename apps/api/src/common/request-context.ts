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

export interface RequestContext {
  correlationId: string;
  clientIp: string | null;
  actor: Actor | null;
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
