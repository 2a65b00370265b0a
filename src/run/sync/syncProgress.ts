// The live figures of a sync, flex or priority run, as onProgress reports them: counts, what the limits are being
// used at, the cost so far and when it should end. Plain data out; the CLI and the action draw it.
import type { ModelLimiter } from './modelLimiter.ts';
import { MinuteMeter } from './minuteMeter.ts';

export interface SyncProgress {
  done: number;
  /** Requests the run was given, when known (an array, or SyncRunOptions.total). */
  total?: number;
  inFlight: number;
  /** 429s from the rate limiter so far. */
  rateLimited: number;
  succeeded: number;
  failed: number;
  skipped: number;
  /** Reserved within the last minute, across models, against the sum of their known limits (null: none known). */
  tokensPerMinute: { used: number; limit: number | null };
  requestsPerMinute: { used: number; limit: number | null };
  /** USD of the answers so far, at the price of the tier that served each. */
  costUsd: number;
  /** Milliseconds until the last answer should be in; null while there is nothing to go on. */
  etaMs: number | null;
  elapsedMs: number;
}

export type SyncCounts = Pick<SyncProgress, 'done' | 'total' | 'inFlight' | 'rateLimited' | 'succeeded' | 'failed' | 'skipped' | 'costUsd'>;

export class ProgressTracker {
  private readonly started: number;
  private readonly completions = new MinuteMeter();

  constructor(started: number) {
    this.started = started;
  }

  completed(now: number): void {
    this.completions.add(now, 1);
  }

  report(counts: SyncCounts, limiters: Iterable<[string, ModelLimiter]>, now: number): SyncProgress {
    const tokens = { used: 0, limit: null as number | null };
    const requests = { used: 0, limit: null as number | null };
    const models: ModelLimiter[] = [];
    for (const [, lim] of limiters) {
      models.push(lim);
      const used = lim.usedLastMinute(now);
      tokens.used += used.tokens;
      requests.used += used.requests;
      if (lim.tpm !== null) tokens.limit = (tokens.limit ?? 0) + lim.tpm;
      if (lim.rpm !== null) requests.limit = (requests.limit ?? 0) + lim.rpm;
    }
    return {
      ...counts,
      tokensPerMinute: tokens,
      requestsPerMinute: requests,
      costUsd: Math.round(counts.costUsd * 1e9) / 1e9,
      etaMs: this.eta(counts, models, now),
      elapsedMs: now - this.started,
    };
  }

  /**
   * The later of two figures: the recent pace of answers, and what the limits still allow (the rest at each model's
   * share so far, less what its buckets hold, at their refill rate, plus one latency for the last answer).
   */
  private eta(c: SyncCounts, models: ModelLimiter[], now: number): number | null {
    if (c.total === undefined) return null;
    const left = Math.max(0, c.total - c.done);
    if (left === 0) return 0;
    const window = Math.min(20, Math.floor((now - this.started) / 1000));
    const recent = this.completions.sum(now, window).a;
    let eta = recent > 0 ? (left / recent) * (window + 1) * 1000 : null;
    const sentAll = models.reduce((n, m) => n + m.usedTotal().requests, 0);
    for (const m of models) {
      const sent = m.usedTotal();
      if (sent.requests === 0 || sentAll === 0) continue;
      const share = (left * sent.requests) / sentAll;
      let ms = 0;
      if (m.requests) ms = Math.max(ms, (share - Math.max(0, m.requests.levelAt(now))) / m.requests.rate);
      if (m.tokens) ms = Math.max(ms, ((share * sent.tokens) / sent.requests - Math.max(0, m.tokens.levelAt(now))) / m.tokens.rate);
      ms += m.latencyMs ?? 0;
      eta = Math.max(eta ?? 0, ms);
    }
    return eta === null ? null : Math.round(eta);
  }
}
