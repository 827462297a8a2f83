/**
 * What the media layer refuses, with the signalling error code a client gets for it, so that the
 * session gateway renders it without knowing each class.
 */
export abstract class MediaError extends Error {
  abstract readonly sessionCode: 'NOT_FOUND' | 'CONFLICT';
}

export class MediaNotFoundError extends MediaError {
  readonly sessionCode = 'NOT_FOUND';
  constructor(what: string) {
    super(`${what} not found`);
    this.name = 'MediaNotFoundError';
  }
}

export class MediaStateError extends MediaError {
  readonly sessionCode = 'CONFLICT';
  constructor(message: string) {
    super(message);
    this.name = 'MediaStateError';
  }
}
