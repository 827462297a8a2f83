import { LIVE_NAMESPACE, type LiveServerEvents } from '@distans/contracts';
import { io, type Socket } from 'socket.io-client';

export type LiveConnection = 'connecting' | 'connected' | 'reconnecting';

export interface LiveClientOptions {
  /** The bearer credential (a staff access token or a room device token), read at every connect. */
  token: () => string;
  /** What the server pushes that this client listens to. */
  on: Partial<LiveServerEvents>;
  /** Connected, or trying again; on every (re)connect anything shown may have missed events. */
  onConnection?: (state: LiveConnection) => void;
  /**
   * The server closed the socket (it refused the credential), which socket.io does not retry by
   * itself: how long to wait before connecting again, given how many times in a row it happened.
   */
  retryAfterMs: (kicks: number) => number;
  /** Run before that retry, e.g. to refresh an expired token; a rejection gives up. */
  beforeRetry?: () => Promise<unknown>;
}

/** A connection that lasts this long is healthy: the count of server-side disconnects starts again. */
const STABLE_AFTER_MS = 5_000;

/**
 * The one client of the `/live` namespace, for every web app: socket.io reconnects on its own
 * after network trouble; when the server itself closes the socket, it retries after
 * `retryAfterMs`. Returns the function that closes it for good.
 */
export function connectLive(options: LiveClientOptions): () => void {
  const socket: Socket<LiveServerEvents> = io(LIVE_NAMESPACE, {
    auth: (send) => send({ token: options.token() }),
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
  });
  let kicks = 0;
  let closed = false;
  let stableTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  socket.on('connect', () => {
    options.onConnection?.('connected');
    stableTimer = setTimeout(() => (kicks = 0), STABLE_AFTER_MS);
  });
  socket.on('disconnect', (reason) => {
    clearTimeout(stableTimer);
    options.onConnection?.('reconnecting');
    if (reason !== 'io server disconnect') return;
    kicks += 1;
    const delay = options.retryAfterMs(kicks);
    void (options.beforeRetry?.() ?? Promise.resolve()).then(
      () => {
        if (!closed) retryTimer = setTimeout(() => socket.connect(), delay);
      },
      () => undefined,
    );
  });
  socket.on('connect_error', () => options.onConnection?.('reconnecting'));
  for (const [event, listener] of Object.entries(options.on)) {
    socket.on(event as keyof LiveServerEvents, listener);
  }

  return () => {
    closed = true;
    clearTimeout(stableTimer);
    clearTimeout(retryTimer);
    socket.removeAllListeners();
    socket.disconnect();
  };
}
