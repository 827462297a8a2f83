import { BANDWIDTH_RECOVERY_MODES, type BandwidthRecoveryMode } from '@distans/media/options';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsIP,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
  return value;
};
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/**
 * Every setting the API reads from the environment. Validated once at start-up so that a
 * misconfigured deployment fails immediately with the name of the bad variable instead of
 * failing on the first request that happens to need it.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** When unset, an embedded PostgreSQL is started with its data under EMBEDDED_PG_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /**
   * The schema owner's connection, for migrations and the grants that follow them; DATABASE_URL is
   * then the API's own role, which owns nothing. Unset: migrations run through DATABASE_URL.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'MIGRATION_DATABASE_URL must be a postgres:// URL' })
  MIGRATION_DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  /** Never 5432: a system PostgreSQL may already hold it. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(toBool)
  @IsBoolean()
  DB_MIGRATE_ON_START = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_SIZE = 10;

  /** HMAC secret for access tokens. Required outside demo mode; demo mode generates one. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_ACCESS_SECRET must be at least 32 characters' })
  JWT_ACCESS_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(3600)
  @Max(90 * 24 * 3600)
  REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 3600;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  LOGIN_LOCKOUT_MINUTES = 15;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  PAIRING_CODE_TTL_MINUTES = 10;

  /** Comma-separated list of browser origins allowed by CORS. Empty means same-origin only. */
  @Transform(toList)
  @IsString({ each: true })
  @Matches(/^https?:\/\/[^/\s]+$/, {
    each: true,
    message: 'CORS_ORIGINS entries must be origins like https://example.org',
  })
  CORS_ORIGINS: string[] = [];

  /** Requests per minute per client address on public endpoints. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 120;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  /** Demo mode seeds demo data on first start and prints demo credentials. Never in production. */
  @Transform(toBool)
  @IsBoolean()
  DEMO_MODE = false;

  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  /**
   * Send X-SQL-Statements (how many SQL statements served the request) on every response. For the
   * benchmark and tests only: it tells an outsider about the queries behind each endpoint.
   */
  @Transform(toBool)
  @IsBoolean()
  SQL_STATEMENTS_HEADER = false;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** json lines, readable pretty lines, or auto: pretty on a terminal outside production. */
  @IsIn(['auto', 'json', 'pretty'])
  LOG_FORMAT: 'auto' | 'json' | 'pretty' = 'auto';

  /** Citizens may cancel or reschedule up to this many minutes before the start. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 60)
  BOOKING_CHANGE_CUTOFF_MINUTES = 120;

  /** A booking not checked in this long after its start becomes NO_SHOW and frees its resources. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(240)
  NO_SHOW_AFTER_MINUTES = 15;

  /**
   * A checked-in visitor whose handler has not joined this many minutes after the start: the
   * handler is reminded, the office console marks the visit, and the room screen tells the visitor.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120)
  HANDLER_REMINDER_AFTER_MINUTES = 5;

  /** From this many minutes after the start, staff may give a waiting visitor a new time instead. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(240)
  HANDLER_MISSED_OFFER_AFTER_MINUTES = 15;

  /**
   * A "call office staff" nobody has acknowledged after this many seconds: the room screen tells
   * the visitor what else they can do (the office's phone number, the reception desk).
   */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(1800)
  STAFF_CALL_FALLBACK_SECONDS = 90;

  /** How often background jobs (no-show sweep, handler reminders, notification outbox) run. 0 disables them. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  JOB_INTERVAL_SECONDS = 30;

  /** SMTP server for confirmations, e.g. smtps://user:pass@mail.example.org:465. Unset: demo mode logs them. */
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Distans <no-reply@distans.example>';

  /**
   * Where citizens reach this service, without a trailing slash: the manage link in every message
   * and calendar file is `${PUBLIC_BASE_URL}/manage/<reference>#<code>`.
   */
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message: 'PUBLIC_BASE_URL must be an http(s) URL like https://boka.example.se',
  })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Hours before the start that the reminder (e-mail and SMS) goes out; 0: no reminders. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(14 * 24)
  BOOKING_REMINDER_HOURS = 24;

  /**
   * At most this many active (future, not cancelled) bookings per phone number and per e-mail
   * address made on the public site. Office staff booking at the desk are not limited.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  MAX_ACTIVE_BOOKINGS_PER_CONTACT = 3;

  /** At most this many public bookings per client address per day (UTC). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  MAX_BOOKINGS_PER_ADDRESS_PER_DAY = 10;

  /** This many public bookings from one address within BURST_WINDOW_MINUTES are marked as a burst. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(1_000_000)
  BURST_BOOKINGS = 3;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  BURST_WINDOW_MINUTES = 10;

  /** Built web clients (npm run build:web); served at /handler/ and /room/ when present. */
  @IsString()
  WEB_DIST_DIR = 'dist/web';

  /** Where demo mode keeps generated secrets and the embedded database credentials. */
  @IsString()
  DATA_DIR = '.data';

  /**
   * Run the video server (mediasoup). false serves everything but video: joining a session answers
   * 503. For a benchmark of the booking engine, or an API node that is not meant to carry media.
   */
  @Transform(toBool)
  @IsBoolean()
  MEDIA_ENABLED = true;

  /** mediasoup workers (one process each). 0 means one per CPU core. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(128)
  MEDIA_WORKERS = 0;

  /**
   * What the server does when a receiver's weak line has pushed its picture down (libs/media's
   * BandwidthRecovery). 'raise': keep the smallest picture flowing (a floor under the estimate,
   * without which a weak line could stop the video for good), and raise the picture once the
   * estimate carries it again rather than after mediasoup's 10 s hold. 'probe': also probe the line
   * while held back (a faster median in bench/weak-line.ts, no better tail). 'off': stock
   * mediasoup. See docs/video-sessions.md.
   */
  @IsIn(BANDWIDTH_RECOVERY_MODES, {
    message: `MEDIA_BANDWIDTH_RECOVERY must be one of ${BANDWIDTH_RECOVERY_MODES.join(', ')}`,
  })
  MEDIA_BANDWIDTH_RECOVERY: BandwidthRecoveryMode = 'raise';

  /** Address the media sockets bind to. 0.0.0.0 needs MEDIA_ANNOUNCED_ADDRESS. */
  @IsIP(undefined, { message: 'MEDIA_LISTEN_IP must be an IPv4 or IPv6 address' })
  MEDIA_LISTEN_IP = '127.0.0.1';

  /** Public IP or host name put in ICE candidates when the server is behind NAT or binds 0.0.0.0. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9.:-]{1,253}$/, { message: 'MEDIA_ANNOUNCED_ADDRESS must be an IP address or host name' })
  MEDIA_ANNOUNCED_ADDRESS?: string;

  /**
   * UDP and TCP port of the first worker's WebRtcServer; worker i uses this plus i, so the
   * firewall opens MEDIA_WEBRTC_PORT .. MEDIA_WEBRTC_PORT + workers - 1. 0 picks free ports (tests).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  MEDIA_WEBRTC_PORT = 44400;

  /** Ports for media transports outside the WebRtcServer (plain RTP for tests and gateways). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  MEDIA_RTC_MIN_PORT = 40000;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  MEDIA_RTC_MAX_PORT = 40999;

  /** Comma-separated STUN URLs for clients, e.g. stun:turn.example.org:3478. */
  @Transform(toList)
  @IsString({ each: true })
  @Matches(/^stuns?:[^\s,]+$/, { each: true, message: 'STUN_URLS entries must be stun: URLs' })
  STUN_URLS: string[] = [];

  /** Comma-separated TURN URLs, e.g. turn:turn.example.org:3478?transport=udp,turns:turn.example.org:443?transport=tcp. */
  @Transform(toList)
  @IsString({ each: true })
  @Matches(/^turns?:[^\s,]+$/, { each: true, message: 'TURN_URLS entries must be turn: or turns: URLs' })
  TURN_URLS: string[] = [];

  /** coturn `static-auth-secret` (use-auth-secret): TURN credentials are derived from it per ticket. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'TURN_SHARED_SECRET must be at least 16 characters' })
  TURN_SHARED_SECRET?: string;

  /** A statistics cell with fewer visits (bookings, measured visits, answers) than this is suppressed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  STATS_MIN_CELL = 5;

  /**
   * Days after a booking ends until its visitor's personal data is purged (name, phone, e-mail,
   * accessibility note, manage link, messages). 90: long enough for questions, complaints and an
   * appeal about the visit, short enough that nothing lingers (see docs/privacy.md).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  PERSONAL_DATA_RETENTION_DAYS = 90;

  /** Days the audit log and the security events are kept: at least a year, so reads can be checked afterwards. */
  @Transform(toInt)
  @IsInt()
  @Min(365)
  @Max(3650)
  AUDIT_RETENTION_DAYS = 730;

  /** How often the retention purge runs (with the background jobs). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  PURGE_INTERVAL_MINUTES = 60;

  /** Bookings purged per statement, so that a backlog never holds long locks. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  PURGE_BATCH_SIZE = 500;

  /** Session tickets must be used within this many seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(600)
  SESSION_TICKET_TTL_SECONDS = 60;

  /** Participants may join this many minutes before the start ... */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(240)
  SESSION_JOIN_BEFORE_MINUTES = 10;

  /** ... until this many minutes after the booked end. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(480)
  SESSION_JOIN_AFTER_MINUTES = 30;

  /** A dropped participant keeps its place this long; coming back sooner replaces the old connection. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600)
  SESSION_RECONNECT_GRACE_SECONDS = 30;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((msg) => (msg.startsWith(e.property) ? msg : `${e.property}: ${msg}`)),
  );
}

/** Settings without a default, which `new AppConfig()` therefore does not list. */
const OPTIONAL_KEYS = [
  'DATABASE_URL',
  'MIGRATION_DATABASE_URL',
  'JWT_ACCESS_SECRET',
  'SMTP_URL',
  'MEDIA_ANNOUNCED_ADDRESS',
  'TURN_SHARED_SECRET',
];

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, unknown> = {};
  for (const key of [...known, ...OPTIONAL_KEYS]) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const problems = describe(validateSync(config, { whitelist: true, forbidUnknownValues: true }));
  if (config.NODE_ENV === 'production' && config.DEMO_MODE) {
    problems.push('DEMO_MODE: must not be enabled when NODE_ENV=production');
  }
  if (!config.DEMO_MODE && !config.JWT_ACCESS_SECRET) {
    problems.push('JWT_ACCESS_SECRET: is required unless DEMO_MODE=true');
  }
  if (config.MIGRATION_DATABASE_URL && !config.DATABASE_URL) {
    problems.push('MIGRATION_DATABASE_URL: needs DATABASE_URL too (the embedded PostgreSQL sets up its own roles)');
  }
  if (config.TURN_URLS.length > 0 && !config.TURN_SHARED_SECRET) {
    problems.push('TURN_SHARED_SECRET: is required when TURN_URLS is set');
  }
  if (config.MEDIA_RTC_MIN_PORT > config.MEDIA_RTC_MAX_PORT) {
    problems.push('MEDIA_RTC_MIN_PORT: must not be above MEDIA_RTC_MAX_PORT');
  }
  if (['0.0.0.0', '::'].includes(config.MEDIA_LISTEN_IP) && !config.MEDIA_ANNOUNCED_ADDRESS) {
    problems.push('MEDIA_ANNOUNCED_ADDRESS: is required when MEDIA_LISTEN_IP is 0.0.0.0 or ::');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
