// Where requests wait for their turn: one ModelLimiter per model (OpenAI's limits are per model), each with a
// first-in-first-out queue and one timer, so a thousand waiting requests cost one wake-up, not a thousand. The queue's
// head goes as soon as its model's limits allow; the deadline and the abort signal are honoured while it waits. While
// a model's limits are unknown, one request at a time goes out as a probe to read them from the headers.
import { ModelLimiter } from './modelLimiter.ts';
import type { Limits, Reservation } from './modelLimiter.ts';
import type { RateLimitHeaders } from './rateLimitHeaders.ts';
import type { TokenCost, TokenRule } from './reservation.ts';

export type Admission =
  | { ok: true; reservation: Reservation }
  | { ok: false; reason: 'deadline' | 'aborted' | 'too_large'; tokens: number };

interface Waiter {
  cost: TokenCost;
  deadline: number | null;
  resolve: (a: Admission) => void;
}

interface Lane {
  limiter: ModelLimiter;
  queue: Waiter[];
  head: number;
  timer: NodeJS.Timeout | null;
}

export interface GateOptions {
  now?: () => number;
  /** Waiting requests end 'aborted' when it fires. */
  signal?: AbortSignal;
  /** The reservation rule every model starts with (reservation.ts). */
  rule?: TokenRule;
}

export class RateLimitGate {
  private readonly limits: Limits;
  private readonly lanes = new Map<string, Lane>();
  private readonly now: () => number;
  private readonly signal: AbortSignal | undefined;
  private readonly rule: TokenRule;
  private readonly onAbort = () => {
    for (const model of this.lanes.keys()) this.pump(model);
  };

  constructor(limits: Limits, options: GateOptions = {}) {
    this.limits = limits;
    this.now = options.now ?? Date.now;
    this.signal = options.signal;
    this.rule = options.rule ?? 'max';
    this.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  limiterFor(model: string): ModelLimiter {
    return this.lane(model).limiter;
  }

  *models(): IterableIterator<[string, ModelLimiter]> {
    for (const [model, lane] of this.lanes) yield [model, lane.limiter];
  }

  /** Waits until a request costing `cost` may go out for `model` and reserves it, or says why it never will. */
  admit(model: string, cost: TokenCost, deadline: number | null): Promise<Admission> {
    const lane = this.lane(model);
    return new Promise((resolve) => {
      lane.queue.push({ cost, deadline, resolve });
      this.pump(model);
    });
  }

  /** An answer (or a failure) came back for a reservation; `headers` are the rate-limit headers it carried, if any.
   *  True when it moved the model to the input + max_tokens rule. */
  settle(model: string, reservation: Reservation, headers: RateLimitHeaders | null, succeeded: boolean): boolean {
    const changed = this.lane(model).limiter.settle(reservation, headers, succeeded, this.now());
    this.pump(model);
    return changed;
  }

  /** A 429 asked for a pause: nothing for this model goes out before `until`. */
  rateLimited(model: string, until: number): void {
    this.lane(model).limiter.rateLimited(until);
    this.pump(model);
  }

  /** Stops listening and drops timers (every admit() has been answered by then). */
  close(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
    for (const lane of this.lanes.values()) if (lane.timer) clearTimeout(lane.timer);
  }

  private lane(model: string): Lane {
    let lane = this.lanes.get(model);
    if (lane === undefined) {
      lane = { limiter: new ModelLimiter(this.limits, this.now(), this.rule), queue: [], head: 0, timer: null };
      this.lanes.set(model, lane);
    }
    return lane;
  }

  /** Lets out every head of the queue that may go now, ends those that never will, and sets the timer for the next. */
  private pump(model: string): void {
    const lane = this.lanes.get(model)!;
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = null;
    const { limiter, queue } = lane;
    while (lane.head < queue.length) {
      const w = queue[lane.head];
      const tokens = limiter.cost(w.cost);
      const now = this.now();
      let outcome: Admission | null = null;
      if (this.signal?.aborted) outcome = { ok: false, reason: 'aborted', tokens };
      else if (limiter.tooLarge(tokens)) outcome = { ok: false, reason: 'too_large', tokens };
      else if (w.deadline !== null && now >= w.deadline) outcome = { ok: false, reason: 'deadline', tokens };
      let wait = 0;
      if (outcome === null) {
        const { ms, atLeastMs } = limiter.waitMs(tokens, now);
        wait = ms;
        if (wait === 0) outcome = { ok: true, reservation: limiter.reserve(w.cost, now) };
        // If even the wait nothing but an answer can shorten ends after the deadline, the request cannot start in time.
        else if (w.deadline !== null && Number.isFinite(atLeastMs) && now + atLeastMs > w.deadline) outcome = { ok: false, reason: 'deadline', tokens };
      }
      if (outcome === null) {
        const until = Math.min(wait, w.deadline !== null ? w.deadline - now : Infinity);
        if (Number.isFinite(until)) lane.timer = setTimeout(() => this.pump(model), Math.max(1, Math.ceil(until)));
        break;
      }
      queue[lane.head++] = undefined as unknown as Waiter;
      w.resolve(outcome);
    }
    if (lane.head > 256 && lane.head * 2 > queue.length) {
      lane.queue = queue.slice(lane.head);
      lane.head = 0;
    }
  }
}
