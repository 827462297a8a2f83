/** The benchmark's HTTP client: plain node:http on loopback, keep-alive, no connection cap. */
import { Agent, request as httpRequest } from 'node:http';

export interface HttpResult {
  status: number;
  ms: number;
  sql: number | null;
  bytes: number;
  body: string;
}

export const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

export function call(base: string, method: 'GET' | 'POST', path: string, body?: unknown, timeoutMs = 60_000) {
  return new Promise<HttpResult>((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const t0 = performance.now();
    const req = httpRequest(
      `${base}${path}`,
      {
        method,
        agent,
        headers: payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {},
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const sql = res.headers['x-sql-statements'];
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - t0,
            sql: typeof sql === 'string' ? Number(sql) : null,
            bytes: raw.length,
            body: raw.toString('utf8'),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}
