import { chromium, type BrowserServer } from 'playwright-core';
import databaseSetup from '../../support/global-setup';
import { chromiumOptions, SHARED_CHROMIUM_ENV } from './browser';

/** The test database, and one Chromium that every browser test file connects to. */
export default async function globalSetup(): Promise<void> {
  await databaseSetup();
  const server = await chromium.launchServer(chromiumOptions());
  (globalThis as { __chromium?: BrowserServer }).__chromium = server;
  process.env[SHARED_CHROMIUM_ENV] = server.wsEndpoint();
}
