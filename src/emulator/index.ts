// batchwise's local OpenAI-compatible server: Files, Batches, and the sync endpoints, with fault injection.
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { BatchService } from './batchService.ts';
import { FileStore } from './fileStore.ts';
import { ModelCatalog } from './modelTraits.ts';
import { PromptCache } from './promptCache.ts';
import { RateLimiter } from './rateLimiter.ts';
import { seededStream } from './random.ts';
import { createHandler } from './server.ts';
import type { CancelledLines, EmulatorConfig, LimiterKind, TokenCounting } from './types.ts';
import type { Catalog } from '../pricing/index.ts';

export type { CancelledLines, LimiterKind, TokenCounting } from './types.ts';

export { parseDuration, DurationError } from '../shared/duration.ts';

import type { GeminiSwitches } from './gemini/switches.ts';
import type { AnthropicSwitches } from './anthropic/switches.ts';

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Fraction of batch lines that fail (500 / 429 / 400 lines in the error file). */
  failRate?: number;
  /** Fraction of calls answered 500 or 503. */
  httpFaultRate?: number;
  /** Fraction of calls whose connection is reset (file downloads: half-way through the body). */
  dropRate?: number;
  /** How long an in-progress batch takes to run all its lines. */
  completeAfterMs?: number;
  /** A batch still running this long after creation expires (null: 24h, as the real API). */
  expireAfterMs?: number | null;
  /** Requests / tokens per minute per model on the sync endpoints (null: unlimited, no x-ratelimit-* headers). */
  rpm?: number | null;
  tpm?: number | null;
  /** How the per-minute limits are kept: `bucket` (default) a continuous token bucket, capacity = the limit, refilling
   *  limit/60 per second; `window` a sliding 60 s window. */
  limiter?: LimiterKind;
  /** Also refuse more than ceil(limit/60) requests or tokens within any 1 s ("may be enforced as 1,000
   *  requests/second"). Default false. */
  perSecond?: boolean;
  /** What a request counts against the token limit: `max` (default) max(max_tokens, ceil(chars/4)); `sum` input
   *  tokens + max_tokens. */
  tokenCounting?: TokenCounting;
  /** How long a sync answer is held before it is sent (default 0). */
  latencyMs?: number;
  /** ± fraction of latencyMs, drawn from the seed (0–1, default 0.2). */
  latencyJitter?: number;
  /** Flex answers take this many times latencyMs (default 3). */
  flexSlowdownFactor?: number;
  /** Priority (fast, ultrafast) answers take this many times latencyMs (default 0.5). */
  priorityLatencyFactor?: number;
  /** Enqueued input tokens allowed per model across its validating, in-progress and finalizing batches (null: none). */
  queueLimit?: number | null;
  /** Batches that can be created per hour (default 2000, as the guide says); over it POST /v1/batches is a 429. */
  creationsPerHour?: number;
  /** How long a cancelled batch shows `cancelling` (lines keep finishing meanwhile); default finalizeMs. */
  cancelAfterMs?: number;
  /** Where a cancelled batch's unrun lines go: `omitted` (default: in neither file) or `error-file` (batch_cancelled). */
  cancelledLines?: CancelledLines;
  flexUnavailableRate?: number;
  /** Added to a flex answer's hold (ms). */
  flexDelayMs?: number;
  seed?: number;
  /** Where files and batch state persist across restarts; null: a temp dir removed on close. */
  dataDir?: string | null;
  /** Minimum time a batch shows `validating`. */
  validateMs?: number;
  /** Minimum time a batch shows `finalizing` (and `cancelling`). */
  finalizeMs?: number;
  log?: (line: string) => void;
  /** Which models reason and cache (tests); default: batchwise's bundled price catalog. */
  catalog?: Catalog;
  /** How many prefix hashes the prompt cache keeps (least recently used go first). */
  promptCacheEntries?: number;
  /** Azure OpenAI: deployment name → the model it serves. Calls under /openai/v1/ (Azure's v1 API, `api-key` header)
   *  must name a deployment as their model when this is given; their batches never expire (Azure: "we do not expire
   *  the jobs that take longer"). */
  azureDeployments?: Record<string, string>;
  /** Gemini: each plausible behaviour where Google's docs are silent (state prefix, a cancelled job's output, shut-down
   *  models, display-name length, valid keys); src/emulator/gemini/README.md. */
  gemini?: Partial<GeminiSwitches>;
  /** Anthropic: an output-tokens-per-minute limit, and the two things its rate-limit docs leave open (whether output
   *  is reserved from max_tokens; whether remaining tokens are shown rounded to thousands); anthropic/README.md. */
  anthropic?: Partial<AnthropicSwitches>;
  /** The emulator's clock in ms (default Date.now): tests drive limits, lifecycles and expiry with it. Held answers
   *  (latencyMs) wait on real timers whatever the clock says. */
  now?: () => number;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT/v1 — the baseURL for the openai SDK. */
  url: string;
  /** http://127.0.0.1:PORT — the base URL for the other providers (Azure endpoint, Anthropic's and Gemini's SDK base). */
  origin: string;
  port: number;
  close(): Promise<void>;
}

function rate(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${v}`);
  return v;
}

function oneOf<T extends string>(name: string, value: T | undefined, allowed: readonly T[], fallback: T): T {
  const v = value ?? fallback;
  if (!allowed.includes(v)) throw new RangeError(`${name} must be one of ${allowed.join(', ')}, got ${String(v)}`);
  return v;
}

function atLeast(name: string, value: number | undefined, fallback: number, min = 0): number {
  const v = value ?? fallback;
  if (!(v >= min)) throw new RangeError(`${name} must be a number ≥ ${min}, got ${v}`);
  return v;
}

function resolve(opts: EmulatorOptions): EmulatorConfig {
  const finalizeMs = opts.finalizeMs ?? 200;
  return {
    ...(opts.gemini ? { gemini: opts.gemini } : {}),
    ...(opts.anthropic ? { anthropic: opts.anthropic } : {}),
    failRate: rate('failRate', opts.failRate, 0),
    httpFaultRate: rate('httpFaultRate', opts.httpFaultRate, 0),
    dropRate: rate('dropRate', opts.dropRate, 0),
    // Small batches finish in about 2 s: fast enough for tests and demos, slow enough to watch progress.
    completeAfterMs: opts.completeAfterMs ?? 2000,
    expireAfterMs: opts.expireAfterMs ?? null,
    rpm: opts.rpm ?? null,
    tpm: opts.tpm ?? null,
    queueLimit: opts.queueLimit ?? null,
    limiter: oneOf('limiter', opts.limiter, ['bucket', 'window'], 'bucket'),
    perSecond: opts.perSecond ?? false,
    tokenCounting: oneOf('tokenCounting', opts.tokenCounting, ['max', 'sum'], 'max'),
    latencyMs: atLeast('latencyMs', opts.latencyMs, 0),
    latencyJitter: rate('latencyJitter', opts.latencyJitter, 0.2),
    // Flex is "slower response times"; Fast mode "up to 2.5x faster speeds": the factors are ours.
    flexSlowdownFactor: atLeast('flexSlowdownFactor', opts.flexSlowdownFactor, 3),
    priorityLatencyFactor: atLeast('priorityLatencyFactor', opts.priorityLatencyFactor, 0.5),
    // "You can create up to 2,000 batches per hour."
    creationsPerHour: atLeast('creationsPerHour', opts.creationsPerHour, 2000),
    cancelAfterMs: atLeast('cancelAfterMs', opts.cancelAfterMs, finalizeMs),
    // OpenAI documents only that a cancelled batch's finished answers are in the output file.
    cancelledLines: oneOf('cancelledLines', opts.cancelledLines, ['omitted', 'error-file'], 'omitted'),
    flexUnavailableRate: rate('flexUnavailableRate', opts.flexUnavailableRate, 0),
    flexDelayMs: opts.flexDelayMs ?? 0,
    seed: opts.seed ?? 0,
    validateMs: opts.validateMs ?? 200,
    finalizeMs,
    now: opts.now ?? Date.now,
    log: opts.log ?? (() => {}),
  };
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const cfg = resolve(opts);
  const ownDir = opts.dataDir == null;
  const dir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'batchwise-emulator-')));
  const files = new FileStore(dir, cfg.now);
  await files.open();
  const cache = new PromptCache(opts.promptCacheEntries);
  const models = new ModelCatalog(opts.catalog, cfg.log, opts.azureDeployments ?? {});
  const batches = new BatchService(cfg, files, dir, { cache, models });
  await batches.open();
  const limiter = new RateLimiter({ rpm: cfg.rpm, tpm: cfg.tpm, limiter: cfg.limiter, perSecond: cfg.perSecond, now: cfg.now });
  const stopping = new AbortController();
  const server = createServer(
    createHandler({
      cfg,
      files,
      batches,
      limiter,
      cache,
      models,
      random: seededStream(cfg.seed),
      // Its own stream, so that turning latency on does not move the seeded faults.
      latencyRandom: seededStream((cfg.seed ^ 0x5f3759df) >>> 0),
      closing: stopping.signal,
    }),
  );
  // Keep-alive sockets left by the SDK must not hold close() up.
  server.keepAliveTimeout = 1000;

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${shownHost}:${port}/v1`,
    origin: `http://${shownHost}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((r) => server.close(() => r()));
        stopping.abort();
        server.closeAllConnections();
        await stopped;
        await batches.close();
        if (ownDir) await rm(dir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}
