// Message Batches over the emulator's clock. A batch's state is computed from its timestamps whenever it is asked for
// (nothing runs in the background): each request finishes at a fraction of the batch's processing time fixed by
// (seed, batch, custom_id), as the OpenAI batches' lines do (../lineFate.ts), so the counts shown at the end and the
// results written then always agree.
//   in_progress ── completeAfterMs ──► ended
//        │ cancel                   ▲
//        └─► canceling ── cancelAfterMs ──┘  (requests not finished by then: canceled)
//   expiry (expireAfterMs, else 24 h after creation) ends a batch still running: its unfinished requests expired.
// Results stay downloadable for 29 days after creation, then the results URL answers 404 (archived_at is set).
// State is in memory: a restarted emulator has no Message Batches (README: "Differences").
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { readJsonlLines } from '../../requests/readJsonl.ts';
import { hashUnit, newId, seededStream } from '../random.ts';
import { answerMessage } from './answerMessage.ts';
import { AnthropicApiError, apiError, invalid, overloaded } from './errors.ts';
import type { ClaudeModels } from './models.ts';
import type { ClaudePromptCache } from './promptCache.ts';
import { validateParams, type ApiVersion } from './validateParams.ts';

const DAY_MS = 86_400_000;
const RETENTION_MS = 29 * DAY_MS;
/** "A Message Batch is limited to either 100,000 Message requests or 256 MB in size, whichever is reached first." */
export const MAX_REQUESTS = 100_000;
const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
/** Results are shuffled within windows of this many (the real order is "not guaranteed"), memory bounded. */
const SHUFFLE_WINDOW = 256;

type Outcome = 'succeeded' | 'errored';

interface BatchRecord {
  id: string;
  ordinal: number;
  createdMs: number;
  expireAtMs: number;
  completeAfterMs: number;
  cancelAfterMs: number;
  seed: number;
  failRate: number;
  version: ApiVersion;
  cancelMs: number | null;
  deleted: boolean;
  /** The requests as sent, one JSON line each, on disk. */
  requestsPath: string;
  customIds: string[];
  /** When each request finishes, as a fraction of completeAfterMs; and how. */
  at: Float64Array;
  outcome: Outcome[];
  results: Promise<string> | null;
}

export interface StoreOptions {
  seed: number;
  failRate: number;
  completeAfterMs: number;
  expireAfterMs: number | null;
  cancelAfterMs: number;
  now: () => number;
  tempPath: () => string;
  models: ClaudeModels;
  cache: ClaudePromptCache;
}

const iso = (ms: number) => new Date(ms).toISOString();
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Half server errors, half overloads: the transient failures a batch's errored results carry (ours). */
function injectedFailure(kind: number): AnthropicApiError {
  return kind < 0.5 ? apiError() : overloaded();
}

export class MessageBatchStore {
  private readonly o: StoreOptions;
  /** Insertion order is creation order. */
  private readonly batches = new Map<string, BatchRecord>();
  private ordinal = 0;

  constructor(o: StoreOptions) {
    this.o = o;
  }

  /** Checks the envelope (what the API refuses at once), keeps the requests, and starts the batch. Params are only
   *  validated per request, into errored results (asynchronous validation). */
  async create(body: unknown, version: ApiVersion, origin: string): Promise<Record<string, unknown>> {
    if (!isObject(body) || !Array.isArray(body.requests)) throw invalid('requests: Field required');
    const requests = body.requests;
    if (requests.length === 0) throw invalid('requests: List should have at least 1 item after validation, not 0');
    if (requests.length > MAX_REQUESTS) throw invalid(`requests: List should have at most ${MAX_REQUESTS} items after validation, not ${requests.length}`);
    const seen = new Set<string>();
    requests.forEach((r, i) => {
      if (!isObject(r)) throw invalid(`requests.${i}: Input should be a valid dictionary`);
      const id = r.custom_id;
      if (typeof id !== 'string') throw invalid(`requests.${i}.custom_id: Field required`);
      if (!CUSTOM_ID.test(id)) throw invalid(`requests.${i}.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`);
      if (seen.has(id)) throw invalid(`requests.${i}.custom_id: Duplicate custom_id '${id}'; custom_id must be unique within a Message Batch`);
      seen.add(id);
      if (!isObject(r.params)) throw invalid(`requests.${i}.params: Field required`);
    });
    const now = this.o.now();
    const ordinal = ++this.ordinal;
    const path = this.o.tempPath();
    const out = createWriteStream(path);
    const customIds: string[] = [];
    const at = new Float64Array(requests.length);
    const outcome: Outcome[] = [];
    for (const [i, r] of (requests as Record<string, unknown>[]).entries()) {
      const id = r.custom_id as string;
      customIds.push(id);
      at[i] = 1 - hashUnit(this.o.seed, 'finish', ordinal, id);
      const failure = this.failureOf(r.params, version, ordinal, id, this.o.seed, this.o.failRate);
      outcome.push(failure ? 'errored' : 'succeeded');
      if (!out.write(JSON.stringify({ custom_id: id, params: r.params }) + '\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const record: BatchRecord = {
      id: newId('msgbatch_01', 22),
      ordinal,
      createdMs: now,
      expireAtMs: now + (this.o.expireAfterMs ?? DAY_MS),
      completeAfterMs: this.o.completeAfterMs,
      cancelAfterMs: this.o.cancelAfterMs,
      seed: this.o.seed,
      failRate: this.o.failRate,
      version,
      cancelMs: null,
      deleted: false,
      requestsPath: path,
      customIds,
      at,
      outcome,
      results: null,
    };
    this.batches.set(record.id, record);
    return this.view(record, origin);
  }

  /** How a request ends if it runs: its params' error (validated as a direct call would be), else an injected
   *  failure at --fail-rate, else an answer. Fixed by (seed, batch, custom_id) alone. */
  private failureOf(params: unknown, version: ApiVersion, ordinal: number, id: string, seed: number, failRate: number): AnthropicApiError | null {
    try {
      validateParams(params, this.o.models, version, 'batch');
    } catch (err) {
      if (err instanceof AnthropicApiError) return err;
      throw err;
    }
    if (failRate > 0 && hashUnit(seed, 'fail', ordinal, id) < failRate) return injectedFailure(hashUnit(seed, 'kind', ordinal, id));
    return null;
  }

  retrieve(id: string, origin: string): Record<string, unknown> {
    return this.view(this.find(id), origin);
  }

  /** Newest first. `after_id`: the page after that batch (older ones); `before_id`: the page before it (newer). */
  list(limit: number, beforeId: string | null, afterId: string | null, origin: string): Record<string, unknown> {
    const newest = [...this.batches.values()].filter((b) => !b.deleted).reverse();
    let start = 0;
    let end = newest.length;
    if (afterId !== null) {
      const at = newest.findIndex((b) => b.id === afterId);
      start = at === -1 ? newest.length : at + 1;
      end = Math.min(newest.length, start + limit);
    } else if (beforeId !== null) {
      const at = newest.findIndex((b) => b.id === beforeId);
      end = at === -1 ? 0 : at;
      start = Math.max(0, end - limit);
    } else {
      end = Math.min(newest.length, limit);
    }
    const page = newest.slice(start, end);
    const data = page.map((b) => this.view(b, origin));
    const hasMore = beforeId !== null ? start > 0 : end < newest.length;
    return { data, has_more: hasMore, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null };
  }

  cancel(id: string, origin: string): Record<string, unknown> {
    const b = this.find(id);
    const now = this.o.now();
    if (this.endMs(b) <= now) throw invalid(`Batch ${id} has already ended and cannot be canceled.`);
    if (b.cancelMs === null) b.cancelMs = now;
    return this.view(b, origin);
  }

  delete(id: string): Record<string, unknown> {
    const b = this.find(id);
    if (this.endMs(b) > this.o.now()) throw invalid(`Batch ${id} is still processing; cancel it and wait for it to end before deleting it.`);
    b.deleted = true;
    void rm(b.requestsPath, { force: true });
    return { id, type: 'message_batch_deleted' };
  }

  /** The results file of an ended batch (written once, on first ask), or the API's 404. */
  async resultsPath(id: string): Promise<string> {
    const b = this.find(id);
    const now = this.o.now();
    if (this.endMs(b) > now) throw invalid(`Batch ${id} is still processing; its results are not available yet.`);
    if (now >= b.createdMs + RETENTION_MS) throw new AnthropicApiError('not_found_error', `The results of batch ${id} are no longer available (kept for 29 days after creation).`);
    // A write that failed (the disk, a closing emulator) is tried again on the next ask.
    b.results ??= this.writeResults(b).catch((err: unknown) => {
      b.results = null;
      throw err;
    });
    return b.results;
  }

  private find(id: string): BatchRecord {
    const b = this.batches.get(id);
    if (!b || b.deleted) throw new AnthropicApiError('not_found_error', `No message batch found with id '${id}'.`);
    return b;
  }

  /** When processing ends: every request done, the cancel settled, or the expiry, whichever is first. */
  private endMs(b: BatchRecord): number {
    const done = b.createdMs + b.completeAfterMs;
    const cancelled = b.cancelMs === null ? Infinity : b.cancelMs + b.cancelAfterMs;
    return Math.min(done, cancelled, b.expireAtMs);
  }

  /** How the batch ends: every request ran, or the rest was canceled or expired. */
  private endingOf(b: BatchRecord): 'done' | 'canceled' | 'expired' {
    const end = this.endMs(b);
    if (end === b.createdMs + b.completeAfterMs) return 'done';
    return b.cancelMs !== null && end === b.cancelMs + b.cancelAfterMs ? 'canceled' : 'expired';
  }

  /** Whether request i had run when processing ended. */
  private ran(b: BatchRecord, i: number): boolean {
    return b.at[i] * b.completeAfterMs <= this.endMs(b) - b.createdMs;
  }

  private counts(b: BatchRecord, ended: boolean): Record<string, number> {
    const c = { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
    // "Requests start as processing and move to one of the other statuses only once processing of the entire batch
    // ends."
    if (!ended) return { ...c, processing: b.customIds.length };
    const unrun = this.endingOf(b) === 'canceled' ? 'canceled' : 'expired';
    for (let i = 0; i < b.customIds.length; i++) {
      if (this.ran(b, i)) c[b.outcome[i]]++;
      else c[unrun]++;
    }
    return c;
  }

  private view(b: BatchRecord, origin: string): Record<string, unknown> {
    const now = this.o.now();
    const end = this.endMs(b);
    const ended = now >= end;
    const status = ended ? 'ended' : b.cancelMs !== null ? 'canceling' : 'in_progress';
    const archived = now >= b.createdMs + RETENTION_MS;
    return {
      id: b.id,
      type: 'message_batch',
      processing_status: status,
      request_counts: this.counts(b, ended),
      ended_at: ended ? iso(end) : null,
      created_at: iso(b.createdMs),
      expires_at: iso(b.expireAtMs),
      archived_at: archived ? iso(b.createdMs + RETENTION_MS) : null,
      cancel_initiated_at: b.cancelMs === null ? null : iso(b.cancelMs),
      results_url: ended ? `${origin}/v1/messages/batches/${b.id}/results` : null,
    };
  }

  /** Answers the requests that ran (in their order, so the prompt cache warms as it would), and writes every
   *  request's result line, shuffled within windows. */
  private async writeResults(b: BatchRecord): Promise<string> {
    const path = this.o.tempPath();
    const out = createWriteStream(path);
    const shuffle = seededStream(Math.floor(hashUnit(b.seed, 'results-order', b.ordinal) * 0x1_0000_0000));
    let window: string[] = [];
    const flush = async () => {
      for (let i = window.length - 1; i > 0; i--) {
        const j = Math.floor(shuffle() * (i + 1));
        [window[i], window[j]] = [window[j], window[i]];
      }
      for (const line of window) if (!out.write(line)) await once(out, 'drain');
      window = [];
    };
    const ending = this.endingOf(b);
    const answeredAt = this.endMs(b);
    let i = 0;
    for await (const raw of readJsonlLines(b.requestsPath)) {
      const { custom_id: id, params } = JSON.parse(raw.text) as { custom_id: string; params: Record<string, unknown> };
      let result: Record<string, unknown>;
      if (!this.ran(b, i)) result = { type: ending === 'canceled' ? 'canceled' : 'expired' };
      else {
        const failure = this.failureOf(params, b.version, b.ordinal, id, b.seed, b.failRate);
        if (failure) result = { type: 'errored', error: failure.body(null) };
        else {
          const { model } = validateParams(params, this.o.models, b.version, 'batch');
          result = { type: 'succeeded', message: answerMessage(params, model, { seed: b.seed, now: answeredAt, mode: 'batch', cache: this.o.cache }) };
        }
      }
      window.push(JSON.stringify({ custom_id: id, result }) + '\n');
      if (window.length >= SHUFFLE_WINDOW) await flush();
      i++;
    }
    await flush();
    out.end();
    await once(out, 'finish');
    return path;
  }
}
