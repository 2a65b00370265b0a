// The sync and flex runner: every request sent on its own through the openai SDK, as fast as the account's
// requests- and tokens-per-minute limits allow, retried where a retry can help, one ResultRecord per request.
// The batch runner uses it too, for the part of a batch that must finish before a deadline (the safety net).
import type OpenAI from 'openai';
import type { ModelPricing } from '../../pricing/index.ts';
import type { Endpoint } from '../../requests/types.ts';
import type { ResultRecord } from '../../results/types.ts';
import { RateLimitGate } from './rateLimitGate.ts';
import { parseRateLimitHeaders } from './rateLimitHeaders.ts';
import { syncCostUsd } from './runSyncCost.ts';
import { longCallDispatcher } from './syncClientDispatcher.ts';
import { backoffMs, classifyFailure } from './syncClientErrors.ts';
import type { CallFailure } from './syncClientErrors.ts';
import type { OnResult, RunItem } from '../types.ts';

export { estimateSyncDurationMs } from '../plan/runSyncDuration.ts';

/** The tier asked for: standard, flex (half price, slow), or priority ("Fast mode": dearer, faster). */
export type SyncTier = 'default' | 'flex' | 'priority';

export interface SyncRunOptions {
  /** Built by the caller (key, base URL). The runner sets per-request options: maxRetries 0, timeout, signal. */
  client: OpenAI;
  /** flex / priority: body.service_tier set on chat/responses where the model has the tier; others go standard. */
  tier: SyncTier;
  /** Known per-model limits; null or absent: learned from x-ratelimit-* headers (one probe request first). */
  rpm?: number | null;
  tpm?: number | null;
  /** Upper bound on requests in flight. */
  concurrency?: number;
  /** Epoch ms: no request starts after it; the ones not started end "skipped" with error code "deadline". */
  deadline?: number | null;
  /** Abort: calls in flight are aborted and every request not answered ends "skipped" with code "aborted". */
  signal?: AbortSignal;
  /** Attempts after the first for 408/409/5xx, timeouts, dropped connections and flex capacity 429s. */
  retries?: number;
  /** Flex still without capacity after the retries: send at the standard tier (that result's mode is 'sync'). */
  flexFallback?: boolean;
  pricingFor: (model: string) => ModelPricing;
  onProgress?: (p: { done: number; total?: number; inFlight: number; rateLimited: number }) => void;
  log?: (line: string) => void;
}

export interface SyncRunStats {
  /** HTTP calls made, retries included. */
  sent: number;
  succeeded: number;
  failed: number;
  skipped: number;
  /** 429s from the rate limiter (flex capacity 429s are not counted here). */
  rateLimited429: number;
  /** Calls that were retries of an earlier failed call. */
  retries: number;
  elapsedMs: number;
}

export const DEFAULT_CONCURRENCY = 16;
export const DEFAULT_RETRIES = 2;
/** OpenAI's flex guide advises a 15-minute timeout: flex answers can be slow. */
export const FLEX_TIMEOUT_MS = 15 * 60_000;
/**
 * 429s from the rate limiter get their own, larger allowance of retries: they say "not yet", not "no", and waiting
 * the time the server names makes the next attempt succeed unless another client shares the key.
 */
export const RATE_LIMIT_RETRIES = 10;

const FLEX_ENDPOINTS: ReadonlySet<Endpoint> = new Set<Endpoint>(['/v1/chat/completions', '/v1/responses']);

/** Sends every item, at most once successfully, and reports exactly one ResultRecord per item through onResult
 *  (mode 'sync' or 'flex', batch_id null). Never throws for a request's failure — that is a failed record. */
export async function runSync(
  items: AsyncIterable<RunItem> | Iterable<RunItem>,
  opts: SyncRunOptions,
  onResult: OnResult,
): Promise<SyncRunStats> {
  const started = Date.now();
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const retries = opts.retries ?? DEFAULT_RETRIES;
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new RangeError(`concurrency must be an integer >= 1, got ${concurrency}`);
  if (!(Number.isInteger(retries) && retries >= 0)) throw new RangeError(`retries must be an integer >= 0, got ${retries}`);

  const log = opts.log ?? (() => {});
  const deadline = opts.deadline ?? null;
  const gate = new RateLimitGate({ rpm: opts.rpm ?? null, tpm: opts.tpm ?? null });
  const stats: SyncRunStats = { sent: 0, succeeded: 0, failed: 0, skipped: 0, rateLimited429: 0, retries: 0, elapsedMs: 0 };
  const total = Array.isArray(items) ? items.length : undefined;
  let done = 0;
  let inFlight = 0;

  // Waiting requests stop on the caller's abort, or when a failure shows every request would fail (bad key, no quota).
  const stopWaiting = new AbortController();
  let fatal: CallFailure | null = null;
  const onAbort = () => stopWaiting.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) stopWaiting.abort();

  // Flex calls wait up to FLEX_TIMEOUT_MS for their headers: a pool of their own, made only when needed.
  const pool: { flex: ReturnType<typeof longCallDispatcher> | null } = { flex: null };
  const flexFetchOptions = () => ({ dispatcher: (pool.flex ??= longCallDispatcher(FLEX_TIMEOUT_MS + 60_000)) });

  const prices = new Map<string, ModelPricing | null>();
  const pricingFor = (model: string): ModelPricing | null => {
    if (!prices.has(model)) {
      try {
        prices.set(model, opts.pricingFor(model));
      } catch (err) {
        log(`no price for ${model}, cost_usd left null: ${(err as Error).message.split('\n')[0]}`);
        prices.set(model, null);
      }
    }
    return prices.get(model) ?? null;
  };

  // Say once per model which limits the runner works to, and whether they came from the caller or the headers.
  const announced = new Set<string>();
  const announceLimits = (model: string) => {
    const w = gate.windowFor(model);
    if (announced.has(model) || !w.known) return;
    announced.add(model);
    const given = opts.rpm != null || opts.tpm != null;
    log(w.rpm === null && w.tpm === null ? `${model}: no rate limits announced` : `${model}: limits ${w.rpm ?? '∞'} requests and ${w.tpm ?? '∞'} tokens per minute${given ? '' : ' (from the API\'s headers)'}`);
  };

  const progress = () => opts.onProgress?.({ done, ...(total !== undefined ? { total } : {}), inFlight, rateLimited: stats.rateLimited429 });

  const record = (item: RunItem, fields: Pick<ResultRecord, 'status' | 'mode' | 'response' | 'error' | 'usage' | 'cost_usd'>): ResultRecord => ({
    custom_id: item.custom_id,
    line: item.line,
    batch_id: null,
    ...fields,
  });
  // The mode of a request that got no answer: the tier it was (or would have been) sent at.
  const unanswered = (item: RunItem, status: 'failed' | 'skipped', code: string, message: string, flexTier: boolean): ResultRecord =>
    record(item, { status, mode: flexTier ? 'flex' : priorityFor(item) ? 'priority' : 'sync', response: null, error: { code, message }, usage: null, cost_usd: null });
  const modelHasPriority = (model: string): boolean => {
    try {
      return opts.pricingFor(model).priority !== null;
    } catch {
      return false;
    }
  };
  // Priority where the endpoint and the model have it; elsewhere the standard tier (said in the record's mode).
  const priorityFor = (item: RunItem): boolean => opts.tier === 'priority' && FLEX_ENDPOINTS.has(item.url) && modelHasPriority(item.model);

  const modelHasFlex = (model: string): boolean => {
    try {
      return opts.pricingFor(model).flex !== null;
    } catch {
      return false;
    }
  };

  async function send(item: RunItem): Promise<ResultRecord> {
    const tokens = item.input_tokens + item.max_output_tokens;
    const path = item.url.replace(/^\/v1/, '');
    // Flex only where the endpoint and the model have it: the API refuses service_tier "flex" elsewhere, and a mixed
    // file in flex mode runs its other models at the standard tier.
    let flex = opts.tier === 'flex' && FLEX_ENDPOINTS.has(item.url) && modelHasFlex(item.model);
    let fellBack = false;
    let retriesUsed = 0;
    let rateLimitRetriesUsed = 0;
    let notBefore = 0;
    let last: CallFailure | null = null;
    const after = () => (last ? ` (last attempt: ${last.code}: ${last.message})` : '');

    const failedRecord = (it: RunItem, code: string, message: string) => unanswered(it, 'failed', code, message, flex);
    const skippedRecord = (it: RunItem, code: string, message: string) => unanswered(it, 'skipped', code, message, flex);

    for (;;) {
      const admission = await gate.admit(item.model, tokens, { deadline, signal: stopWaiting.signal, notBefore });
      if (!admission.ok) {
        if (fatal !== null) return failedRecord(item, fatal.code, `not sent: an earlier request failed with ${fatal.code}, so every request would (${fatal.message})`);
        if (admission.reason === 'aborted') return skippedRecord(item, 'aborted', `the run was aborted before this request was answered${after()}`);
        if (admission.reason === 'deadline') return skippedRecord(item, 'deadline', `not sent: the deadline ${new Date(deadline ?? 0).toISOString()} came first${after()}`);
        const tpm = gate.windowFor(item.model).tpm;
        return failedRecord(item, 'request_too_large', `needs ${tokens} tokens (input ${item.input_tokens} + max output ${item.max_output_tokens}), more than the whole limit of ${tpm} tokens per minute for ${item.model}`);
      }

      const priority = priorityFor(item);
      const body = flex ? { ...item.body, service_tier: 'flex' } : priority ? { ...item.body, service_tier: 'priority' } : fellBack ? { ...item.body, service_tier: 'default' } : item.body;
      inFlight++;
      stats.sent++;
      try {
        const { data, response } = await opts.client
          .post<Record<string, unknown>>(path, { body, maxRetries: 0, ...(flex ? { timeout: FLEX_TIMEOUT_MS, fetchOptions: flexFetchOptions() } : {}), ...(opts.signal ? { signal: opts.signal } : {}) })
          .withResponse();
        inFlight--;
        gate.settle(item.model, admission.reservation, parseRateLimitHeaders(response.headers), true);
        announceLimits(item.model);
        const usage = data !== null && typeof data === 'object' && data.usage && typeof data.usage === 'object' ? (data.usage as Record<string, unknown>) : null;
        // The answer names the tier that served it; believe it over what was asked (a body may carry its own tier).
        const served = data !== null && typeof data === 'object' ? data.service_tier : undefined;
        // Fast mode answers echo "priority" (whether "priority" or "fast" was sent); a downgraded one says "default".
        const mode = served === 'flex' ? 'flex' : served === 'priority' || served === 'fast' ? 'priority' : typeof served === 'string' ? 'sync' : flex ? 'flex' : priority ? 'priority' : 'sync';
        return record(item, { status: 'succeeded', mode, response: data, error: null, usage, cost_usd: syncCostUsd(pricingFor(item.model), mode, usage) });
      } catch (err) {
        inFlight--;
        const failure = classifyFailure(err, opts.client.apiKey);
        gate.settle(item.model, admission.reservation, failure?.headers ? parseRateLimitHeaders(failure.headers) : null, false, failure?.retryAfterMs ?? null);
        if (failure === null) throw err; // not an API failure: a bug here
        last = failure;
        if (failure.kind === 'aborted') return skippedRecord(item, 'aborted', 'aborted while in flight (the API may have billed it)');
        if (failure.kind === 'fatal') {
          if (fatal === null) {
            fatal = failure;
            log(`stopping: ${failure.code}: ${failure.message}`);
            stopWaiting.abort();
          }
          return failedRecord(item, failure.code, failure.message);
        }
        if (failure.kind === 'final') return failedRecord(item, failure.code, failure.message);

        const now = Date.now();
        if (failure.rateLimited) {
          stats.rateLimited429++;
          const wait = failure.retryAfterMs ?? backoffMs(rateLimitRetriesUsed + 1);
          gate.pause(item.model, now + wait);
          log(`429 rate limited on ${item.model}; pausing ${wait} ms`);
          progress();
          if (rateLimitRetriesUsed >= Math.max(retries, RATE_LIMIT_RETRIES)) {
            return failedRecord(item, failure.code, `${failure.message} (still rate limited after ${rateLimitRetriesUsed} retries)`);
          }
          rateLimitRetriesUsed++;
          stats.retries++;
          notBefore = now + wait;
          continue;
        }
        if (retriesUsed >= retries) {
          if (failure.flexUnavailable && flex && opts.flexFallback) {
            log(`flex has no capacity for ${item.custom_id} after ${retriesUsed} retries; sending it at the standard tier`);
            flex = false;
            fellBack = true;
            retriesUsed = 0; // the standard tier gets its own retries
            notBefore = 0;
            continue;
          }
          return failedRecord(item, failure.code, `${failure.message} (failed ${retriesUsed + 1} times)`);
        }
        retriesUsed++;
        stats.retries++;
        notBefore = now + Math.max(failure.retryAfterMs ?? 0, backoffMs(retriesUsed));
      }
    }
  }

  const running = new Set<Promise<void>>();
  const start = (item: RunItem) => {
    const p: Promise<void> = send(item).then((r) => {
      running.delete(p);
      if (r.status === 'succeeded') stats.succeeded++;
      else if (r.status === 'skipped') stats.skipped++;
      else stats.failed++;
      done++;
      onResult(r);
      progress();
    });
    running.add(p);
  };

  try {
    try {
      for await (const item of items) {
        while (running.size >= concurrency) await Promise.race(running);
        start(item);
      }
    } catch (err) {
      // The item stream broke (a read error): report what is in flight before passing the error on.
      await Promise.allSettled(running);
      throw err;
    }
    await Promise.all(running);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    await pool.flex?.close();
  }
  stats.elapsedMs = Date.now() - started;
  return stats;
}
