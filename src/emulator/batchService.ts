// The Batches API and the batch lifecycle. Status moves on timers but is computed from timestamps
// (created / in progress / cancelling), so a restarted emulator (--data-dir) knows where every batch is.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from './apiError.ts';
import { readBatchParams } from './batchParams.ts';
import type { FileStore } from './fileStore.ts';
import { meterOf, type Meter } from './meters.ts';
import { defaultModelCatalog, type ModelCatalog } from './modelTraits.ts';
import { retryHeaders } from './rateLimiter.ts';
import { formatGoDuration } from '../shared/duration.ts';
import type { PromptCache } from './promptCache.ts';
import { readJsonDir, writeJsonAtomic } from './persist.ts';
import { newId } from './random.ts';
import { countUpTo, scanBatchInput, type BatchPlan } from './scanBatchInput.ts';
import type { BatchError, BatchObject, BatchRecord, EmulatorConfig } from './types.ts';
import { writeBatchResults, type UnfinishedCode, type WriteResultsSummary } from './writeBatchResults.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const FINISHED = new Set(['completed', 'failed', 'expired', 'cancelled']);
/** Statuses whose input tokens occupy the model's enqueued-token queue (validating batches too, once they have passed
 *  their own check: see queueError). Cancelling batches hold none (ours: the guide says only that a completed batch's
 *  "input tokens are cleared"). */
const ENQUEUED = new Set(['in_progress', 'finalizing']);

type Ending = 'completed' | 'expired' | 'cancelled';

interface Finishing {
  ending: Ending;
  result: { summary: WriteResultsSummary; outputFileId: string | null; errorFileId: string | null } | null;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

export interface BatchPage {
  object: 'list';
  data: BatchObject[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

export class BatchService {
  private readonly cfg: EmulatorConfig;
  private readonly files: FileStore;
  private readonly dir: string;
  /** Insertion order is creation order. */
  private readonly records = new Map<string, BatchRecord>();
  private readonly plans = new Map<string, BatchPlan>();
  private readonly scanning = new Set<string>();
  private readonly finishing = new Map<string, Finishing>();
  private readonly writes = new Map<string, Promise<void>>();
  private readonly work = new Set<Promise<unknown>>();
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private ordinal = 0;
  private readonly answering: { cache?: PromptCache; models?: ModelCatalog };
  private readonly models: ModelCatalog;
  /** "You can create up to 2,000 batches per hour" (GUIDE), kept with the same limiter kind as the sync limits. */
  private readonly creations: Meter | null;

  constructor(cfg: EmulatorConfig, files: FileStore, dir: string, answering: { cache?: PromptCache; models?: ModelCatalog } = {}) {
    this.cfg = cfg;
    this.files = files;
    this.dir = join(dir, 'batches');
    this.answering = answering;
    this.models = answering.models ?? defaultModelCatalog();
    this.creations = Number.isFinite(cfg.creationsPerHour) ? meterOf(cfg.limiter, cfg.creationsPerHour, HOUR_MS, cfg.now()) : null;
  }

  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const stored = await readJsonDir<BatchRecord>(this.dir);
    stored.sort((a, b) => a.internals.ordinal - b.internals.ordinal);
    for (const r of stored) {
      this.records.set(r.batch.id, r);
      this.ordinal = Math.max(this.ordinal, r.internals.ordinal);
    }
    // Running batches get their plan back before the server answers, so that a restarted emulator never shows
    // lower counts than before it stopped.
    for (const r of this.records.values()) {
      const running = r.batch.status === 'in_progress' || (r.batch.status === 'cancelling' && r.internals.inProgressMs !== null);
      const file = this.files.get(r.batch.input_file_id, true);
      if (!running || !file) continue;
      this.plans.set(r.batch.id, await this.scan(r, file.id, false));
    }
    // Polling drives the lifecycle even when nobody asks, so output files appear on time.
    this.timer = setInterval(() => this.advanceAll(), 20);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.abort.abort();
    await Promise.allSettled([...this.work]);
    await Promise.allSettled([...this.writes.values()]);
  }

  /** `expires: false`: Azure's Global Batch, which does not expire jobs. */
  create(body: Record<string, unknown>, opts: { expires?: boolean } = {}): BatchObject {
    const expires = opts.expires ?? true;
    const params = readBatchParams(body);
    const file = this.files.get(params.input_file_id);
    if (!file) {
      throw new ApiError(404, `No such File object: ${params.input_file_id}`, { param: 'input_file_id' });
    }
    if (file.purpose !== 'batch') {
      throw new ApiError(400, `Invalid 'input_file_id': file ${file.id} has purpose '${file.purpose}', but a batch needs a file with purpose 'batch'.`, {
        param: 'input_file_id',
      });
    }
    const now = this.cfg.now();
    if (this.creations) {
      const waitMs = this.creations.waitFor(1, now);
      if (waitMs > 0) {
        // The real message is not documented: this one says the limit and when to retry.
        const limit = this.cfg.creationsPerHour.toLocaleString('en-US');
        throw new ApiError(429, `Batch creation rate limit reached: you can create up to ${limit} batches per hour. Please try again in ${formatGoDuration(waitMs)}.`, {
          type: 'requests',
          code: 'rate_limit_exceeded',
          headers: retryHeaders(waitMs),
        });
      }
      this.creations.take(1, now);
    }
    const created = seconds(now);
    const batch: BatchObject = {
      id: newId('batch_', 24),
      object: 'batch',
      endpoint: params.endpoint,
      model: null,
      errors: null,
      input_file_id: params.input_file_id,
      completion_window: '24h',
      status: 'validating',
      output_file_id: null,
      error_file_id: null,
      created_at: created,
      in_progress_at: null,
      expires_at: expires ? created + 86_400 : null,
      finalizing_at: null,
      completed_at: null,
      failed_at: null,
      expired_at: null,
      cancelling_at: null,
      cancelled_at: null,
      request_counts: { total: 0, completed: 0, failed: 0 },
      metadata: params.metadata,
      usage: zeroUsage(),
    };
    const record: BatchRecord = {
      batch,
      internals: {
        ordinal: ++this.ordinal,
        endpoint: params.endpoint,
        createdMs: now,
        inProgressMs: null,
        cancellingMs: null,
        finalizingMs: null,
        expireAtMs: expires ? now + (this.cfg.expireAfterMs ?? DAY_MS) : null,
        completeAfterMs: this.cfg.completeAfterMs,
        seed: this.cfg.seed,
        failRate: this.cfg.failRate,
        inputTokens: 0,
        queueModel: null,
        outputExpiresAfterS: params.outputExpiresAfterS,
        ...(expires ? {} : { azure: true }),
      },
    };
    this.records.set(batch.id, record);
    this.persist(record);
    this.advance(record, now);
    return structuredClone(batch);
  }

  retrieve(id: string): BatchObject {
    const record = this.find(id);
    this.advance(record, this.cfg.now());
    return structuredClone(record.batch);
  }

  list(limit: number, after: string | null): BatchPage {
    const now = this.cfg.now();
    const newest = [...this.records.values()].reverse();
    let start = 0;
    if (after !== null) {
      const at = newest.findIndex((r) => r.batch.id === after);
      // An unknown cursor lists nothing after it rather than starting over.
      start = at === -1 ? newest.length : at + 1;
    }
    const page = newest.slice(start, start + limit);
    for (const r of page) this.advance(r, now);
    const data = page.map((r) => structuredClone(r.batch));
    return {
      object: 'list',
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: start + limit < newest.length,
    };
  }

  cancel(id: string): BatchObject {
    const record = this.find(id);
    const now = this.cfg.now();
    this.advance(record, now);
    const b = record.batch;
    if (FINISHED.has(b.status) || b.status === 'finalizing') {
      throw new ApiError(409, `Cannot cancel a batch with status '${b.status}'.`);
    }
    if (b.status !== 'cancelling') {
      b.status = 'cancelling';
      b.cancelling_at = seconds(now);
      record.internals.cancellingMs = now;
      record.internals.cancelAfterMs = this.cfg.cancelAfterMs;
      record.internals.cancelledLines = this.cfg.cancelledLines;
      this.persist(record);
    }
    return structuredClone(b);
  }

  private find(id: string): BatchRecord {
    const record = this.records.get(id);
    if (!record) throw new ApiError(404, `No batch found with id '${id}'.`);
    return record;
  }

  private advanceAll(): void {
    const now = this.cfg.now();
    for (const r of this.records.values()) if (!FINISHED.has(r.batch.status)) this.advance(r, now);
  }

  /** Moves a batch as far as time and finished background work allow. */
  private advance(record: BatchRecord, now: number): void {
    if (this.abort.signal.aborted) return;
    const b = record.batch;
    const i = record.internals;
    switch (b.status) {
      case 'validating': {
        const plan = this.planFor(record);
        if (!plan || now < i.createdMs + this.cfg.validateMs) return;
        if (plan.errors.length > 0) return this.fail(record, plan.errors, now);
        const queueError = this.queueError(record, plan);
        if (queueError) return this.fail(record, [queueError], now);
        b.status = 'in_progress';
        b.in_progress_at = seconds(now);
        // "Model ID used to process the batch, like gpt-5-2025-08-07": the snapshot, as in the lines' answers.
        b.model = plan.model === null ? null : this.models.answeredName(plan.model);
        b.request_counts.total = plan.total;
        i.inProgressMs = now;
        i.inputTokens = plan.inputTokens;
        i.queueModel = this.queueOf(plan.model);
        this.persist(record);
        return;
      }
      case 'in_progress': {
        const plan = this.planFor(record);
        const started = i.inProgressMs as number;
        if (i.expireAtMs !== null && now >= i.expireAtMs) {
          if (plan) this.setCounts(record, plan, this.fractionAt(record, i.expireAtMs));
          return this.finish(record, 'expired', this.fractionAt(record, i.expireAtMs), now);
        }
        if (now >= started + i.completeAfterMs) {
          b.status = 'finalizing';
          b.finalizing_at = seconds(now);
          i.finalizingMs = now;
          if (plan) this.setCounts(record, plan, 1);
          this.persist(record);
          return this.finish(record, 'completed', 1, now);
        }
        if (plan) this.setCounts(record, plan, this.fractionAt(record, now));
        return;
      }
      case 'finalizing':
        if (now < (i.finalizingMs ?? 0) + this.cfg.finalizeMs) return;
        return this.finish(record, 'completed', 1, now);
      case 'cancelling': {
        // "cancelling until in-flight requests are complete (up to 10 minutes)": for cancelAfterMs the lines keep
        // finishing at the batch's pace (ours), then the batch is cancelled with what finished.
        const doneMs = (i.cancellingMs as number) + (i.cancelAfterMs ?? this.cfg.cancelAfterMs);
        if (i.inProgressMs === null) {
          // Cancelled while validating: nothing ran, so there are no result files.
          if (now < doneMs) return;
          b.status = 'cancelled';
          b.cancelled_at = seconds(now);
          this.persist(record);
          return;
        }
        const plan = this.planFor(record);
        if (plan) this.setCounts(record, plan, this.fractionAt(record, Math.min(now, doneMs)));
        if (now < doneMs) return;
        return this.finish(record, 'cancelled', this.fractionAt(record, doneMs), now);
      }
      default:
        return;
    }
  }

  private fractionAt(record: BatchRecord, ms: number): number {
    const i = record.internals;
    return Math.min(1, Math.max(0, (ms - (i.inProgressMs as number)) / Math.max(1, i.completeAfterMs)));
  }

  private setCounts(record: BatchRecord, plan: BatchPlan, fraction: number): void {
    record.batch.request_counts.completed = countUpTo(plan.successAt, fraction);
    record.batch.request_counts.failed = countUpTo(plan.failureAt, fraction);
  }

  private fail(record: BatchRecord, errors: BatchError[], now: number): void {
    record.batch.status = 'failed';
    record.batch.failed_at = seconds(now);
    record.batch.errors = { object: 'list', data: errors };
    this.plans.delete(record.batch.id);
    this.persist(record);
  }

  /** The queue a model's batches share: its catalog key (a snapshot queues with its family). */
  private queueOf(model: string | null): string | null {
    return model === null ? null : this.models.traits(model).key;
  }

  /** "Enqueued token limit reached…": the batch's input tokens plus those of the model's batches in progress or
   *  finalizing, and of the ones created before it that are still validating but already counted (they passed or
   *  will pass this check first). The message and shape are the real ones, quoted in shared/reference/batch-api.md
   *  ("Queue (enqueued-token) limits"; openai/openai-python#2084): code `token_limit_exceeded`, line and param null,
   *  "Enqueued token limit reached for gpt-4o-mini in organization org-…. Limit: 2,000,000 enqueued tokens. Please try
   *  again once some in_progress batches have been completed." */
  private queueError(record: BatchRecord, plan: BatchPlan): BatchError | null {
    const limit = this.cfg.queueLimit;
    if (limit === null || plan.model === null) return null;
    const queue = this.queueOf(plan.model);
    let enqueued = 0;
    for (const r of this.records.values()) {
      if (r === record) continue;
      if (ENQUEUED.has(r.batch.status)) {
        if ((r.internals.queueModel ?? this.queueOf(r.batch.model)) === queue) enqueued += r.internals.inputTokens;
      } else if (r.batch.status === 'validating' && r.internals.ordinal < record.internals.ordinal) {
        const earlier = this.plans.get(r.batch.id);
        if (earlier && earlier.errors.length === 0 && this.queueOf(earlier.model) === queue) enqueued += earlier.inputTokens;
      }
    }
    if (enqueued + plan.inputTokens <= limit) return null;
    return {
      code: 'token_limit_exceeded',
      line: null,
      param: null,
      message: `Enqueued token limit reached for ${plan.model} in organization org-emulator. Limit: ${limit.toLocaleString('en-US')} enqueued tokens. Please try again once some in_progress batches have been completed.`,
    };
  }

  /** The run plan, or null while the input is being scanned (the scan starts here, also after a restart). */
  private planFor(record: BatchRecord): BatchPlan | null {
    const id = record.batch.id;
    const plan = this.plans.get(id);
    if (plan) return plan;
    if (this.scanning.has(id)) return null;
    this.scanning.add(id);
    const file = this.files.get(record.batch.input_file_id, record.batch.status !== 'validating');
    const job = (async () => {
      if (!file) {
        // The input file was deleted before the batch could read it.
        return {
          total: 0,
          model: null,
          inputTokens: 0,
          successAt: new Float64Array(),
          failureAt: new Float64Array(),
          errors: [{ code: 'file_not_found', line: null, param: 'input_file_id', message: `No such File object: ${record.batch.input_file_id}` }],
        } satisfies BatchPlan;
      }
      return this.scan(record, file.id, this.cfg.queueLimit !== null);
    })();
    this.track(
      job.then((p) => {
        this.plans.set(id, p);
        this.scanning.delete(id);
        this.advance(record, this.cfg.now());
      }),
    );
    return null;
  }

  private scan(record: BatchRecord, fileId: string, countTokens: boolean): Promise<BatchPlan> {
    return scanBatchInput({
      path: this.files.bodyPath(fileId),
      endpoint: record.internals.endpoint,
      seed: record.internals.seed,
      failRate: record.internals.failRate,
      ordinal: record.internals.ordinal,
      countTokens,
      signal: this.abort.signal,
      ...(record.internals.azure
        ? { maxLines: 100_000, deployments: Object.keys(this.models.deployments).length > 0 ? this.models.deployments : null }
        : {}),
    });
  }

  /** Writes the result files once, then ends the batch when they are ready. */
  private finish(record: BatchRecord, ending: Ending, cutoff: number, now: number): void {
    const b = record.batch;
    const running = this.finishing.get(b.id);
    if (running) {
      if (running.result) this.applyEnding(record, running.ending, running.result, now);
      return;
    }
    const state: Finishing = { ending, result: null };
    this.finishing.set(b.id, state);
    const file = this.files.get(b.input_file_id, true);
    const outputPath = this.files.tempPath();
    const errorPath = this.files.tempPath();
    const unfinishedCode: UnfinishedCode = ending === 'expired' ? 'batch_expired' : 'batch_cancelled';
    // Expired lines are documented in the error file; cancelled ones only where cancelledLines says so.
    const writeUnfinished = ending === 'expired' || (record.internals.cancelledLines ?? this.cfg.cancelledLines) === 'error-file';
    const expiresAfterS = record.internals.outputExpiresAfterS ?? null;
    const job = (async () => {
      const summary = file
        ? await writeBatchResults({
            inputPath: this.files.bodyPath(file.id),
            outputPath,
            errorPath,
            endpoint: record.internals.endpoint,
            seed: record.internals.seed,
            failRate: record.internals.failRate,
            ordinal: record.internals.ordinal,
            cutoff,
            unfinishedCode,
            writeUnfinished,
            now: seconds(now),
            signal: this.abort.signal,
            ...this.answering,
          })
        : { completed: 0, failed: 0, unfinished: 0, unfinishedWritten: 0, usage: { input_tokens: 0, cached_tokens: 0, output_tokens: 0, reasoning_tokens: 0 } };
      const output = summary.completed > 0 ? await this.files.adopt(outputPath, `${b.id}_output.jsonl`, 'batch_output', expiresAfterS) : null;
      const errors =
        summary.failed + summary.unfinishedWritten > 0
          ? await this.files.adopt(errorPath, `${b.id}_error.jsonl`, 'batch_output', expiresAfterS)
          : null;
      await rm(outputPath, { force: true });
      await rm(errorPath, { force: true });
      return { summary, outputFileId: output?.id ?? null, errorFileId: errors?.id ?? null };
    })();
    this.track(
      job.then((result) => {
        state.result = result;
        this.advance(record, this.cfg.now());
      }),
    );
  }

  private applyEnding(record: BatchRecord, ending: Ending, result: NonNullable<Finishing['result']>, now: number): void {
    const b = record.batch;
    const { summary } = result;
    b.output_file_id = result.outputFileId;
    b.error_file_id = result.errorFileId;
    // Unfinished (cancelled / expired) lines are counted neither completed nor failed (wherever they are written).
    b.request_counts.completed = summary.completed;
    b.request_counts.failed = summary.failed;
    b.usage = {
      input_tokens: summary.usage.input_tokens,
      input_tokens_details: { cached_tokens: summary.usage.cached_tokens },
      output_tokens: summary.usage.output_tokens,
      output_tokens_details: { reasoning_tokens: summary.usage.reasoning_tokens },
      total_tokens: summary.usage.input_tokens + summary.usage.output_tokens,
    };
    b.status = ending;
    if (ending === 'completed') b.completed_at = seconds(now);
    if (ending === 'expired') b.expired_at = seconds(now);
    if (ending === 'cancelled') b.cancelled_at = seconds(now);
    this.finishing.delete(b.id);
    this.plans.delete(b.id);
    this.persist(record);
  }

  /** Background work: its failure is logged, never an unhandled rejection; close() waits for it. */
  private track(p: Promise<unknown>): void {
    const guarded = p.catch((err: unknown) => {
      if (!this.abort.signal.aborted) this.cfg.log(`emulator: background batch work failed: ${String(err)}`);
    });
    this.work.add(guarded);
    void guarded.finally(() => this.work.delete(guarded));
  }

  /** Writes are chained per batch so that an older state never lands after a newer one. */
  private persist(record: BatchRecord): void {
    const id = record.batch.id;
    const snapshot = structuredClone(record);
    const previous = this.writes.get(id) ?? Promise.resolve();
    const next = previous.then(() => writeJsonAtomic(join(this.dir, `${id}.json`), snapshot));
    const settled = next.catch((err: unknown) => this.cfg.log(`emulator: could not save ${id}: ${String(err)}`));
    this.writes.set(id, settled);
    void settled.finally(() => {
      if (this.writes.get(id) === settled) this.writes.delete(id);
    });
  }
}

function zeroUsage(): BatchObject['usage'] {
  return {
    input_tokens: 0,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: 0,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 0,
  };
}
