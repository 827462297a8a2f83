import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

interface WebClient {
  prefix: string;
  folder: string;
  /**
   * The app routes with real URLs (the history API): these paths under its prefix answer with its
   * index.html, so that reload, Back and a shared link work. `'*'`: every path under the prefix.
   */
  history: readonly string[] | '*' | null;
}

/**
 * The citizen site is at `/`, so it claims only its own paths: an unknown API path must still
 * answer 404 as JSON, not a page.
 */
export const WEB_CLIENTS: readonly WebClient[] = [
  { prefix: '/handler/', folder: 'handler', history: null },
  { prefix: '/room/', folder: 'room', history: null },
  { prefix: '/office/', folder: 'office', history: '*' },
  { prefix: '/', folder: 'citizen', history: ['/book', '/book/*', '/manage', '/manage/*'] },
];

/** Hashed build output (Vite's `assets/`) never changes under its name; the HTML that names it does. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const HTML_CACHE = 'no-cache';

/**
 * Serves the built web clients from the API's own origin, so the browser needs no CORS and the
 * kiosk only one address. Missing builds are skipped (the API runs fine without them).
 *
 * Files are served precompressed (the .br and .gz files the build writes beside each asset,
 * chosen by Accept-Encoding), so no CPU goes to compressing the same bytes on every request.
 */
export async function serveWebClients(app: NestFastifyApplication, distDir: string): Promise<string[]> {
  const fastify = app.getHttpAdapter().getInstance();
  const served: string[] = [];
  for (const client of WEB_CLIENTS) {
    const root = resolve(distDir, client.folder);
    if (!existsSync(join(root, 'index.html'))) continue;
    await fastify.register(fastifyStatic, {
      root,
      prefix: client.prefix,
      // reply.sendFile comes from the first registration; the others share its options.
      decorateReply: served.length === 0,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        const inAssets = relative(root, path).split(sep)[0] === 'assets';
        reply.header('cache-control', inAssets ? IMMUTABLE_CACHE : HTML_CACHE);
      },
      // Files are routed one by one, so that the app's own paths can fall back to its page.
      wildcard: false,
    });
    const paths = client.history === '*' ? [`${client.prefix}*`] : (client.history ?? []);
    for (const path of paths) {
      fastify.get(path, (_request, reply) => reply.header('cache-control', HTML_CACHE).sendFile('index.html', root));
    }
    if (client.prefix !== '/') {
      fastify.get(client.prefix.slice(0, -1), (_request, reply) => reply.redirect(client.prefix, 302));
    }
    served.push(client.prefix);
  }
  return served;
}
