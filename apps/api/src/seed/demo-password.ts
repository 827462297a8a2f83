import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { humanCode } from '../auth/secrets';

export const DEMO_CREDENTIALS_FILE = 'demo-credentials.json';
export const DEMO_PASSWORD_MIN_LENGTH = 12;

export interface DemoPassword {
  password: string;
  /** Where it came from, so the printout can say where to find or change it. */
  source: 'env' | 'file';
  file?: string;
}

/**
 * One password for every demo user. DEMO_PASSWORD wins when set; otherwise a random one is
 * generated on the first start and kept under DATA_DIR (mode 600), so later starts print the same
 * password and it never has to sit in git or in a default.
 */
export async function resolveDemoPassword(dataDir: string, env: NodeJS.ProcessEnv): Promise<DemoPassword> {
  const fromEnv = env.DEMO_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < DEMO_PASSWORD_MIN_LENGTH) {
      throw new Error(`DEMO_PASSWORD must be at least ${DEMO_PASSWORD_MIN_LENGTH} characters`);
    }
    return { password: fromEnv, source: 'env' };
  }
  const dir = resolve(dataDir);
  const file = join(dir, DEMO_CREDENTIALS_FILE);
  const stored = await readStored(file);
  if (stored) return { password: stored, source: 'file', file };

  await mkdir(dir, { recursive: true });
  // Four groups from the unambiguous alphabet: about 77 bits, and easy to read off a terminal.
  const password = [0, 1, 2, 3].map(() => humanCode(4)).join('-');
  try {
    await writeFile(file, `${JSON.stringify({ password, createdAt: new Date().toISOString() }, null, 2)}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
  } catch (error) {
    // Another process started at the same moment and won: use its password.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const winner = await readStored(file);
      if (winner) return { password: winner, source: 'file', file };
    }
    throw error;
  }
  return { password, source: 'file', file };
}

async function readStored(file: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const password = (parsed as { password?: unknown } | null)?.password;
  if (typeof password !== 'string' || password.length < DEMO_PASSWORD_MIN_LENGTH) {
    // Regenerating would silently lock everyone out of the users created with the old password.
    throw new Error(`${file} is not valid: fix it, or delete it together with the demo users, or set DEMO_PASSWORD`);
  }
  return password;
}
