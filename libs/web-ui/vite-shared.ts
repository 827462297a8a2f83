import { resolve } from 'node:path';
import type { UserConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const repo = resolve(__dirname, '..', '..');
const API_PREFIXES = [
  '/auth',
  '/me',
  '/bookings',
  '/offices',
  '/rooms',
  '/devices',
  '/room-screen',
  '/staff-calls',
  '/availability',
  '/case-types',
  '/agencies',
  '/health',
];

/**
 * One build setup for every web client: shared aliases, output under dist/web, API proxy in dev.
 * Every file is also written brotli- and gzip-compressed beside itself (vite-plugin-compression2),
 * which the API serves precompressed by Accept-Encoding: slow phones get a fraction of the bytes
 * at no CPU cost per request.
 */
export function webAppConfig(options: { root: string; base: string; outDir: string }): UserConfig {
  const api = process.env.DISTANS_API ?? 'http://localhost:3000';
  return {
    root: options.root,
    base: options.base,
    resolve: {
      alias: {
        '@distans/contracts': resolve(repo, 'libs/contracts/src'),
        '@distans/call-client': resolve(repo, 'libs/call-client/src'),
        '@distans/web-ui': resolve(repo, 'libs/web-ui/src'),
      },
    },
    esbuild: { jsx: 'automatic' },
    plugins: [compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.map$/], threshold: 512 })],
    build: { outDir: resolve(repo, 'dist/web', options.outDir), emptyOutDir: true, sourcemap: true, target: 'es2022' },
    server: {
      proxy: Object.fromEntries([
        ...API_PREFIXES.map((prefix) => [prefix, api]),
        ['/socket.io', { target: api, ws: true }],
      ]),
    },
  };
}
