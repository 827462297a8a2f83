import type { LoggerService } from '@nestjs/common';
import pino, { Logger as PinoLogger } from 'pino';
import { currentContext } from './request-context';

/**
 * Paths that may hold secrets or personal data. Logs are read by operators who have no business
 * seeing either, so these are removed before a line is written.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-device-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  '*.email',
  '*.phone',
  '*.contact',
  '*.citizenName',
];

export type LogFormat = 'auto' | 'json' | 'pretty';

/**
 * JSON lines are the log format for machines (production, CI, anything that is not a terminal).
 * A person who runs `npm start` in a terminal gets readable lines instead, unless LOG_FORMAT says
 * otherwise. Production never switches by itself.
 */
export function resolveLogFormat(setting: LogFormat, stdoutIsTty: boolean, nodeEnv: string): 'json' | 'pretty' {
  if (setting !== 'auto') return setting;
  return stdoutIsTty && nodeEnv !== 'production' ? 'pretty' : 'json';
}

/**
 * pino-pretty is a development dependency: a production install (`npm ci --omit=dev`) does not
 * have it, and then the log stays JSON instead of failing to start over its format.
 */
function prettyDestination(destination: pino.DestinationStream | undefined): pino.DestinationStream | undefined {
  let pretty: typeof import('pino-pretty').PinoPretty;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional, loaded only when asked for
    pretty = (require('pino-pretty') as typeof import('pino-pretty')).PinoPretty;
  } catch {
    process.stderr.write('LOG_FORMAT: pino-pretty is not installed (a production install); logging JSON lines\n');
    return destination;
  }
  return pretty({
    colorize: destination === undefined && process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service',
    singleLine: true,
    sync: true,
    ...(destination ? { destination } : {}),
  });
}

export function createRootLogger(
  level: string,
  destination?: pino.DestinationStream,
  format: 'json' | 'pretty' = 'json',
): PinoLogger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'distans-api' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  const target = format === 'pretty' ? prettyDestination(destination) : destination;
  return target ? pino(options, target) : pino(options);
}

const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController']);

/** Routes Nest's own logging into the same pino stream, tagged with the request's correlation id. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: PinoLogger) {}

  private write(level: 'info' | 'warn' | 'error' | 'debug' | 'trace', message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const correlationId = currentContext()?.correlationId;
    const bindings = { context, ...(correlationId ? { reqId: correlationId } : {}) };
    if (typeof message === 'object' && message !== null) {
      const msg = typeof rest[0] === 'string' ? rest[0] : undefined;
      this.root[level]({ ...bindings, ...message }, msg);
    } else {
      this.root[level](bindings, String(message));
    }
  }

  log(message: unknown, ...rest: unknown[]): void {
    // Nest announces every module and route at start; useful when debugging, noise otherwise.
    const context = rest[rest.length - 1];
    const chatty = typeof context === 'string' && STARTUP_CONTEXTS.has(context);
    this.write(chatty ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack, context); the stack is kept as a field, not mixed into msg.
    if (typeof message === 'string' && rest.length >= 2 && typeof rest[0] === 'string') {
      const [stack, context] = rest as [string, string];
      this.root.error({ context, stack, reqId: currentContext()?.correlationId }, message);
      return;
    }
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
}
