import type { TokenPair } from '@distans/contracts';
import { ApiError, createApiClient, type ApiClient } from './api';

/**
 * One key for every staff app: a person sent from the handler app to the office console (or back)
 * in the same tab stays logged in, and logging out of one logs out of both.
 */
const STORAGE_KEY = 'distans.staff.auth';
/** Refresh this long before the access token expires, so that no request carries a stale one. */
const REFRESH_MARGIN_MS = 60_000;
/** When a refresh fails for a network reason, try again after this long (the session may still be fine). */
const RETRY_AFTER_MS = 15_000;

interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Why the user is looking at the login screen again, when it was not their own choice. */
export type SignedOutReason = 'expired' | null;

export interface AuthSnapshot {
  signedIn: boolean;
  signedOutReason: SignedOutReason;
}

/**
 * Tokens for this browser tab (sessionStorage: gone when the tab closes), refreshed shortly before
 * the access token expires and once more when a request answers 401. Requests go through `api`,
 * which does both, so screens never deal with tokens.
 */
export class AuthManager {
  readonly api: ApiClient;
  private tokens: StoredTokens | null;
  private refreshing: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private snapshot: AuthSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly raw: ApiClient;
  private readonly anonymous = createApiClient('', () => null);

  constructor(private readonly storage: Storage = sessionStorage) {
    this.tokens = read(storage);
    this.snapshot = { signedIn: this.tokens !== null, signedOutReason: null };
    this.raw = createApiClient('', () => this.tokens?.accessToken ?? null);
    this.api = {
      get: (path) => this.withAuth(() => this.raw.get(path)),
      post: (path, body) => this.withAuth(() => this.raw.post(path, body)),
      delete: (path) => this.withAuth(() => this.raw.delete(path)),
    };
    this.schedule();
    // Timers are throttled in background tabs; catch up as soon as the tab is visible again.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void this.refreshIfDue();
    });
  }

  /** The current access token, for the socket handshake and the call session. */
  get accessToken(): string | null {
    return this.tokens?.accessToken ?? null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AuthSnapshot => this.snapshot;

  async login(email: string, password: string): Promise<void> {
    const pair = await this.anonymous.post<TokenPair>('/auth/login', { email, password });
    this.store(pair);
    this.publish({ signedIn: true, signedOutReason: null });
  }

  /** Ends the server session too; the local tokens are cleared whatever the server says. */
  async logout(): Promise<void> {
    if (this.tokens) {
      try {
        await this.raw.post('/auth/logout');
      } catch {
        // The session may already be gone; signing out locally is what matters here.
      }
    }
    this.clear(null);
  }

  /** Single flight: concurrent callers share one refresh, since each refresh rotates the token. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const refreshToken = this.tokens?.refreshToken;
    if (!refreshToken) return false;
    try {
      this.store(await this.anonymous.post<TokenPair>('/auth/refresh', { refreshToken }));
      return true;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
        this.clear('expired');
      } else {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), RETRY_AFTER_MS);
      }
      return false;
    }
  }

  private async withAuth<T>(request: () => Promise<T>): Promise<T> {
    await this.refreshIfDue();
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || !this.tokens) throw error;
      if (!(await this.refresh())) throw error;
      try {
        return await request();
      } catch (retryError) {
        if (retryError instanceof ApiError && retryError.status === 401) this.clear('expired');
        throw retryError;
      }
    }
  }

  private async refreshIfDue(): Promise<void> {
    if (this.tokens && this.tokens.expiresAt - Date.now() < REFRESH_MARGIN_MS / 4) await this.refresh();
  }

  private store(pair: TokenPair): void {
    this.tokens = {
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      expiresAt: Date.now() + pair.accessTokenExpiresIn * 1000,
    };
    this.storage.setItem(STORAGE_KEY, JSON.stringify(this.tokens));
    this.schedule();
  }

  private clear(reason: SignedOutReason): void {
    clearTimeout(this.timer);
    this.tokens = null;
    this.storage.removeItem(STORAGE_KEY);
    this.publish({ signedIn: false, signedOutReason: reason });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.tokens) return;
    const lifetime = this.tokens.expiresAt - Date.now();
    const margin = Math.min(REFRESH_MARGIN_MS, lifetime / 5);
    this.timer = setTimeout(() => void this.refresh(), Math.max(0, lifetime - margin));
  }

  private publish(next: AuthSnapshot): void {
    if (next.signedIn === this.snapshot.signedIn && next.signedOutReason === this.snapshot.signedOutReason) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

function read(storage: Storage): StoredTokens | null {
  try {
    const parsed = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Partial<StoredTokens> | null;
    if (
      parsed &&
      typeof parsed.accessToken === 'string' &&
      typeof parsed.refreshToken === 'string' &&
      typeof parsed.expiresAt === 'number'
    ) {
      return parsed as StoredTokens;
    }
  } catch {
    // A damaged entry is treated as no session.
  }
  return null;
}
