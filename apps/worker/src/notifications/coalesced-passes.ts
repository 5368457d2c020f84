/**
 * Runs a pass on request, coalescing requests: while a pass runs, any number of requests ask for
 * exactly one more pass after it (which will see everything they announced), never more. The
 * outbox relay uses it so a burst of notices costs two passes, not one per notice.
 */
export class CoalescedPasses {
  private active = false;
  private again = false;
  private closed = false;
  private current: Promise<void> = Promise.resolve();

  /** `pass` should not throw; if it does, `onError` hears of it and the next request runs anyway. */
  constructor(
    private readonly pass: () => Promise<void>,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Starts a pass now, or schedules one more after the running pass. Ignored once closed. */
  request(): void {
    if (this.closed) return;
    if (this.active) {
      this.again = true;
      return;
    }
    this.active = true;
    this.current = this.loop();
  }

  /** Whether a pass is running. */
  get running(): boolean {
    return this.active;
  }

  /** No new pass starts; resolves when the running one (if any) has finished. */
  close(): Promise<void> {
    this.closed = true;
    return this.current;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        try {
          await this.pass();
        } catch (err) {
          this.onError(err);
        }
      } while (this.again && !this.closed);
    } finally {
      // Same synchronous step as the last check of `again`: no request can slip in between.
      this.active = false;
    }
  }
}
