import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertWorkerBinary, WorkerBinaryMissingError } from './worker-binary';

describe(assertWorkerBinary.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'worker-bin-'));

  it('should accept an executable binary named by MEDIASOUP_WORKER_BIN', () => {
    const bin = join(dir, 'mediasoup-worker');
    writeFileSync(bin, '#!/bin/sh\n', { mode: 0o755 });
    expect(assertWorkerBinary(bin, { MEDIASOUP_WORKER_BIN: bin })).toBe(bin);
  });

  it('should say how to build the worker when the binary is missing', () => {
    const missing = join(dir, 'nope');
    expect(() => assertWorkerBinary(missing, {})).toThrow(WorkerBinaryMissingError);
    expect(() => assertWorkerBinary(missing, {})).toThrow(/infra\/mediasoup-worker\/build\.sh.*MEDIASOUP_WORKER_BIN/);
    expect(() => assertWorkerBinary(missing, {})).toThrow(/MEDIASOUP_WORKER_BIN is not set/);
  });

  it('should refuse when the variable was set after mediasoup had already picked another path', () => {
    const bin = join(dir, 'late');
    writeFileSync(bin, '', { mode: 0o755 });
    expect(() => assertWorkerBinary('/elsewhere/mediasoup-worker', { MEDIASOUP_WORKER_BIN: bin })).toThrow(
      /loaded before MEDIASOUP_WORKER_BIN was set/,
    );
  });
});
