import type { BrowserServer } from 'playwright-core';
import databaseTeardown from '../../support/global-teardown';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __chromium?: BrowserServer }).__chromium?.close();
  await databaseTeardown();
}
