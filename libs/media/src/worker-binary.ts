import { accessSync, constants } from 'node:fs';

export class WorkerBinaryMissingError extends Error {
  constructor(path: string, reason: string) {
    super(
      `mediasoup worker binary not usable at ${path} (${reason}). Build it with ` +
        '`bash infra/mediasoup-worker/build.sh` and set MEDIASOUP_WORKER_BIN to the path it prints ' +
        '(`source scripts/worker-bin.sh` does both).',
    );
    this.name = 'WorkerBinaryMissingError';
  }
}

/**
 * The binary mediasoup will spawn. mediasoup reads MEDIASOUP_WORKER_BIN once, when it is first
 * loaded, and otherwise looks inside node_modules, where our install leaves no binary; so check
 * both up front and fail with a message that says what to do instead of a bare ENOENT per worker.
 */
export function assertWorkerBinary(resolved: string, env: NodeJS.ProcessEnv = process.env): string {
  const requested = env.MEDIASOUP_WORKER_BIN;
  if (requested && requested !== resolved) {
    throw new WorkerBinaryMissingError(
      requested,
      `mediasoup was loaded before MEDIASOUP_WORKER_BIN was set and uses ${resolved}; set it before start-up`,
    );
  }
  try {
    accessSync(resolved, constants.X_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'not executable';
    throw new WorkerBinaryMissingError(resolved, requested ? code : `${code}; MEDIASOUP_WORKER_BIN is not set`);
  }
  return resolved;
}
