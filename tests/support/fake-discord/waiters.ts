/** Lets tests await a condition over state that changes whenever `notify()` is called. */
export class Waiters {
  private readonly listeners = new Set<() => void>();
  private readonly cancellers = new Set<(reason: string) => void>();

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Rejects every pending wait, so a closed fake leaves no timers behind. */
  cancelAll(reason: string): void {
    for (const cancel of [...this.cancellers]) cancel(reason);
  }

  /** Resolves with the first non-undefined result of `check`; rejects after `timeoutMs` with `describe()` appended. */
  until<T>(check: () => T | undefined, timeoutMs: number, failure: string, describe: () => string): Promise<T> {
    const immediate = check();
    if (immediate !== undefined) return Promise.resolve(immediate);
    return new Promise<T>((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        this.cancellers.delete(cancel);
      };
      const listener = (): void => {
        const value = check();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const cancel = (reason: string): void => {
        cleanup();
        reject(new Error(`${failure}: ${reason} — ${describe()}`));
      };
      const timer = setTimeout(() => cancel(`gave up after ${timeoutMs} ms`), timeoutMs);
      this.listeners.add(listener);
      this.cancellers.add(cancel);
    });
  }
}
