import type { ErrorBody } from '@distans/contracts';

/** An API answer that was not 2xx, with the server's message (already human-readable). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.message ?? `Request failed (${status})`);
  }
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  delete<T = void>(path: string): Promise<T>;
}

/** Same-origin JSON client; `getToken` supplies the bearer credential per request. */
export function createApiClient(base: string, getToken: () => string | null, onUnauthorized?: () => void): ApiClient {
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const token = getToken();
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    const data: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      if (response.status === 401) onUnauthorized?.();
      throw new ApiError(response.status, (data as ErrorBody | undefined) ?? null);
    }
    return data as T;
  };
  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    delete: (path) => request('DELETE', path),
  };
}
