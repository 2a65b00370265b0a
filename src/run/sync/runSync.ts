// The sync, flex and priority runner: every request sent on its own through the openai SDK, as fast as the account's
// requests- and tokens-per-minute limits allow, retried where a retry can help, one ResultRecord per request.
// The batch runner uses it too, for the part of a batch that must finish before a deadline (the safety net).
//
// Admission is the limits' business (rateLimitGate.ts: a token bucket per model and limit, paced, corrected by the
// headers; a request reserves what reservation.ts says). How many requests are out at once follows from it: the
// runner reads a request from the stream only while fewer are pulled than the limits can let out within one
// observed latency (in flight ≈ allowed rate × latency, plus a quarter; without limits, what the throughput needs:
// inFlightWindow.ts), never more than `concurrency` — a ceiling, not the pace. Requests are streamed in, each record
// handed to onResult and dropped: nothing is kept per request.
import type OpenAI from 'openai';
import { openAIProvider } from '../providers/openai/openaiProvider.ts';
import type { Provider } from '../providers/index.ts';
import type { ModelPricing } from '../../pricing/index.ts';
import type { Endpoint } from '../../requests/types.ts';
import type { ResultRecord } from '../../results/types.ts';
import { RateLimitGate } from './rateLimitGate.ts';
import { parseRateLimitHeaders } from './rateLimitHeaders.ts';
import type { RateLimitHeaders } from './rateLimitHeaders.ts';
import type { Reservation } from './modelLimiter.ts';
import { tokenCost } from './reservation.ts';
import type { TokenRule } from './reservation.ts';
import { InFlightWindow } from './inFlightWindow.ts';
import { ProgressTracker } from './syncProgress.ts';
import type { SyncCounts, SyncProgress } from './syncProgress.ts';
import { syncCostUsd } from './runSyncCost.ts';
import { backoffMs, classifyFailure } from './syncClientErrors.ts';
import type { CallFailure } from './syncClientErrors.ts';
import { DEFAULT_LATENCY_MS } from '../plan/runSyncDuration.ts';
import type { OnResult, RunItem } from '../types.ts';

export { estimateSyncDurationMs } from '../plan/runSyncDuration.ts';
export type { SyncProgress } from './syncProgress.ts';

/** The tier asked for: standard, flex (half price, slow), or priority ("Fast mode": dearer, faster). */
export type SyncTier = 'default' | 'flex' | 'priority';

export interface SyncRunOptions {
  /** The provider the requests go to (run/providers/); the runner sets per-call options: timeout, signal. */
  provider?: Provider;
  /** An OpenAI client instead (tests, scripts): used as the openai provider. */
  client?: OpenAI;
  /** flex / priority: body.service_tier set on chat/responses where the model has the tier; others go standard. */
  tier: SyncTier;
  /** Known per-model limits; null or absent: learned from x-ratelimit-* headers (one probe request first). */
  rpm?: number | null;
  tpm?: number | null;
  /** Ceiling on requests in flight (default 256); below it, in flight follows the limits and the observed latency. */
  concurrency?: number;
  /** How many items the stream holds, for the progress ETA when `items` is not an array. */
  total?: number;
  /** What a request reserves against the tokens limit to begin with (reservation.ts; default 'max'). */
  tokenRule?: TokenRule;
  /** Epoch ms: no request starts after it; the ones not started end "skipped" with error code "deadline". */
  deadline?: number | null;
  /** Abort: calls in flight are aborted and every request not answered ends "skipped" with code "aborted". */
  signal?: AbortSignal;
  /** Attempts after the first for 408/409/5xx, timeouts, dropped connections and flex capacity 429s. */
  retries?: number;
  /** Flex still without capacity after the retries: send at the standard tier (that result's mode is 'sync'). */
  flexFallback?: boolean;
  pricingFor: (model: string) => ModelPricing;
  /** Regional processing (`--region`): +10% where the model charges it, in every cost this runner reports. */
  region?: boolean;
  /** After every answer (and every 429): counts, limits used, cost so far, ETA. */
  onProgress?: (p: SyncProgress) => void;
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
  /** The most requests that were in flight at once. */
  peakInFlight: number;
}

/** A ceiling, not the pace: high enough that rate × latency fits under it for most accounts (300 RPM at 3 s is 15;
 *  a flex answer taking minutes needs more, and `--concurrency` raises it). */
export const DEFAULT_CONCURRENCY = 256;
/** In flight never held below this by the latency rule (a short latency measured early must not starve the run). */
const MIN_IN_FLIGHT = 4;
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
  const ceiling = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const retries = opts.retries ?? DEFAULT_RETRIES;
  if (!(Number.isInteger(ceiling) && ceiling >= 1)) throw new RangeError(`concurrency must be an integer >= 1, got ${ceiling}`);
  if (!(Number.isInteger(retries) && retries >= 0)) throw new RangeError(`retries must be an integer >= 0, got ${retries}`);

  const log = opts.log ?? (() => {});
  const deadline = opts.deadline ?? null;
  const stats: SyncRunStats = { sent: 0, succeeded: 0, failed: 0, skipped: 0, rateLimited429: 0, retries: 0, elapsedMs: 0, peakInFlight: 0 };
  const total = Array.isArray(items) ? items.length : opts.total;
  let done = 0;
  let inFlight = 0;
  let costUsd = 0;

  // Waiting requests stop on the caller's abort, or when a failure shows every request would fail (bad key, no quota).
  const stopWaiting = new AbortController();
  let fatal: CallFailure | null = null;
  const onAbort = () => stopWaiting.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) stopWaiting.abort();
  const gate = new RateLimitGate({ rpm: opts.rpm ?? null, tpm: opts.tpm ?? null }, { signal: stopWaiting.signal, rule: opts.tokenRule });

  if (!opts.provider && !opts.client) throw new TypeError('runSync needs a provider or an OpenAI client');
  // A client given here is the caller's: its pools are closed here; a provider's by whoever made it.
  const provider = opts.provider ?? openAIProvider({ client: opts.client! });

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
    const w = gate.limiterFor(model);
    if (announced.has(model) || !w.known) return;
    announced.add(model);
    const given = opts.rpm != null || opts.tpm != null;
    log(w.rpm === null && w.tpm === null ? `${model}: no rate limits announced` : `${model}: limits ${w.rpm ?? '∞'} requests and ${w.tpm ?? '∞'} tokens per minute${given ? '' : ' (from the API\'s headers)'}`);
  };

  const tracker = new ProgressTracker(started);
  const unlimitedWindow = new InFlightWindow(ceiling);
  let latencyMs = 0;
  const progress = () => {
    if (!opts.onProgress) return;
    const counts: SyncCounts = {
      done, ...(total !== undefined ? { total } : {}), inFlight, rateLimited: stats.rateLimited429,
      succeeded: stats.succeeded, failed: stats.failed, skipped: stats.skipped, costUsd,
    };
    opts.onProgress(tracker.report(counts, gate.models(), Date.now()));
  };

  const record = (item: RunItem, fields: Pick<ResultRecord, 'status' | 'mode' | 'response' | 'error' | 'usage' | 'cost_usd'>): ResultRecord => ({
    custom_id: item.custom_id,
    line: item.line,
    batch_id: null,
    ...fields,
  });
  // The mode of a request that got no answer: the tier it was (or would have been) sent at.
  const unanswered = (item: RunItem, status: 'failed' | 'skipped', code: string, message: string, flexTier: boolean): ResultRecord =>
    record(item, { status, mode: flexTier ? 'flex' : priorityFor(item) ? 'priority' : 'sync', response: null, error: { code, message }, usage: null, cost_usd: null });
  // Whether the model has this tier in the catalog (a model it cannot price has neither: sent at the standard tier).
  const modelHas = (model: string, tier: 'flex' | 'priority'): boolean => {
    try {
      return opts.pricingFor(model)[tier] !== null;
    } catch {
      return false;
    }
  };
  // Priority where the endpoint and the model have it; elsewhere the standard tier (said in the record's mode).
  const priorityFor = (item: RunItem): boolean => opts.tier === 'priority' && FLEX_ENDPOINTS.has(item.url) && modelHas(item.model, 'priority');


  // Pulled and not yet answered; the loop waits for `wake` when it may not pull more.
  let active = 0;
  let wake: (() => void) | null = null;
  let bug: { error: unknown } | null = null;
  const nudge = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  /** Resolves at `until`, or at once when waiting is called off. */
  const sleepUntil = (until: number): Promise<void> =>
    new Promise((resolve) => {
      const ms = until - Date.now();
      if (ms <= 0 || stopWaiting.signal.aborted) return resolve();
      const finish = () => {
        clearTimeout(timer);
        stopWaiting.signal.removeEventListener('abort', finish);
        resolve();
      };
      const timer = setTimeout(finish, Math.ceil(ms));
      stopWaiting.signal.addEventListener('abort', finish, { once: true });
    });

  async function send(item: RunItem): Promise<ResultRecord> {
    const cost = tokenCost(item);
    // Flex only where the endpoint and the model have it: the API refuses service_tier "flex" elsewhere, and a mixed
    // file in flex mode runs its other models at the standard tier.
    let flex = opts.tier === 'flex' && FLEX_ENDPOINTS.has(item.url) && modelHas(item.model, 'flex');
    let fellBack = false;
    let retriesUsed = 0;
    let rateLimitRetriesUsed = 0;
    let notBefore = 0;
    let last: CallFailure | null = null;
    const after = () => (last ? ` (last attempt: ${last.code}: ${last.message})` : '');

    const failedRecord = (it: RunItem, code: string, message: string) => unanswered(it, 'failed', code, message, flex);
    const skippedRecord = (it: RunItem, code: string, message: string) => unanswered(it, 'skipped', code, message, flex);

    for (;;) {
      // A retry's backoff is waited out before it queues again (a backoff that ends past the deadline is a skip now).
      const admission = deadline !== null && notBefore > deadline
        ? ({ ok: false, reason: 'deadline', tokens: 0 } as const)
        : (await sleepUntil(notBefore), await gate.admit(item.model, cost, deadline));
      if (!admission.ok) {
        if (fatal !== null) return failedRecord(item, fatal.code, `not sent: an earlier request failed with ${fatal.code}, so every request would (${fatal.message})`);
        if (admission.reason === 'aborted') return skippedRecord(item, 'aborted', `the run was aborted before this request was answered${after()}`);
        if (admission.reason === 'deadline') return skippedRecord(item, 'deadline', `not sent: the deadline ${new Date(deadline ?? 0).toISOString()} came first${after()}`);
        const lim = gate.limiterFor(item.model);
        const how = lim.rule === 'max' ? `the larger of its max output ${item.max_output_tokens} and a quarter of its prompt's characters` : `input ${item.input_tokens} + max output ${item.max_output_tokens}`;
        return failedRecord(item, 'request_too_large', `needs ${admission.tokens} tokens (${how}), more than the whole limit of ${lim.tpm} tokens per minute for ${item.model}`);
      }
      // One fewer waiting, and the pace may have widened: the loop may pull more (before any answer is back, too).
      nudge();

      const priority = priorityFor(item);
      const body = flex ? { ...item.body, service_tier: 'flex' } : priority ? { ...item.body, service_tier: 'priority' } : fellBack ? { ...item.body, service_tier: 'default' } : item.body;
      inFlight++;
      stats.peakInFlight = Math.max(stats.peakInFlight, inFlight);
      stats.sent++;
      try {
        // Flex calls wait up to FLEX_TIMEOUT_MS for their headers (the provider gives them a pool of their own).
        const { data, headers } = await provider.call(
          { url: item.url, model: item.model, body },
          { ...(flex ? { timeoutMs: FLEX_TIMEOUT_MS } : {}), ...(opts.signal ? { signal: opts.signal } : {}) },
        );
        inFlight--;
        settle(item.model, admission.reservation, parseRateLimitHeaders(headers), true);
        announceLimits(item.model);
        const usage = data !== null && typeof data === 'object' && data.usage && typeof data.usage === 'object' ? (data.usage as Record<string, unknown>) : null;
        // The answer names the tier that served it; believe it over what was asked (a body may carry its own tier).
        const served = data !== null && typeof data === 'object' ? data.service_tier : undefined;
        // Fast mode answers echo "priority" (whether "priority" or "fast" was sent); a downgraded one says "default".
        const mode = served === 'flex' ? 'flex' : served === 'priority' || served === 'fast' ? 'priority' : typeof served === 'string' ? 'sync' : flex ? 'flex' : priority ? 'priority' : 'sync';
        return record(item, { status: 'succeeded', mode, response: data, error: null, usage, cost_usd: syncCostUsd(pricingFor(item.model), mode, usage, { region: opts.region === true }) });
      } catch (err) {
        inFlight--;
        const failure = classifyFailure(err, provider.apiKey);
        settle(item.model, admission.reservation, failure?.headers ? parseRateLimitHeaders(failure.headers) : null, false);
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
          const wasFrozen = gate.limiterFor(item.model).pacer.frozen;
          gate.rateLimited(item.model, now + wait);
          log(`429 rate limited on ${item.model}; pausing ${wait} ms${wasFrozen ? '' : ', then one second\'s share of the limits at a time'}`);
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

  function settle(model: string, reservation: Reservation, headers: RateLimitHeaders | null, succeeded: boolean): void {
    if (succeeded) latencyMs += 0.2 * (Date.now() - reservation.sentAt - latencyMs);
    if (gate.settle(model, reservation, headers, succeeded)) {
      log(`${model}: the API counts more tokens than max(max_tokens, prompt characters / 4); reserving input + max_tokens from now on`);
    }
  }

  /**
   * How many requests may be pulled from the stream (in flight or waiting for their turn). For models with limits:
   * what the limits let out within one observed latency (before the first answer, a typical one), +25 %. For a
   * model without limits, or whose limits are still being probed: the throughput-probing window (inFlightWindow.ts).
   */
  const pullLimit = (): number => {
    let byLimits = 0;
    let limited = 0;
    let unbounded = 0;
    const now = Date.now();
    for (const [, lim] of gate.models()) {
      if (!lim.known || (lim.rpm === null && lim.tpm === null)) {
        unbounded++;
        continue;
      }
      limited++;
      byLimits += lim.requestsWithin(lim.latencyMs ?? DEFAULT_LATENCY_MS, now);
    }
    const n = (unbounded > 0 || limited === 0 ? unlimitedWindow.size : 0) + (limited > 0 ? Math.ceil(byLimits * 1.25) + 2 : 0);
    return Math.min(ceiling, Math.max(MIN_IN_FLIGHT, n));
  };

  // A throw from send (a bug) or from onResult / onProgress (the journal could not be written) stops the run: what is
  // in flight is waited for, then the error comes out of runSync.
  const start = (item: RunItem) => {
    active++;
    send(item)
      .then((r) => {
        if (r.status === 'succeeded') stats.succeeded++;
        else if (r.status === 'skipped') stats.skipped++;
        else stats.failed++;
        costUsd += r.cost_usd ?? 0;
        done++;
        tracker.completed(Date.now());
        unlimitedWindow.completed(Date.now(), latencyMs);
        onResult(r);
        progress();
      })
      .catch((error: unknown) => {
        bug ??= { error };
        stopWaiting.abort();
      })
      .finally(() => {
        active--;
        nudge();
      });
  };
  const waitFor = async (ready: () => boolean) => {
    while (!ready()) await new Promise<void>((resolve) => (wake = resolve));
  };
  const mayPull = () => {
    if (bug !== null || active < pullLimit()) return true;
    unlimitedWindow.limited();
    return false;
  };

  try {
    try {
      for await (const item of items) {
        await waitFor(mayPull);
        if (bug !== null) break;
        start(item);
      }
    } catch (err) {
      // The item stream broke (a read error): report what is in flight before passing the error on.
      await waitFor(() => active === 0);
      throw err;
    }
    await waitFor(() => active === 0);
    if (bug !== null) throw (bug as { error: unknown }).error;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    gate.close();
    if (!opts.provider) await provider.close?.();
  }
  stats.elapsedMs = Date.now() - started;
  return stats;
}
