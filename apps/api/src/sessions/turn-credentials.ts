import { createHmac } from 'node:crypto';
import type { IceServer } from '@distans/contracts';

/**
 * coturn's TURN REST API scheme (`use-auth-secret` + `static-auth-secret`): the username is
 * "<unix expiry>:<id>" and the password is base64(HMAC-SHA1(secret, username)). coturn checks both
 * without asking us, and refuses the username once the expiry has passed.
 */
export function turnCredential(
  secret: string,
  expiresAtMs: number,
  id: string,
): { username: string; credential: string } {
  const username = `${Math.floor(expiresAtMs / 1000)}:${id}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential };
}

export function iceServers(
  config: { STUN_URLS: string[]; TURN_URLS: string[]; TURN_SHARED_SECRET?: string },
  expiresAtMs: number,
  id: string,
): IceServer[] {
  const servers: IceServer[] = [];
  if (config.STUN_URLS.length > 0) servers.push({ urls: config.STUN_URLS });
  if (config.TURN_URLS.length > 0 && config.TURN_SHARED_SECRET) {
    servers.push({ urls: config.TURN_URLS, ...turnCredential(config.TURN_SHARED_SECRET, expiresAtMs, id) });
  }
  return servers;
}
