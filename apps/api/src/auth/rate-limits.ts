import { loadedConfig } from '../config/config.holder';

/**
 * Throttle decorators are evaluated at class definition, before configuration is loaded, so the
 * limits are resolved lazily per request from the validated config.
 */
export const publicRateLimit = {
  limit: (): number => loadedConfig().PUBLIC_RATE_LIMIT_PER_MINUTE,
  ttl: 60_000,
};

export const loginRateLimit = {
  limit: (): number => loadedConfig().LOGIN_RATE_LIMIT_PER_MINUTE,
  ttl: 60_000,
};
