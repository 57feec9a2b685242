/**
 * Shows a growing text (a generated answer as it streams) by editing the reply at most once per
 * interval, one edit at a time; `settle` waits for the edit in flight so the final edit lands last.
 */
export class ThrottledEdits {
  private last = 0;
  private inFlight: Promise<unknown> | undefined;

  constructor(
    private readonly edit: (text: string) => Promise<unknown>,
    private readonly intervalMs = 1000,
  ) {}

  push(text: string): void {
    if (this.inFlight || Date.now() - this.last < this.intervalMs) return;
    this.last = Date.now();
    this.inFlight = this.edit(text)
      .catch(() => undefined) // a lost progress edit is harmless: the final edit follows
      .finally(() => (this.inFlight = undefined));
  }

  async settle(): Promise<void> {
    await this.inFlight;
  }
}
