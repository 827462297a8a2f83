import { Writable } from 'node:stream';
import { createRootLogger } from './logger';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return {
    stream,
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
