// Batch Mode (ai.google.dev/api/batch-mode): jobs created from an uploaded JSONL of {"key", "request"} lines, kept
// as long-running Operations named batches/…, moving PENDING → RUNNING → SUCCEEDED on the emulator's clock (the
// same --validate / --complete-after timing as OpenAI batches), or CANCELLED, or EXPIRED "after 48 hours" with no
// results, or FAILED when the input cannot be read. A finished job's responses file has one line per request, in
// input order ("The responses will be written in the same order as the input requests"): {"key", "response"} or
// {"key", "error": Status}. Each line's fate (when it finishes, whether it fails) is fixed by (seed, job ordinal,
// key), so the counts shown while running and the file written at the end agree.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { readJsonlLines } from '../../requests/readJsonl.ts';
import { hashUnit } from '../random.ts';
import type { EmulatorConfig } from '../types.ts';
import { generateContent } from './answer.ts';
import { failedPrecondition, GeminiError, GRPC_CODE, internalError, invalidArgument, modelNotFound, notFound } from './errors.ts';
import { shortId, type GeminiFiles } from './files.ts';
import { lookupModel, type GeminiModel } from './models.ts';
import type { GeminiSwitches } from './switches.ts';

const HOUR_MS = 3_600_000;
/** "Batch expired after 48 hours". */
const EXPIRE_AFTER_MS = 48 * HOUR_MS;
const BATCH_TYPE = 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch';
const OUTPUT_TYPE = 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput';

type State = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'EXPIRED';
const ENDED = new Set<State>(['SUCCEEDED', 'FAILED', 'CANCELLED', 'EXPIRED']);

interface LinePlan {
  key: string;
  /** When the line finishes, as a fraction (0, 1] of the running time. */
  at: number;
  failure: GeminiError | null;
}

interface Plan {
  lines: LinePlan[];
  /** The input could not be read: the job fails as a whole. */
  error: GeminiError | null;
}

interface Job {
  name: string;
  ordinal: number;
  requestedModel: string;
  model: GeminiModel;
  displayName: string;
  inputFile: string;
  state: State;
  createdMs: number;
  updatedMs: number;
  runningMs: number | null;
  endedMs: number | null;
  expireAtMs: number;
  completeAfterMs: number;
  seed: number;
  failRate: number;
  plan: Plan | null;
  scanning: boolean;
  /** Set once the responses file is being written: the fraction of lines it keeps and the state it ends in. */
  finishing: { cutoff: number; ending: State } | null;
  /** The fraction of lines the responses file keeps, once it is decided (1 for a job that ran to the end). */
  cutoff: number | null;
  responsesFile: string | null;
  error: GeminiError | null;
}

export interface BatchServiceDeps {
  cfg: EmulatorConfig;
  files: GeminiFiles;
  switches: GeminiSwitches;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Half server errors, a third quota refusals, the rest a 400: what a real responses file's error lines hold. */
function injectedFailure(kind: number): GeminiError {
  if (kind < 0.5) return internalError();
  if (kind < 0.83) return new GeminiError(429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).');
  return invalidArgument('The input token count (1048577) exceeds the maximum number of tokens allowed (1048576).');
}

export class GeminiBatches {
  private readonly deps: BatchServiceDeps;
  private readonly jobs = new Map<string, Job>();
  private ordinal = 0;
  private readonly work = new Set<Promise<unknown>>();
  private closed = false;

  constructor(deps: BatchServiceDeps) {
    this.deps = deps;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.work]);
  }

  create(modelName: string, body: Record<string, unknown>): Record<string, unknown> {
    const { cfg, switches, files } = this.deps;
    const now = cfg.now();
    const found = lookupModel(modelName, now, switches.retiredModels === 'route');
    if (found.kind !== 'ok') throw modelNotFound(modelName, 'batchGenerateContent');
    const batch = (body.batch ?? null) as Record<string, unknown> | null;
    if (!batch || typeof batch !== 'object') throw invalidArgument('* BatchGenerateContentRequest.batch: batch is required\n');
    const displayName = batch.displayName ?? batch.display_name;
    if (typeof displayName !== 'string' || displayName.length === 0) throw invalidArgument('* GenerateContentBatch.display_name: display_name is required\n');
    if (displayName.length > switches.displayNameMax) {
      throw invalidArgument(`* GenerateContentBatch.display_name: display_name must be at most ${switches.displayNameMax} characters\n`);
    }
    const input = (batch.inputConfig ?? batch.input_config ?? null) as Record<string, unknown> | null;
    if (!input || typeof input !== 'object') throw invalidArgument('* GenerateContentBatch.input_config: input_config is required\n');
    if (input.requests !== undefined) throw invalidArgument('The batchwise emulator does not emulate inline batch requests; upload a file and pass input_config.file_name.');
    const fileName = input.fileName ?? input.file_name;
    if (typeof fileName !== 'string') throw invalidArgument('* GenerateContentBatch.input_config.file_name: file_name is required\n');
    files.referenced(fileName);
    const job: Job = {
      name: `batches/${shortId(36)}`,
      ordinal: ++this.ordinal,
      requestedModel: found.model.name,
      model: found.model,
      displayName,
      inputFile: fileName,
      state: 'PENDING',
      createdMs: now,
      updatedMs: now,
      runningMs: null,
      endedMs: null,
      expireAtMs: now + (cfg.expireAfterMs ?? EXPIRE_AFTER_MS),
      completeAfterMs: cfg.completeAfterMs,
      seed: cfg.seed,
      failRate: cfg.failRate,
      plan: null,
      scanning: false,
      finishing: null,
      cutoff: null,
      responsesFile: null,
      error: null,
    };
    this.jobs.set(job.name, job);
    this.advance(job, now);
    return this.operation(job);
  }

  get(name: string): Record<string, unknown> {
    const job = this.find(name);
    this.advance(job, this.deps.cfg.now());
    return this.operation(job);
  }

  /** Newest first (the real order is not documented); the page token is an offset of ours. */
  list(pageSize: number, pageToken: string | null): Record<string, unknown> {
    const now = this.deps.cfg.now();
    const all = [...this.jobs.values()].reverse();
    const start = pageToken ? Number(Buffer.from(pageToken, 'base64url').toString()) : 0;
    if (!Number.isInteger(start) || start < 0) throw invalidArgument('Invalid page token.');
    const page = all.slice(start, start + pageSize);
    for (const j of page) this.advance(j, now);
    const out: Record<string, unknown> = { operations: page.map((j) => this.operation(j)) };
    if (start + pageSize < all.length) out.nextPageToken = Buffer.from(String(start + pageSize)).toString('base64url');
    return out;
  }

  cancel(name: string): void {
    const job = this.find(name);
    const now = this.deps.cfg.now();
    this.advance(job, now);
    // The message is ours: what Google answers for a job that has ended is not documented.
    if (ENDED.has(job.state) || job.finishing) throw failedPrecondition(`The batch ${name} is already in a terminal state (${job.state}).`);
    if (job.state === 'PENDING' || this.deps.switches.cancelledOutput === 'none') {
      this.end(job, 'CANCELLED', now);
      return;
    }
    // Requests already finished are kept ("cancelledOutput: partial"); the job ends once their file is written.
    this.finish(job, this.fraction(job, now), 'CANCELLED');
  }

  delete(name: string): void {
    this.find(name);
    this.jobs.delete(name);
  }

  private find(name: string): Job {
    const job = this.jobs.get(name);
    // The message is ours.
    if (!job) throw notFound(`Batch ${name} not found.`);
    return job;
  }

  private fraction(job: Job, ms: number): number {
    if (job.runningMs === null) return 0;
    return Math.min(1, Math.max(0, (ms - job.runningMs) / Math.max(1, job.completeAfterMs)));
  }

  private end(job: Job, state: State, now: number): void {
    job.state = state;
    job.updatedMs = now;
    job.endedMs = now;
  }

  private advance(job: Job, now: number): void {
    if (this.closed || ENDED.has(job.state) || job.finishing) return;
    if (now >= job.expireAtMs) return this.end(job, 'EXPIRED', now);
    if (job.state === 'PENDING') {
      if (!job.plan) return this.scan(job);
      if (now < job.createdMs + this.deps.cfg.validateMs) return;
      if (job.plan.error) {
        job.error = job.plan.error;
        return this.end(job, 'FAILED', now);
      }
      job.state = 'RUNNING';
      job.runningMs = now;
      job.updatedMs = now;
      return;
    }
    if (job.state === 'RUNNING' && now >= (job.runningMs as number) + job.completeAfterMs) this.finish(job, 1, 'SUCCEEDED');
  }

  /** Reads the input once to fix every line's fate (a sync answer of the line decides whether it fails). */
  private scan(job: Job): void {
    if (job.scanning) return;
    job.scanning = true;
    this.track(
      (async () => {
        const lines: LinePlan[] = [];
        let error: GeminiError | null = null;
        let n = 0;
        for await (const raw of readJsonlLines(this.deps.files.bodyPath(job.inputFile))) {
          n = raw.line;
          let parsed: unknown;
          try {
            parsed = JSON.parse(raw.text);
          } catch {
            parsed = null;
          }
          const line = parsed as { key?: unknown; request?: unknown } | null;
          if (!line || typeof line !== 'object' || typeof line.key !== 'string' || typeof line.request !== 'object' || line.request === null) {
            // Ours: how Google reports an unreadable input line is not documented.
            error = invalidArgument(`Invalid input file ${job.inputFile}: line ${n} is not a JSON object with a string "key" and an object "request".`);
            break;
          }
          lines.push({ key: line.key, at: 1 - hashUnit(job.seed, 'gemini-finish', job.ordinal, line.key), failure: this.fate(job, line.key, line.request as Record<string, unknown>) });
        }
        if (!error && lines.length === 0) error = invalidArgument(`Invalid input file ${job.inputFile}: it holds no requests.`);
        job.plan = { lines, error };
        job.scanning = false;
        this.advance(job, this.deps.cfg.now());
      })(),
    );
  }

  private fate(job: Job, key: string, request: Record<string, unknown>): GeminiError | null {
    try {
      generateContent(request, { seed: job.seed, model: job.model });
    } catch (err) {
      if (err instanceof GeminiError) return err;
      throw err;
    }
    if (job.failRate > 0 && hashUnit(job.seed, 'gemini-fail', job.ordinal, key) < job.failRate) {
      return injectedFailure(hashUnit(job.seed, 'gemini-kind', job.ordinal, key));
    }
    return null;
  }

  /** Writes the responses file (lines finished by `cutoff`), then ends the job in `ending`. */
  private finish(job: Job, cutoff: number, ending: State): void {
    job.finishing = { cutoff, ending };
    job.cutoff = cutoff;
    const plan = job.plan as Plan;
    const kept = new Set(plan.lines.filter((l) => l.at <= cutoff).map((l) => l.key));
    this.track(
      (async () => {
        if (kept.size > 0) {
          const tmp = await this.deps.files.tempPath();
          const out = createWriteStream(tmp);
          // A write that fails (the data dir removed by close()) must end this job's work, not the process.
          let writeError: unknown = null;
          out.on('error', (err) => (writeError = err));
          const failures = new Map(plan.lines.map((l) => [l.key, l.failure]));
          for await (const raw of readJsonlLines(this.deps.files.bodyPath(job.inputFile))) {
            if (this.closed) break;
            const line = JSON.parse(raw.text) as { key: string; request: Record<string, unknown> };
            if (!kept.has(line.key)) continue;
            const failure = failures.get(line.key) ?? null;
            const text = failure
              ? JSON.stringify({ key: line.key, error: failure.toStatus() })
              : JSON.stringify({ key: line.key, response: generateContent(line.request, { seed: job.seed, model: job.model }) });
            if (writeError) throw writeError;
            if (!out.write(`${text}\n`)) await once(out, 'drain');
          }
          out.end();
          await once(out, 'close');
          if (writeError) throw writeError;
          if (this.closed) return;
          const file = await this.deps.files.adopt(tmp, undefined, 'application/jsonl', 'GENERATED', `files/batch-${job.name.slice('batches/'.length)}`);
          job.responsesFile = file.name;
        }
        job.finishing = null;
        this.end(job, ending, this.deps.cfg.now());
      })(),
    );
  }

  private counts(job: Job): Record<string, string> {
    const plan = job.plan;
    if (!plan || plan.error) return {};
    const cutoff = job.cutoff ?? this.fraction(job, Math.min(job.endedMs ?? this.deps.cfg.now(), job.expireAtMs));
    let ok = 0;
    let failed = 0;
    for (const l of plan.lines) {
      if (l.at > cutoff) continue;
      if (l.failure) failed++;
      else ok++;
    }
    // proto3 JSON: int64 as strings, zero counts left out.
    const stats: Record<string, string> = { requestCount: String(plan.lines.length) };
    if (ok > 0) stats.successfulRequestCount = String(ok);
    if (failed > 0) stats.failedRequestCount = String(failed);
    const pending = ENDED.has(job.state) ? 0 : plan.lines.length - ok - failed;
    if (pending > 0) stats.pendingRequestCount = String(pending);
    return stats;
  }

  private operation(job: Job): Record<string, unknown> {
    const metadata: Record<string, unknown> = {
      '@type': BATCH_TYPE,
      model: `models/${job.requestedModel}`,
      displayName: job.displayName,
      inputConfig: { fileName: job.inputFile },
      ...(job.responsesFile ? { output: { responsesFile: job.responsesFile } } : {}),
      createTime: iso(job.createdMs),
      ...(job.endedMs !== null ? { endTime: iso(job.endedMs) } : {}),
      updateTime: iso(job.updatedMs),
      batchStats: this.counts(job),
      state: `${this.deps.switches.statePrefix}${job.state}`,
      name: job.name,
    };
    const op: Record<string, unknown> = { name: job.name, metadata };
    if (ENDED.has(job.state)) op.done = true;
    if (job.state === 'SUCCEEDED' || (job.state === 'CANCELLED' && job.responsesFile)) {
      op.response = { '@type': OUTPUT_TYPE, ...(job.responsesFile ? { responsesFile: job.responsesFile } : {}) };
    }
    if (job.state === 'FAILED' && job.error) op.error = { code: GRPC_CODE[job.error.statusName] ?? 2, message: job.error.message };
    return op;
  }

  /** Background work: a failure is logged, never an unhandled rejection; close() waits for it. */
  private track(p: Promise<unknown>): void {
    const guarded = p.catch((err: unknown) => {
      if (!this.closed) this.deps.cfg.log(`emulator: gemini batch work failed: ${String(err)}`);
    });
    this.work.add(guarded);
    void guarded.finally(() => this.work.delete(guarded));
  }
}
