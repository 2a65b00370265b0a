// How many requests may be out at once when no rate limit bounds it — a server that sends no x-ratelimit-* headers
// (an emulator, a self-hosted model) — found by trying. Little's law: in flight = throughput × latency. A server that
// answers no faster with more requests out only queues them, and each one out costs a connection and its buffers
// (measured: ~0.5 MB each; 256 out against a local server took 395 MB for the throughput 64 gave at 280 MB).
// So the window starts at START, doubles while a period's throughput grows by GAIN or more, goes back to the smaller
// window when it stops growing, and tries again a while later. A period is a few latencies long (at least 2 s)
// and counts only if the window was full — nothing to learn while the stream, not the window, holds the run back.
// Pure: time is passed in.

const START = 16;
const GAIN = 1.2;
const RETRY_AFTER_PERIODS = 15;

export class InFlightWindow {
  size: number;
  private readonly ceiling: number;
  private periodStart: number | null = null;
  private completions = 0;
  private full = false;
  private best: { size: number; rate: number } | null = null;
  private hold = 0;

  constructor(ceiling: number, start = START) {
    this.ceiling = ceiling;
    this.size = Math.min(ceiling, start);
  }

  /** The window was full: a request waited for a slot. */
  limited(): void {
    this.full = true;
  }

  /** An answer came back; `latencyMs` is the observed latency so far. */
  completed(now: number, latencyMs: number): void {
    this.periodStart ??= now;
    this.completions++;
    const length = Math.max(2000, 4 * latencyMs);
    if (now - this.periodStart < length) return;
    const rate = this.completions / (now - this.periodStart);
    const judged = this.full;
    this.periodStart = now;
    this.completions = 0;
    this.full = false;
    if (!judged) return;
    if (this.hold > 0) {
      this.hold--;
      if (this.hold > 0) return;
      this.best = { size: this.size, rate };
      this.size = Math.min(this.ceiling, this.size * 2);
      return;
    }
    if (this.best === null || rate >= this.best.rate * GAIN) {
      this.best = { size: this.size, rate };
      if (this.size < this.ceiling) this.size = Math.min(this.ceiling, this.size * 2);
      return;
    }
    // More out brought no more answers a second: back to the smaller window, and try again later.
    this.size = Math.min(this.size, this.best.size);
    this.hold = RETRY_AFTER_PERIODS;
  }
}
