import type { CallSession } from '@distans/call-client';

type CallClientModule = typeof import('@distans/call-client');

let engine: Promise<CallClientModule> | null = null;

/**
 * The call engine (mediasoup-client and its signalling) as a separate chunk: the door display runs
 * all day without it. Kiosk start-up warms it so that a later deploy (new chunk names) cannot leave
 * a long-running screen unable to load it; a failed load is forgotten so that the next join retries.
 */
export function loadCallEngine(): Promise<CallClientModule> {
  engine ??= import('@distans/call-client').catch((error: unknown) => {
    engine = null;
    throw error;
  });
  return engine;
}

export async function createSession(): Promise<CallSession> {
  const module = await loadCallEngine();
  return module.createCallSession();
}
