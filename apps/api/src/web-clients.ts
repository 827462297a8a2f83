import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** `history`: the app routes with real URLs (the history API), so every path under it is the app. */
export const WEB_CLIENTS = [
  { prefix: '/handler/', folder: 'handler', history: false },
  { prefix: '/room/', folder: 'room', history: false },
  { prefix: '/office/', folder: 'office', history: true },
] as const;

/**
 * Serves the built web clients from the API's own origin, so the browser needs no CORS and the
 * kiosk only one address. Missing builds are skipped (the API runs fine without them).
 */
export async function serveWebClients(app: NestFastifyApplication, distDir: string): Promise<string[]> {
  const fastify = app.getHttpAdapter().getInstance();
  const served: string[] = [];
  for (const [index, client] of WEB_CLIENTS.entries()) {
    const root = resolve(distDir, client.folder);
    if (!existsSync(join(root, 'index.html'))) continue;
    await fastify.register(fastifyStatic, {
      root,
      prefix: client.prefix,
      decorateReply: index === 0,
      index: ['index.html'],
      // Files are routed one by one, so that any other path can fall back to the app's page.
      wildcard: !client.history,
    });
    if (client.history) {
      fastify.get(`${client.prefix}*`, (_request, reply) => reply.sendFile('index.html', root));
    }
    fastify.get(client.prefix.slice(0, -1), (_request, reply) => reply.redirect(client.prefix, 302));
    served.push(client.prefix);
  }
  if (served.length) fastify.get('/', (_request, reply) => reply.redirect(served[0], 302));
  return served;
}
