import { Writable } from 'node:stream';
import { createRootLogger, resolveLogFormat } from './logger';

function capture(): { stream: Writable; text: () => string; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return {
    stream,
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe(createRootLogger.name, () => {
  it('should never write secrets or contact details to the log', () => {
    const out = capture();
    const logger = createRootLogger('info', out.stream);
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJhbGciOi.secret', cookie: 'sid=1' } },
        body: { password: 'hunter2hunter2', refreshToken: 'rt_abc', email: 'anna@example.se', phone: '+46701234567' },
        booking: { citizenName: 'Anna Andersson', reference: 'K7M-4QX' },
      },
      'request',
    );
    const text = JSON.stringify(out.lines());
    for (const secret of [
      'eyJhbGciOi.secret',
      'sid=1',
      'hunter2hunter2',
      'rt_abc',
      'anna@example.se',
      '+46701234567',
      'Anna Andersson',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('K7M-4QX');
    expect(text).toContain('[redacted]');
  });
});

describe(resolveLogFormat.name, () => {
  it('should give a person at a terminal readable lines and everything else JSON lines', () => {
    expect(resolveLogFormat('auto', true, 'development')).toBe('pretty');
    expect(resolveLogFormat('auto', false, 'development')).toBe('json');
    expect(resolveLogFormat('auto', true, 'production')).toBe('json');
    expect(resolveLogFormat('json', true, 'development')).toBe('json');
    expect(resolveLogFormat('pretty', false, 'production')).toBe('pretty');
  });
});

describe('the pretty log format', () => {
  it('should print readable lines, still without secrets', () => {
    const out = capture();
    const logger = createRootLogger('info', out.stream, 'pretty');
    logger.info({ body: { password: 'hunter2hunter2' }, reference: 'K7M-4QX' }, 'booking confirmed');
    logger.flush();
    const text = out.text();
    expect(text).toMatch(/INFO.*booking confirmed/);
    expect(text).toContain('K7M-4QX');
    expect(text).not.toContain('hunter2hunter2');
    expect(text).not.toContain('"level"');
  });
});
