// The auto policy's arithmetic: how long the sync runner needs for an amount of work under known limits.

/** What a typical call takes when the caller has not measured it: a short chat answer or an embedding. */
export const DEFAULT_LATENCY_MS = 2000;

/**
 * Milliseconds to send `work` and get every answer back. The slowest of three bounds: requests per minute, tokens
 * per minute (tokens = input + max output per request, what the limiter reserves), and `concurrency` requests in
 * flight each taking `latencyMs`; plus one latency for the last answer. It is the steady-state rate and ignores the
 * first minute's burst allowance, so it errs long (by at most a minute) — the side a deadline can afford.
 */
export function estimateSyncDurationMs(
  work: { requests: number; tokens: number },
  limits: { rpm: number | null; tpm: number | null; concurrency: number; latencyMs?: number },
): number {
  if (!(work.requests >= 0) || !(work.tokens >= 0)) throw new RangeError(`work must be counts >= 0, got ${JSON.stringify(work)}`);
  if (!(limits.concurrency >= 1)) throw new RangeError(`concurrency must be >= 1, got ${limits.concurrency}`);
  if (work.requests === 0) return 0;
  const latency = limits.latencyMs ?? DEFAULT_LATENCY_MS;
  const byRequests = limits.rpm !== null && limits.rpm > 0 ? (work.requests / limits.rpm) * 60_000 : 0;
  const byTokens = limits.tpm !== null && limits.tpm > 0 ? (work.tokens / limits.tpm) * 60_000 : 0;
  const byConcurrency = Math.ceil(work.requests / limits.concurrency) * latency;
  return Math.ceil(Math.max(byRequests + latency, byTokens + latency, byConcurrency));
}
