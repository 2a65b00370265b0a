// The baseline bench/syncThroughput.bench.ts races: a plain token-bucket client the way OpenAI's cookbook
// (examples/api_request_parallel_processor.py) does it, written here from the algorithm, not from its code:
//   - two buckets, requests and tokens, each holding up to the per-minute figure, full at the start, refilled
//     continuously (limit × seconds since the last look / 60);
//   - a loop that looks every millisecond: the next request (a retry first) goes when both buckets hold enough,
//     and takes 1 request and its token count from them — the count being prompt tokens + n × max_tokens;
//   - no cap on requests in flight;
//   - a failed call goes back in the retry queue while attempts are left; after a 429 the whole loop pauses 15 s.
// HTTP is plain fetch (the cookbook uses aiohttp); nothing of batchwise's runner is used.
import { setTimeout as sleep } from 'node:timers/promises';

export interface CookbookRequest {
  url: string;
  body: Record<string, unknown>;
  /** What the cookbook reserves against the tokens limit. */
  tokens: number;
}

export interface CookbookOptions {
  rpm: number;
  tpm: number;
  apiKey: string;
  maxAttempts?: number;
  /** Epoch ms: send nothing after it (the benchmark's bound on a client that stalls); unsent requests are `unsent`. */
  stopAt?: number;
  /** Every call's outcome, for the benchmark's measurements. */
  onCall?: (c: { sentAt: number; answeredAt: number; status: number; headers: Headers | null }) => void;
}

export interface CookbookStats {
  succeeded: number;
  failed: number;
  rateLimited429: number;
  unsent: number;
  elapsedMs: number;
}

const PAUSE_AFTER_429_MS = 15_000;
const LOOP_SLEEP_MS = 1;

export async function runCookbookClient(requests: CookbookRequest[], opts: CookbookOptions): Promise<CookbookStats> {
  const started = Date.now();
  const stats: CookbookStats = { succeeded: 0, failed: 0, rateLimited429: 0, unsent: 0, elapsedMs: 0 };
  const retryQueue: { req: CookbookRequest; attemptsLeft: number }[] = [];
  let nextIndex = 0;
  let next: { req: CookbookRequest; attemptsLeft: number } | null = null;
  let inProgress = 0;
  let requestCapacity = opts.rpm;
  let tokenCapacity = opts.tpm;
  let lastUpdate = Date.now();
  let last429 = 0;

  const call = async (job: { req: CookbookRequest; attemptsLeft: number }) => {
    const sentAt = Date.now();
    let status = 0;
    let headers: Headers | null = null;
    try {
      const res = await fetch(job.req.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(job.req.body),
      });
      status = res.status;
      headers = res.headers;
      await res.arrayBuffer();
    } catch {
      status = 0;
    }
    opts.onCall?.({ sentAt, answeredAt: Date.now(), status, headers });
    if (status === 200) {
      stats.succeeded++;
      inProgress--;
      return;
    }
    if (status === 429) {
      stats.rateLimited429++;
      last429 = Date.now();
    }
    if (job.attemptsLeft > 0) retryQueue.push(job);
    else {
      stats.failed++;
      inProgress--;
    }
  };

  for (;;) {
    if (opts.stopAt !== undefined && Date.now() >= opts.stopAt) {
      // Out of time: what was never sent (or waits for a retry) is counted, what is in flight is waited for.
      stats.unsent = requests.length - nextIndex + retryQueue.length + (next ? 1 : 0);
      inProgress -= retryQueue.length + (next ? 1 : 0);
      retryQueue.length = 0;
      next = null;
      nextIndex = requests.length;
      while (inProgress > 0) await sleep(10);
      break;
    }
    if (next === null) {
      if (retryQueue.length > 0) next = retryQueue.shift()!;
      else if (nextIndex < requests.length) {
        next = { req: requests[nextIndex++], attemptsLeft: opts.maxAttempts ?? 5 };
        inProgress++;
      }
    }
    const now = Date.now();
    const seconds = (now - lastUpdate) / 1000;
    requestCapacity = Math.min(opts.rpm, requestCapacity + (opts.rpm * seconds) / 60);
    tokenCapacity = Math.min(opts.tpm, tokenCapacity + (opts.tpm * seconds) / 60);
    lastUpdate = now;
    if (next !== null && requestCapacity >= 1 && tokenCapacity >= next.req.tokens) {
      requestCapacity -= 1;
      tokenCapacity -= next.req.tokens;
      next.attemptsLeft--;
      void call(next);
      next = null;
    }
    if (inProgress === 0) break;
    await sleep(LOOP_SLEEP_MS);
    const since429 = Date.now() - last429;
    if (since429 < PAUSE_AFTER_429_MS) await sleep(Math.min(PAUSE_AFTER_429_MS - since429, Math.max(0, (opts.stopAt ?? Infinity) - Date.now())));
  }
  stats.elapsedMs = Date.now() - started;
  return stats;
}
