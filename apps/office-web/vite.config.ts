import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { webAppConfig } from '../../libs/web-ui/vite-shared';

// Served by the API at /office/ in production; `npm run dev:office` proxies the API in development.
export default defineConfig(webAppConfig({ root: resolve(__dirname), base: '/office/', outDir: 'office' }));
