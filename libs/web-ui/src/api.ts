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

/** Headers for one request, e.g. the citizen's `x-manage-token`, besides the bearer credential. */
export interface RequestOptions {
  headers?: Record<string, string>;
}

export interface ApiClient {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  delete<T = void>(path: string): Promise<T>;
  /** A file the API answers (a CSV export), with the name its Content-Disposition gives. */
  download(path: string, options?: RequestOptions): Promise<{ blob: Blob; filename: string | null }>;
}

/** Same-origin JSON client; `getToken` supplies the bearer credential per request. */
export function createApiClient(base: string, getToken: () => string | null, onUnauthorized?: () => void): ApiClient {
  const send = async (method: string, path: string, body?: unknown, options?: RequestOptions): Promise<Response> => {
    const token = getToken();
    return fetch(`${base}${path}`, {
      method,
      headers: {
        ...options?.headers,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  };
  const refuse = async (response: Response): Promise<never> => {
    const text = await response.text();
    if (response.status === 401) onUnauthorized?.();
    throw new ApiError(response.status, text ? (JSON.parse(text) as ErrorBody) : null);
  };
  const request = async <T>(method: string, path: string, body?: unknown, options?: RequestOptions): Promise<T> => {
    const response = await send(method, path, body, options);
    if (!response.ok) return refuse(response);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: (path, options) => request('GET', path, undefined, options),
    post: (path, body, options) => request('POST', path, body, options),
    put: (path, body) => request('PUT', path, body),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path) => request('DELETE', path),
    download: async (path, options) => {
      const response = await send('GET', path, undefined, options);
      if (!response.ok) return refuse(response);
      const disposition = response.headers.get('content-disposition') ?? '';
      return { blob: await response.blob(), filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
    },
  };
}
