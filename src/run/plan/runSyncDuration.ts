// The auto policy's and the safety net's arithmetic: how long the sync runner needs for an amount of work under
// known limits, modelled the way the runner sends (run/sync/: a token bucket per limit, paced, latency-bound).

/** What a typical call takes when the caller has not measured it: a short chat answer or an embedding. */
export const DEFAULT_LATENCY_MS = 2000;

export interface SyncDurationLimits {
  rpm: number | null;
  tpm: number | null;
  /** The runner's ceiling on requests in flight. */
  concurrency: number;
  latencyMs?: number;
  /**
   * Count the bucket's first minute: a full bucket lets a minute's worth go at once — paced, it is spent within
   * about six seconds — and only the rest waits for the refill (the expected figure; the runner's ETA). Default
   * false, the figure the auto policy and the safety net plan deadlines on, which must not come out short: a key
   * another client shares, or a server that enforces limit/60 a second (the runner then keeps to that pace), leaves
   * no such minute. The pace never falls below limit/60 a second, so without the minute the figure is an upper
   * bound, long by at most that minute.
   */
  burst?: boolean;
}

/**
 * Milliseconds until `work.tokens` is through the limits — when the pace (limit/60 in the first second, doubling
 * every second: run/sync/pacer.ts) and the bucket (the limit, plus limit/60 a second) have both let it out.
 */
export function admitMs(work: number, limitPerMinute: number, burst: boolean): number {
  if (work <= 0) return 0;
  const perSecond = limitPerMinute / 60;
  if (!burst) return (work / perSecond) * 1000;
  const byPace = Math.log2(work / perSecond + 1);
  const byBucket = Math.max(0, (work - limitPerMinute) / perSecond);
  return Math.max(byPace, byBucket) * 1000;
}

/**
 * Milliseconds to send `work` and get every answer back: the slowest of requests per minute, tokens per minute
 * (pass what the runner reserves, or more: input + max output is never less than its max(max_tokens, chars/4)), and
 * `concurrency` requests in flight each taking `latencyMs`; plus one latency for the last answer.
 */
export function estimateSyncDurationMs(work: { requests: number; tokens: number }, limits: SyncDurationLimits): number {
  if (!(work.requests >= 0) || !(work.tokens >= 0)) throw new RangeError(`work must be counts >= 0, got ${JSON.stringify(work)}`);
  if (!(limits.concurrency >= 1)) throw new RangeError(`concurrency must be >= 1, got ${limits.concurrency}`);
  if (work.requests === 0) return 0;
  const latency = limits.latencyMs ?? DEFAULT_LATENCY_MS;
  const burst = limits.burst ?? false;
  const byRequests = limits.rpm !== null && limits.rpm > 0 ? admitMs(work.requests, limits.rpm, burst) : 0;
  const byTokens = limits.tpm !== null && limits.tpm > 0 ? admitMs(work.tokens, limits.tpm, burst) : 0;
  const byConcurrency = Math.ceil(work.requests / limits.concurrency) * latency;
  return Math.ceil(Math.max(byRequests + latency, byTokens + latency, byConcurrency));
}
