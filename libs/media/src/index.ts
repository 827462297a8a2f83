export * from './logger';
export * from './media-server';
export * from './options';
export * from './peer';
export * from './room';
export * from './serial-queue';
export * from './typed-emitter';
export * from './worker-binary';
