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
  put<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  delete<T = void>(path: string): Promise<T>;
  /** A file the API answers (a CSV export), with the name its Content-Disposition gives. */
  download(path: string): Promise<{ blob: Blob; filename: string | null }>;
}

/** Same-origin JSON client; `getToken` supplies the bearer credential per request. */
export function createApiClient(base: string, getToken: () => string | null, onUnauthorized?: () => void): ApiClient {
  const send = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const token = getToken();
    return fetch(`${base}${path}`, {
      method,
      headers: {
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
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await send(method, path, body);
    if (!response.ok) return refuse(response);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path) => request('DELETE', path),
    download: async (path) => {
      const response = await send('GET', path);
      if (!response.ok) return refuse(response);
      const disposition = response.headers.get('content-disposition') ?? '';
      return { blob: await response.blob(), filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
    },
  };
}
