import { CHAT_MAX_LENGTH, MEDIA_SOURCES, type SessionRequests, type SessionRequestType } from '@distans/contracts';
import { InvalidInputError } from '../common/domain-errors';

type Problems = Record<string, string[]>;
type Parser<K extends SessionRequestType> = (raw: unknown) => SessionRequests[K]['req'];

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** WebRTC parameter objects are small; anything bigger is a mistake or an attack. */
const MAX_JSON_CHARS = 32_000;
/** Cameras send three simulcast layers (0..2); more would be a mistake. */
const MAX_SPATIAL_LAYER = 2;

/** Reads the fields of one request payload, collecting every problem before refusing it. */
class Fields {
  readonly problems: Problems = {};
  private readonly data: Record<string, unknown>;

  constructor(raw: unknown, allowed: string[]) {
    if (raw === undefined || raw === null) raw = {};
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      this.data = {};
      this.add('', 'the payload must be an object');
      return;
    }
    this.data = raw as Record<string, unknown>;
    for (const key of Object.keys(this.data)) {
      if (!allowed.includes(key)) this.add(key, `${key} is not an allowed field`);
    }
  }

  id(key: string): string {
    const value = this.data[key];
    if (typeof value !== 'string' || !ID.test(value)) this.add(key, `${key} must be an id`);
    return value as string;
  }

  oneOf<T extends string>(key: string, values: readonly T[], optional = false): T {
    const value = this.data[key];
    if (optional && value === undefined) return undefined as unknown as T;
    if (typeof value !== 'string' || !values.includes(value as T)) {
      this.add(key, `${key} must be one of ${values.join(', ')}`);
    }
    return value as T;
  }

  integer(key: string, min: number, max: number): number {
    const value = this.data[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(key, `${key} must be a whole number from ${min} to ${max}`);
    }
    return value as number;
  }

  text(key: string, max: number): string {
    const value = this.data[key];
    if (typeof value !== 'string' || value.trim().length === 0) this.add(key, `${key} must be non-empty text`);
    else if (value.length > max) this.add(key, `${key} must be at most ${max} characters`);
    return typeof value === 'string' ? value.trim() : '';
  }

  /** A WebRTC parameter object: must be an object with these array members; mediasoup checks the rest. */
  json<T>(key: string, arrays: string[]): T {
    const value = this.data[key];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add(key, `${key} must be an object`);
      return value as T;
    }
    for (const member of arrays) {
      if (!Array.isArray((value as Record<string, unknown>)[member])) {
        this.add(`${key}.${member}`, `${key}.${member} must be an array`);
      }
    }
    if (JSON.stringify(value).length > MAX_JSON_CHARS) this.add(key, `${key} is too large`);
    return value as T;
  }

  done<T>(type: SessionRequestType, value: T): T {
    if (Object.keys(this.problems).length > 0)
      throw new InvalidInputError(`Malformed ${type} request`, { details: this.problems });
    return value;
  }

  private add(key: string, message: string): void {
    (this.problems[key || 'payload'] ??= []).push(message);
  }
}

const empty =
  <K extends SessionRequestType>(type: K): Parser<K> =>
  (raw) => {
    const f = new Fields(raw, []);
    return f.done(type, {});
  };

/**
 * One parser per request type: the compiler insists that every request has one, and each returns
 * exactly the payload type its handler expects. Anything else is refused with field-keyed details.
 */
export const REQUEST_PARSERS: { [K in SessionRequestType]: Parser<K> } = {
  routerCapabilities: empty('routerCapabilities'),
  join: (raw) => {
    const f = new Fields(raw, ['rtpCapabilities']);
    return f.done('join', { rtpCapabilities: f.json('rtpCapabilities', ['codecs']) });
  },
  createTransport: (raw) => {
    const f = new Fields(raw, ['direction']);
    return f.done('createTransport', { direction: f.oneOf('direction', ['send', 'recv'] as const) });
  },
  connectTransport: (raw) => {
    const f = new Fields(raw, ['transportId', 'dtlsParameters']);
    return f.done('connectTransport', {
      transportId: f.id('transportId'),
      dtlsParameters: f.json('dtlsParameters', ['fingerprints']),
    });
  },
  produce: (raw) => {
    const f = new Fields(raw, ['transportId', 'kind', 'rtpParameters', 'source']);
    const kind = f.oneOf('kind', ['audio', 'video'] as const);
    const source = f.oneOf('source', MEDIA_SOURCES, true);
    return f.done('produce', {
      transportId: f.id('transportId'),
      kind,
      rtpParameters: f.json('rtpParameters', ['codecs']),
      ...(source ? { source } : {}),
    });
  },
  consume: (raw) => {
    const f = new Fields(raw, ['producerId']);
    return f.done('consume', { producerId: f.id('producerId') });
  },
  resumeConsumer: (raw) => {
    const f = new Fields(raw, ['consumerId']);
    return f.done('resumeConsumer', { consumerId: f.id('consumerId') });
  },
  setPreferredLayers: (raw) => {
    const f = new Fields(raw, ['consumerId', 'spatialLayer']);
    return f.done('setPreferredLayers', {
      consumerId: f.id('consumerId'),
      spatialLayer: f.integer('spatialLayer', 0, MAX_SPATIAL_LAYER),
    });
  },
  pauseProducer: (raw) => {
    const f = new Fields(raw, ['producerId']);
    return f.done('pauseProducer', { producerId: f.id('producerId') });
  },
  resumeProducer: (raw) => {
    const f = new Fields(raw, ['producerId']);
    return f.done('resumeProducer', { producerId: f.id('producerId') });
  },
  closeProducer: (raw) => {
    const f = new Fields(raw, ['producerId']);
    return f.done('closeProducer', { producerId: f.id('producerId') });
  },
  restartIce: (raw) => {
    const f = new Fields(raw, ['transportId']);
    return f.done('restartIce', { transportId: f.id('transportId') });
  },
  chat: (raw) => {
    const f = new Fields(raw, ['text']);
    return f.done('chat', { text: f.text('text', CHAT_MAX_LENGTH) });
  },
  leave: empty('leave'),
  end: empty('end'),
};
