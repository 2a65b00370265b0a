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
import type { EmulatorConfig } from './types.ts';
import type { Catalog } from '../pricing/index.ts';

export { parseDuration, DurationError } from '../shared/duration.ts';

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
  rpm?: number | null;
  tpm?: number | null;
  /** Enqueued input tokens allowed per model across in-progress batches. */
  queueLimit?: number | null;
  flexUnavailableRate?: number;
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
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT/v1 — the baseURL for the openai SDK. */
  url: string;
  port: number;
  close(): Promise<void>;
}

function rate(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${v}`);
  return v;
}

function resolve(opts: EmulatorOptions): EmulatorConfig {
  return {
    failRate: rate('failRate', opts.failRate, 0),
    httpFaultRate: rate('httpFaultRate', opts.httpFaultRate, 0),
    dropRate: rate('dropRate', opts.dropRate, 0),
    // Small batches finish in about 2 s: fast enough for tests and demos, slow enough to watch progress.
    completeAfterMs: opts.completeAfterMs ?? 2000,
    expireAfterMs: opts.expireAfterMs ?? null,
    rpm: opts.rpm ?? null,
    tpm: opts.tpm ?? null,
    queueLimit: opts.queueLimit ?? null,
    flexUnavailableRate: rate('flexUnavailableRate', opts.flexUnavailableRate, 0),
    flexDelayMs: opts.flexDelayMs ?? 0,
    seed: opts.seed ?? 0,
    validateMs: opts.validateMs ?? 200,
    finalizeMs: opts.finalizeMs ?? 200,
    log: opts.log ?? (() => {}),
  };
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const cfg = resolve(opts);
  const ownDir = opts.dataDir == null;
  const dir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'batchwise-emulator-')));
  const files = new FileStore(dir);
  await files.open();
  const cache = new PromptCache(opts.promptCacheEntries);
  const models = new ModelCatalog(opts.catalog, cfg.log);
  const batches = new BatchService(cfg, files, dir, { cache, models });
  await batches.open();
  const limiter = new RateLimiter(cfg.rpm, cfg.tpm);
  const server = createServer(createHandler({ cfg, files, batches, limiter, cache, models, random: seededStream(cfg.seed) }));
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
    port,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((r) => server.close(() => r()));
        server.closeAllConnections();
        await stopped;
        await batches.close();
        if (ownDir) await rm(dir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}
