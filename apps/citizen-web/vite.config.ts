import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { webAppConfig } from '../../libs/web-ui/vite-shared';

// Served by the API at / in production (the staff apps keep their own paths); `npm run dev:citizen`
// proxies the API in development.
export default defineConfig(webAppConfig({ root: resolve(__dirname), base: '/', outDir: 'citizen' }));
