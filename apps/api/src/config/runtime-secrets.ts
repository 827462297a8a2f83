import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppConfig } from './app-config';

/**
 * Demo mode must start with no setup at all, yet secrets may never sit in git. So on first start
 * demo mode generates what it lacks and keeps it under DATA_DIR (mode 600) for later starts.
 */
export async function fillDemoSecrets(config: AppConfig): Promise<void> {
  if (!config.DEMO_MODE || config.JWT_ACCESS_SECRET) return;
  const dir = resolve(config.DATA_DIR);
  const file = join(dir, 'demo-secrets.json');
  await mkdir(dir, { recursive: true });
  let secrets: { jwtAccessSecret?: string } = {};
  if (existsSync(file)) secrets = JSON.parse(await readFile(file, 'utf8')) as typeof secrets;
  if (!secrets.jwtAccessSecret) {
    secrets.jwtAccessSecret = randomBytes(48).toString('base64url');
    await writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  config.JWT_ACCESS_SECRET = secrets.jwtAccessSecret;
}
