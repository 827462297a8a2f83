import { Client, escapeIdentifier, escapeLiteral } from 'pg';
import { RUNTIME_ROLE_ATTRIBUTES } from '../../apps/api/src/database/database-roles';

/** Connection string of the same server with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The same connection string as another login. */
export function withLogin(url: string, login: { user: string; password: string }): string {
  const u = new URL(url);
  u.username = encodeURIComponent(login.user);
  u.password = encodeURIComponent(login.password);
  return u.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A login role like the API's in production: no superuser, owns nothing, granted by the migrations. */
export async function createRuntimeRole(serverUrl: string, login: { user: string; password: string }): Promise<void> {
  await onServer(
    serverUrl,
    `CREATE ROLE ${escapeIdentifier(login.user)} ${RUNTIME_ROLE_ATTRIBUTES} PASSWORD ${escapeLiteral(login.password)}`,
  );
}

/** After its database is gone, nothing of the role is left to revoke. */
export async function dropRole(serverUrl: string, role: string): Promise<void> {
  await onServer(serverUrl, `DROP ROLE IF EXISTS ${escapeIdentifier(role)}`);
}

export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
