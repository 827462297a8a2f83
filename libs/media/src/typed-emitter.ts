import { EventEmitter } from 'node:events';

/** Event name to listener arguments. */
export type EventMap = { [event: string]: unknown[] };

/**
 * EventEmitter whose event names and listener arguments are checked by the compiler. A listener
 * that throws is caught and reported on 'listenererror' so one bad subscriber cannot take down
 * the media plane (EventEmitter would otherwise rethrow into whatever emitted).
 */
export class TypedEmitter<Events extends EventMap> {
  readonly #emitter = new EventEmitter();

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  on<E extends keyof Events & string>(event: E, listener: (...args: Events[E]) => void): this {
    this.#emitter.on(event, listener as (...args: unknown[]) => void);
    return this;
  }

  once<E extends keyof Events & string>(event: E, listener: (...args: Events[E]) => void): this {
    this.#emitter.once(event, listener as (...args: unknown[]) => void);
    return this;
  }

  off<E extends keyof Events & string>(event: E, listener: (...args: Events[E]) => void): this {
    this.#emitter.off(event, listener as (...args: unknown[]) => void);
    return this;
  }

  removeAllListeners(): this {
    this.#emitter.removeAllListeners();
    return this;
  }

  protected emit<E extends keyof Events & string>(event: E, ...args: Events[E]): void {
    for (const listener of this.#emitter.listeners(event)) {
      try {
        (listener as (...a: unknown[]) => void)(...args);
      } catch (error) {
        this.onListenerError(event, error);
      }
    }
  }

  /** Subclasses log this; the default swallows, because emitting must never throw. */
  protected onListenerError(_event: string, _error: unknown): void {}
}
