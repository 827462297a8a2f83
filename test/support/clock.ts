/**
 * A fixed clock for the API under test, which runs in the test's own process: Date.now() and
 * `new Date()` answer `instant`, while timers, promises and I/O keep running for real (the
 * database driver and the HTTP stack need them). PostgreSQL's own now() is not affected.
 */
export function fixClock(instant: string | number): void {
  jest.useFakeTimers({
    now: new Date(instant),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

export function realClock(): void {
  jest.useRealTimers();
}
