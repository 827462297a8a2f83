/**
 * Runs tasks one at a time in arrival order. Room creation goes through one of these so that two
 * peers arriving together for the same booking get the same Room instead of racing to make two.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    // The chain must survive a failed task; the caller still sees the failure through `result`.
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
