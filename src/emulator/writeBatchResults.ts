// The finalizing phase: streams the input once more and writes the output and error files the way the real API does
// (one line per request, keyed by custom_id, NOT in input order).
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { readJsonlLines } from '../requests/readJsonl.ts';
import type { Endpoint } from '../requests/types.ts';
import { emulationFor } from './answers/index.ts';
import type { LineUsage } from './answers/index.ts';
import { ApiError } from './apiError.ts';
import { lineFate } from './lineFate.ts';
import type { ModelCatalog } from './modelTraits.ts';
import type { PromptCache } from './promptCache.ts';
import { newId, seededStream, hashUnit } from './random.ts';

/** How lines left unfinished by a cancel or an expiry are reported. The expired message is the real one (GUIDE);
 *  the cancelled line is a guess (cancelledLines: 'error-file'): the real API documents only partial results in the
 *  output file. */
const UNFINISHED = {
  batch_expired: 'This request could not be executed before the completion window expired.',
  batch_cancelled: 'This request could not be executed before the batch was cancelled.',
} as const;
export type UnfinishedCode = keyof typeof UNFINISHED;

export interface WriteResultsOptions {
  inputPath: string;
  outputPath: string;
  errorPath: string;
  endpoint: Endpoint;
  seed: number;
  failRate: number;
  ordinal: number;
  /** Lines whose finish fraction is ≤ cutoff ran; the others are unfinished (1 when the batch ran to the end). */
  cutoff: number;
  unfinishedCode: UnfinishedCode;
  /** Whether unfinished lines are written to the error file (false: they are in neither file). */
  writeUnfinished: boolean;
  /** Unix seconds stamped into the answers. */
  now: number;
  signal?: AbortSignal;
  /** The emulator's prompt cache (lines of a batch warm it for the next ones) and model traits. */
  cache?: PromptCache;
  models?: ModelCatalog;
}

export interface WriteResultsSummary {
  completed: number;
  failed: number;
  unfinished: number;
  /** Unfinished lines written to the error file. */
  unfinishedWritten: number;
  usage: LineUsage;
}

/** Lines are shuffled within windows of this many: output order differs from input order while memory stays
 *  bounded on a 50,000-line batch. */
const SHUFFLE_WINDOW = 256;

class ShuffledWriter {
  private readonly stream: WriteStream;
  private readonly random: () => number;
  private pending: string[] = [];
  lines = 0;

  constructor(path: string, random: () => number) {
    this.stream = createWriteStream(path);
    this.random = random;
  }

  async add(line: string): Promise<void> {
    this.pending.push(line);
    this.lines++;
    if (this.pending.length >= SHUFFLE_WINDOW) await this.flush();
  }

  private async flush(): Promise<void> {
    const p = this.pending;
    for (let i = p.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [p[i], p[j]] = [p[j], p[i]];
    }
    this.pending = [];
    if (!this.stream.write(p.join(''))) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

function requestId(): string {
  return randomBytes(16).toString('hex');
}

export async function writeBatchResults(o: WriteResultsOptions): Promise<WriteResultsSummary> {
  const random = seededStream(Math.floor(hashUnit(o.seed, 'shuffle', o.ordinal) * 0x1_0000_0000));
  const output = new ShuffledWriter(o.outputPath, random);
  const errors = new ShuffledWriter(o.errorPath, random);
  const usage: LineUsage = { input_tokens: 0, cached_tokens: 0, output_tokens: 0, reasoning_tokens: 0 };
  let completed = 0;
  let failed = 0;
  let unfinished = 0;
  let unfinishedWritten = 0;
  const emulation = emulationFor(o.endpoint);

  try {
    for await (const raw of readJsonlLines(o.inputPath)) {
      o.signal?.throwIfAborted();
      // The input passed validation, so every line parses and has a string custom_id and an object body.
      const req = JSON.parse(raw.text) as { custom_id: string; body: Record<string, unknown> };
      const fate = lineFate(o.seed, o.failRate, o.ordinal, o.endpoint, req.custom_id, req.body);
      const id = newId('batch_req_', 32);
      if (fate.at > o.cutoff) {
        unfinished++;
        if (!o.writeUnfinished) continue;
        unfinishedWritten++;
        const error = { code: o.unfinishedCode, message: UNFINISHED[o.unfinishedCode] };
        await errors.add(`${JSON.stringify({ id, custom_id: req.custom_id, response: null, error })}\n`);
        continue;
      }
      let failure = fate.failure;
      let answerBody: Record<string, unknown> | null = null;
      if (!failure) {
        try {
          const answer = emulation.answer(req.body, { seed: o.seed, now: o.now, mode: 'batch', cache: o.cache, models: o.models });
          answerBody = answer.body;
          usage.input_tokens += answer.usage.input_tokens;
          usage.cached_tokens += answer.usage.cached_tokens;
          usage.output_tokens += answer.usage.output_tokens;
          usage.reasoning_tokens += answer.usage.reasoning_tokens;
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          failure = err;
        }
      }
      if (failure) {
        failed++;
        const response = { status_code: failure.status, request_id: requestId(), body: failure.toBody() };
        await errors.add(`${JSON.stringify({ id, custom_id: req.custom_id, response, error: null })}\n`);
      } else {
        completed++;
        const response = { status_code: 200, request_id: requestId(), body: answerBody };
        await output.add(`${JSON.stringify({ id, custom_id: req.custom_id, response, error: null })}\n`);
      }
    }
  } finally {
    await output.close();
    await errors.close();
  }
  return { completed, failed, unfinished, unfinishedWritten, usage };
}
