// Where requests wait for their turn: one RateLimitWindow per model (OpenAI's limits are per model), a wake-up when
// anything changes (an answer came back, a limit was learned), and the deadline and abort signal honoured while
// waiting. While a model's limits are unknown, one request at a time goes out as a probe to read them from headers.
import { RateLimitWindow } from './rateLimitWindow.ts';
import type { Reservation, WindowLimits, WindowOptions } from './rateLimitWindow.ts';
import type { RateLimitHeaders } from './rateLimitHeaders.ts';
import { hasRateLimitHeaders } from './rateLimitHeaders.ts';

export type Admission =
  | { ok: true; reservation: Reservation }
  | { ok: false; reason: 'deadline' | 'aborted' | 'too_large' };

export interface AdmitOptions {
  deadline: number | null;
  signal?: AbortSignal;
  /** Not before this time (a retry's backoff). */
  notBefore?: number;
}

export class RateLimitGate {
  private readonly limits: WindowLimits;
  private readonly windowOptions: WindowOptions;
  private readonly windows = new Map<string, RateLimitWindow>();
  private readonly probing = new Set<string>();
  private wakers = new Set<() => void>();
  private readonly now: () => number;

  constructor(limits: WindowLimits, options: WindowOptions & { now?: () => number } = {}) {
    this.limits = limits;
    this.windowOptions = options;
    this.now = options.now ?? Date.now;
  }

  windowFor(model: string): RateLimitWindow {
    let w = this.windows.get(model);
    if (w === undefined) {
      w = new RateLimitWindow(this.limits, this.windowOptions);
      this.windows.set(model, w);
    }
    return w;
  }

  /** Waits until a request of `tokens` for `model` may go out and reserves it, or says why it never will. */
  async admit(model: string, tokens: number, opts: AdmitOptions): Promise<Admission> {
    const w = this.windowFor(model);
    for (;;) {
      if (opts.signal?.aborted) return { ok: false, reason: 'aborted' };
      const now = this.now();
      if (opts.deadline !== null && now >= opts.deadline) return { ok: false, reason: 'deadline' };
      if (w.tooLarge(tokens)) return { ok: false, reason: 'too_large' };
      let delay = Math.max(0, (opts.notBefore ?? 0) - now);
      if (!w.known && this.probing.has(model)) delay = Math.max(delay, Infinity);
      else delay = Math.max(delay, w.delayMs(tokens, now));
      if (delay === 0) {
        if (!w.known) this.probing.add(model);
        return { ok: true, reservation: w.reserve(tokens) };
      }
      // The delay is a lower bound: if even that ends after the deadline, the request cannot start in time.
      if (opts.deadline !== null && Number.isFinite(delay) && now + delay > opts.deadline) return { ok: false, reason: 'deadline' };
      const limit = opts.deadline !== null ? opts.deadline - now : Infinity;
      await this.sleep(Math.min(delay, limit), opts.signal);
    }
  }

  /**
   * An answer (or a failure) came back for a reservation; `headers` are the rate-limit headers it carried, if any.
   * Only a successful answer without any limit header says the model is unlimited: error answers (a 500, a dropped
   * connection) carry none whatever the limits are.
   */
  settle(model: string, reservation: Reservation, headers: RateLimitHeaders | null, succeeded: boolean, retryAfterMs: number | null = null): void {
    const w = this.windowFor(model);
    const now = this.now();
    w.settle(reservation, now);
    if (headers !== null && hasRateLimitHeaders(headers)) w.learn(headers, now, retryAfterMs);
    else if (!w.known && succeeded) w.markUnlimited();
    this.probing.delete(model);
    this.wake();
  }

  /** A 429 asked for a pause: nothing for this model goes out before `until`. */
  pause(model: string, until: number): void {
    this.windowFor(model).pause(until);
    this.wake();
  }

  private wake(): void {
    const wakers = this.wakers;
    this.wakers = new Set();
    for (const w of wakers) w();
  }

  /** Resolves after `ms`, on the next wake(), or on abort — whichever is first. */
  private sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.wakers.delete(done);
        resolve();
      };
      if (Number.isFinite(ms)) timer = setTimeout(done, Math.max(1, Math.ceil(ms)));
      signal?.addEventListener('abort', done, { once: true });
      this.wakers.add(done);
    });
  }
}
