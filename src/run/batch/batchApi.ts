// The Files and Batches calls the batch runner makes, each safe to repeat: the SDK retries 408/409/429/5xx and
// connection resets on every call; creating a batch is the one call that must not be repeated blindly, so it is sent
// without the SDK's retries and, after a failure, the batch list is checked before sending it again.
// The provider (run/providers/) makes each call; the rules for repeating them are here, once for every provider.
import OpenAI from 'openai';
import type { Batch } from 'openai/resources/batches';
import type { Metadata, Provider } from '../providers/index.ts';

export type { Metadata };

/** Metadata keys that identify one part of one input; a batch carrying the same values is the same work. */
export const IDENTITY_KEYS = ['batchwise_input_sha256', 'batchwise_part_sha256', 'batchwise_round'] as const;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason);
    }, { once: true });
  });
export { sleep };

/** A batch we may attach to instead of creating one: same identity, and live or completed. Not one the queue refused
 *  (that work never ran), nor a cancelled or expired one: attaching would hand a fresh run someone's cancellation (or
 *  yesterday's expiry) as final. A rerun in the same --out still resumes those through state.json. */
const ATTACHABLE = new Set<string>(['validating', 'in_progress', 'finalizing', 'completed']);

export function sameWork(batch: Batch, identity: Metadata): boolean {
  const m = batch.metadata as Metadata | null;
  if (!m) return false;
  for (const k of IDENTITY_KEYS) if (m[k] !== identity[k]) return false;
  return ATTACHABLE.has(batch.status);
}

/** Batches created in the last `days` days whose metadata carries `batchwise_input_sha256`, newest first. */
export async function listOurBatches(provider: Provider, inputSha256: string, days = 30): Promise<Batch[]> {
  const found: Batch[] = [];
  const since = Date.now() / 1000 - days * 86_400;
  for await (const b of provider.listBatches(since)) {
    if (b.created_at < since) break;
    if ((b.metadata as Metadata | null)?.batchwise_input_sha256 === inputSha256) found.push(b);
  }
  return found;
}

const UPLOAD_ATTEMPTS = 4;

export async function uploadPart(provider: Provider, path: string, signal?: AbortSignal): Promise<string> {
  // A streamed upload cannot be sent twice: the provider sends it once, each attempt here opens the file again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await provider.uploadPart(path, signal);
    } catch (err) {
      if (attempt >= UPLOAD_ATTEMPTS || !isRetryable(err) || signal?.aborted) throw err;
      await sleep(Math.min(500 * 2 ** (attempt - 1), 8_000), signal);
    }
  }
}

function isRetryable(err: unknown): boolean {
  if (err instanceof OpenAI.APIConnectionError) return true;
  if (err instanceof OpenAI.APIError && typeof err.status === 'number') return err.status === 408 || err.status === 429 || err.status >= 500;
  return false;
}

export interface CreateBatchArgs {
  input_file_id: string;
  endpoint: string;
  metadata: Metadata;
  inputSha256: string;
  /** Requests in the part: how a batch the server keeps no metadata for is recognised after a lost answer. */
  requests?: number;
  /** Batches this run already holds for other parts: never taken for this one. */
  knownBatchIds?: ReadonlySet<string>;
  attempts?: number;
  signal?: AbortSignal;
}

/** Seconds of clock difference allowed between us and the server when matching a batch to our attempt. */
const CLOCK_SLACK_S = 120;

export async function createBatchOnce(provider: Provider, a: CreateBatchArgs): Promise<Batch> {
  const attempts = a.attempts ?? 6;
  const firstAttempt = Math.floor(Date.now() / 1000);
  for (let i = 0; ; i++) {
    try {
      return await provider.createBatch({ input_file_id: a.input_file_id, endpoint: a.endpoint, metadata: a.metadata }, a.signal);
    } catch (err) {
      if (!isRetryable(err) || i + 1 >= attempts) throw err;
      await sleep(Math.min(500 * 2 ** i, 8000), a.signal);
      // The request may have reached the server before its answer was lost: look before sending it again.
      const existing = await findOurAttempt(provider, a, firstAttempt - CLOCK_SLACK_S);
      if (existing) return existing;
    }
  }
}

/**
 * A batch an earlier attempt of this create made, if the server has one. By metadata where the provider keeps it
 * (OpenAI, Gemini's display name); else by the uploaded file it was made from (Azure, whose batches may come back
 * without metadata); else — Anthropic keeps neither — by a batch of exactly this many requests, created since the
 * first attempt, that no other part of this run holds. Two such candidates cannot be told apart: rather than pay for
 * the work twice, the part stops with both ids named.
 */
async function findOurAttempt(provider: Provider, a: CreateBatchArgs, sinceSec: number): Promise<Batch | null> {
  // One pass, newest first, over what listOurBatches would read: a metadata match anywhere in it wins; the other two
  // ways are only for batches made since the first attempt.
  const known = a.knownBatchIds ?? new Set<string>();
  const since30d = Date.now() / 1000 - 30 * 86_400;
  let fromUpload: Batch | null = null;
  const candidates: Batch[] = [];
  for await (const b of provider.listBatches(Math.min(since30d, sinceSec))) {
    if (b.created_at < since30d) break;
    if (sameWork(b, a.metadata)) return b;
    if (b.created_at < sinceSec || b.metadata) continue;
    if (madeFromUpload(b, a.input_file_id, known)) fromUpload ??= b;
    else if (!b.input_file_id && ATTACHABLE.has(b.status) && !known.has(b.id) && a.requests !== undefined && b.request_counts?.total === a.requests) candidates.push(b);
  }
  if (fromUpload) return fromUpload;
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) {
    throw new AmbiguousCreateError(
      `creating the batch failed after it may have reached ${provider.name}, and ${candidates.length} batches of ${a.requests} requests were ` +
        `created since that no other part of this run holds (${candidates.map((b) => b.id).join(', ')}); not sending it again. ` +
        'Cancel the one that is not this part\'s (batchwise cancel BATCH_ID), then run the same command again',
    );
  }
  return null;
}

/** Whether `b` was made from this very upload (and may be attached to): not one this run holds for another part. */
function madeFromUpload(b: Batch, inputFileId: string, known: ReadonlySet<string>): boolean {
  return Boolean(b.input_file_id) && b.input_file_id === inputFileId && ATTACHABLE.has(b.status) && !known.has(b.id);
}

/** A batch made from this very upload (`input_file_id`), live or done: what a run killed between create and save
 *  left behind, found again where the provider keeps no metadata (Azure may not; OpenAI does). */
export async function batchFromUpload(provider: Provider, inputFileId: string, sinceSec: number, known: ReadonlySet<string>): Promise<Batch | null> {
  for await (const b of provider.listBatches(sinceSec)) {
    if (b.created_at < sinceSec) break;
    if (madeFromUpload(b, inputFileId, known)) return b;
  }
  return null;
}

/** Two batches on the server could each be the one a lost create made: a person must say which. */
export class AmbiguousCreateError extends Error {
  override name = 'AmbiguousCreateError';
}
