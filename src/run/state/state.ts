// DIR/state.json: every remote id the moment it exists, so that a run killed at any point continues where it was
// instead of paying twice. Written to a temporary file, flushed, then renamed over the old one: a reader sees the old
// state or the new one, never half of either.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { scrub } from '../../shared/secrets.ts';
import { join } from 'node:path';
import type { ProviderName } from '../providers/types.ts';
import type { Decision } from '../types.ts';
import { RunStateError } from '../errors.ts';

export const STATE_FILE = 'state.json';

/** One batch submission: a part file of one round, and what became of it remotely. */
export interface PartState {
  /** `r{round}-p{index}` plus `.{k}` for the halves of a part the queue refused. */
  key: string;
  round: number;
  sha256: string;
  path: string;
  url: string;
  model: string;
  lines: number;
  file_id: string | null;
  batch_id: string | null;
  status: string | null;
  output_file_id: string | null;
  error_file_id: string | null;
  /** Local copies, set once a download is complete. */
  output_path: string | null;
  error_path: string | null;
  /** Set when the part is settled: its results are on disk and it needs no more calls. */
  done: boolean;
  /** The batch's lifecycle timestamps (ISO), as last seen. */
  times?: Record<string, string>;
  /** Batches of this part the queue refused (token_limit_exceeded) before the current one. */
  refused_batch_ids?: string[];
  /** The queue could not hold this part and it was split: its pieces are the parts `${key}.0`, `${key}.1`… */
  split?: boolean;
  /** How many pieces of equal tokens it was cut into (a rerun cuts the same pieces, so it finds their batches). */
  split_pieces?: number;
  /** Input tokens of the part: what it holds of the model's enqueued-token queue while it runs. */
  tokens?: number;
  /** batchwise's safety net cancelled this batch: its unfinished requests are the sync runner's. Any other cancel is a
   *  person's, and stays. */
  cancelled_by?: 'safety_net';
  /** Requests of a cancelled or expired batch that neither of its files lists (OpenAI documents only the finished
   *  ones), written by batchwise as cancelled / expired lines. */
  unfinished_path?: string | null;
  /** Why the batch failed as a whole (errors.data), when it did. */
  errors?: { code: string; line: number | null; message: string }[];
}

export interface RunState {
  version: 1;
  input_file: string;
  input_sha256: string;
  /** Where the batches live (absent in runs written before providers: openai). A rerun must use the same. */
  provider?: ProviderName;
  decision: Decision;
  started_at: string;
  /** Epoch ms by which every answer must be in (start + latency budget); a rerun keeps it. */
  deadline_ms: number;
  parts: PartState[];
  /** Set when the remaining requests were handed to the sync runner (they are journaled in sync.jsonl). */
  sync_phase: { mode: 'sync' | 'flex' | 'priority'; started_at: string } | null;
  /** `--fresh`: lines the set-aside run had answered (their answers are in the journal): never sent again. */
  carried?: number[];
  /** `--pilot`: the lines sent synchronously before the decision, and whether that is finished. */
  pilot?: { lines: number[]; done: boolean; answered?: number[] };
  /** The safety net cancelled batches: their cancelled requests are the sync runner's to finish. */
  net_fired?: boolean;
  /** Enqueued-token limit per model: given (--queue-limit), read from a token_limit_exceeded message ("Limit: N"), or
   *  only known to be below what was queued when the queue refused (an upper bound). Kept for the runs that follow. */
  queue_limits?: Record<string, QueueLimit>;
  /** When each batch of this run was created in the last hour (epoch ms): OpenAI allows 2,000 creations an hour. */
  creations?: number[];
  /** Per round, the token size its parts were planned at, per model: a rerun plans the same parts. */
  round_plans?: Record<string, { max_tokens: Record<string, number> }>;
  finished_at: string | null;
}

export interface QueueLimit {
  tokens: number;
  /** 'api': the refusal's message said so; 'refusal': the limit is below `tokens + 1` (what was queued). */
  source: 'api' | 'refusal';
  at: string;
}

export function statePath(dir: string): string {
  return join(dir, STATE_FILE);
}

export function loadState(dir: string): RunState | null {
  const path = statePath(dir);
  if (!existsSync(path)) return null;
  let state: RunState;
  try {
    state = JSON.parse(readFileSync(path, 'utf8')) as RunState;
  } catch (err) {
    throw new RunStateError(`${path} is not valid JSON (${(err as Error).message}); move it away to start over`);
  }
  if (state.version !== 1 || !Array.isArray(state.parts)) throw new RunStateError(`${path} was not written by this version of batchwise`);
  return state;
}

export function saveState(dir: string, state: RunState): void {
  const path = statePath(dir);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    // state.json holds the server's batch errors and travels (actions/cache, a results branch): scrubbed.
    writeSync(fd, scrub(`${JSON.stringify(state, null, 2)}\n`));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
