import { InvalidInputError } from '../common/domain-errors';
import { REQUEST_PARSERS } from './session-requests';

describe('REQUEST_PARSERS', () => {
  const id = '0b7c2f4e-4a55-4d1e-9d55-2b3c4d5e6f70';

  it('should pass well-formed requests through, trimmed', () => {
    expect(REQUEST_PARSERS.chat({ text: '  Hej!  ' })).toEqual({ text: 'Hej!' });
    expect(REQUEST_PARSERS.createTransport({ direction: 'recv' })).toEqual({ direction: 'recv' });
    expect(REQUEST_PARSERS.leave(undefined)).toEqual({});
    expect(REQUEST_PARSERS.setPreferredLayers({ consumerId: id, spatialLayer: 1 })).toEqual({
      consumerId: id,
      spatialLayer: 1,
    });
    expect(
      REQUEST_PARSERS.produce({ transportId: id, kind: 'video', rtpParameters: { codecs: [] }, source: 'screen' }),
    ).toEqual({
      transportId: id,
      kind: 'video',
      rtpParameters: { codecs: [] },
      source: 'screen',
    });
  });

  it.each([
    ['chat', 'not an object', 'payload'],
    ['chat', { text: '' }, 'text'],
    ['chat', { text: 'x'.repeat(2001) }, 'text'],
    ['createTransport', { direction: 'sideways' }, 'direction'],
    ['connectTransport', { transportId: 'abc', dtlsParameters: { fingerprints: [] } }, 'transportId'],
    ['connectTransport', { transportId: id, dtlsParameters: {} }, 'dtlsParameters.fingerprints'],
    [
      'produce',
      { transportId: id, kind: 'audio', rtpParameters: { codecs: [], x: 'y'.repeat(40_000) } },
      'rtpParameters',
    ],
    ['join', { rtpCapabilities: { codecs: [] }, peerId: 'someone-else' }, 'peerId'],
    ['end', { bookingId: id }, 'bookingId'],
    ['setPreferredLayers', { consumerId: id, spatialLayer: 3 }, 'spatialLayer'],
    ['setPreferredLayers', { consumerId: id, spatialLayer: 0.5 }, 'spatialLayer'],
    ['setPreferredLayers', { consumerId: id, spatialLayer: '2' }, 'spatialLayer'],
  ] as const)('should refuse a malformed %s request, naming the field', (type, raw, field) => {
    let error: unknown;
    try {
      (REQUEST_PARSERS[type] as (r: unknown) => unknown)(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(Object.keys((error as InvalidInputError).details ?? {})).toContain(field);
  });
});
