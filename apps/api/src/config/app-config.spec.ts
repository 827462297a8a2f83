import { ConfigError, loadConfig } from './app-config';

const SECRET = 'x'.repeat(40);

describe(loadConfig.name, () => {
  it('should apply defaults and parse typed values', () => {
    const config = loadConfig({
      JWT_ACCESS_SECRET: SECRET,
      PORT: '8080',
      DEMO_MODE: 'false',
      CORS_ORIGINS: 'https://a.se, http://localhost:5173',
    });
    expect(config.PORT).toBe(8080);
    expect(config.EMBEDDED_PG_PORT).not.toBe(5432);
    expect(config.CORS_ORIGINS).toEqual(['https://a.se', 'http://localhost:5173']);
    expect(config.DB_MIGRATE_ON_START).toBe(true);
  });

  it('should name every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', CORS_ORIGINS: 'not an origin' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('CORS_ORIGINS');
    expect(message).toContain('JWT_ACCESS_SECRET');
  });

  it('should refuse demo mode in production and a short secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_MODE: 'true', JWT_ACCESS_SECRET: SECRET })).toThrow(
      /DEMO_MODE/,
    );
    expect(() => loadConfig({ JWT_ACCESS_SECRET: 'short' })).toThrow(/JWT_ACCESS_SECRET must be at least 32/);
  });

  it('should let demo mode start without a secret', () => {
    expect(loadConfig({ DEMO_MODE: 'true' }).JWT_ACCESS_SECRET).toBeUndefined();
  });

  it('should read media and session settings and refuse TURN without its shared secret', () => {
    const config = loadConfig({
      JWT_ACCESS_SECRET: SECRET,
      MEDIA_LISTEN_IP: '0.0.0.0',
      MEDIA_ANNOUNCED_ADDRESS: 'media.example.org',
      STUN_URLS: 'stun:turn.example.org:3478',
      TURN_URLS: 'turn:turn.example.org:3478?transport=udp, turns:turn.example.org:443?transport=tcp',
      TURN_SHARED_SECRET: 'a-long-enough-secret',
    });
    expect(config.TURN_URLS).toHaveLength(2);
    expect(config.SESSION_JOIN_BEFORE_MINUTES).toBe(10);
    expect(config.SESSION_JOIN_AFTER_MINUTES).toBe(30);
    expect(() =>
      loadConfig({ JWT_ACCESS_SECRET: SECRET, TURN_URLS: 'turn:turn.example.org:3478', STUN_URLS: 'http://x' }),
    ).toThrow(/TURN_SHARED_SECRET: is required[\s\S]*STUN_URLS|STUN_URLS[\s\S]*TURN_SHARED_SECRET/);
    expect(() => loadConfig({ JWT_ACCESS_SECRET: SECRET, MEDIA_LISTEN_IP: '0.0.0.0' })).toThrow(
      /MEDIA_ANNOUNCED_ADDRESS/,
    );
  });

  it('should help a weak line back up by default, and take only a known way of doing it', () => {
    expect(loadConfig({ JWT_ACCESS_SECRET: SECRET }).MEDIA_BANDWIDTH_RECOVERY).toBe('raise');
    expect(loadConfig({ JWT_ACCESS_SECRET: SECRET, MEDIA_BANDWIDTH_RECOVERY: 'off' }).MEDIA_BANDWIDTH_RECOVERY).toBe(
      'off',
    );
    // The boolean it once was names no mode: refused, rather than read as one.
    expect(() => loadConfig({ JWT_ACCESS_SECRET: SECRET, MEDIA_BANDWIDTH_RECOVERY: 'true' })).toThrow(
      /MEDIA_BANDWIDTH_RECOVERY must be one of off, raise, probe/,
    );
  });
});
