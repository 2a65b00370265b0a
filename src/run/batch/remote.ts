// `batchwise status` and `batchwise cancel`: a run's folder (every batch in its state.json) or one batch id.
import { existsSync, statSync } from 'node:fs';
import type OpenAI from 'openai';
import type { Batch } from 'openai/resources/batches';
import { cancelQuietly } from './batchRound.ts';
import { makeClient } from '../openaiClient.ts';
import { loadState, statePath } from '../state/state.ts';
import type { RunState } from '../state/state.ts';
import { UsageError } from '../../shared/usageError.ts';
import { redactSecrets } from '../sync/syncClientErrors.ts';

export interface RemoteOptions {
  client?: OpenAI;
  apiKey?: string;
  baseURL?: string;
  log?: (line: string) => void;
}

export interface BatchStatusRow {
  batch_id: string;
  part: string | null;
  status: Batch['status'];
  request_counts: { total: number; completed: number; failed: number };
  output_file_id: string | null;
  error_file_id: string | null;
  errors: { code: string; line: number | null; message: string }[];
}

export interface StatusReport {
  target: string;
  /** Present when the target is a run's folder. */
  run: { input_file: string; decision: RunState['decision']; started_at: string; finished_at: string | null; sync_phase: RunState['sync_phase'] } | null;
  batches: BatchStatusRow[];
}

function isRunDir(target: string): boolean {
  return existsSync(target) && statSync(target).isDirectory();
}

function targetIds(target: string): { state: RunState | null; ids: { id: string; part: string | null }[] } {
  if (isRunDir(target)) {
    const state = loadState(target);
    if (!state) throw new UsageError(`${target} has no ${statePath(target).slice(target.length + 1)}: not a batchwise run folder`);
    return { state, ids: state.parts.flatMap((p) => (p.batch_id ? [{ id: p.batch_id, part: p.key }] : [])) };
  }
  if (!/^batch_[A-Za-z0-9_-]+$/.test(target)) throw new UsageError(`${target} is neither a run folder nor a batch id (batch_…)`);
  return { state: null, ids: [{ id: target, part: null }] };
}

function row(b: Batch, part: string | null): BatchStatusRow {
  return {
    batch_id: b.id, part, status: b.status,
    request_counts: { total: b.request_counts?.total ?? 0, completed: b.request_counts?.completed ?? 0, failed: b.request_counts?.failed ?? 0 },
    output_file_id: b.output_file_id ?? null, error_file_id: b.error_file_id ?? null,
    errors: (b.errors?.data ?? []).map((e) => ({ code: e.code ?? 'error', line: e.line ?? null, message: e.message ?? '' })),
  };
}

export async function batchStatus(target: string, opts: RemoteOptions = {}): Promise<StatusReport> {
  const { state, ids } = targetIds(target);
  const client = opts.client ?? makeClient(opts);
  const batches: BatchStatusRow[] = [];
  for (const { id, part } of ids) batches.push(row(await client.batches.retrieve(id), part));
  const run = state
    ? { input_file: state.input_file, decision: state.decision, started_at: state.started_at, finished_at: state.finished_at, sync_phase: state.sync_phase }
    : null;
  return { target, run, batches };
}

const FINISHED = new Set(['completed', 'failed', 'expired', 'cancelled']);

/** Cancels every batch of the target that is still running; what finished stays available. */
export async function cancelRun(target: string, opts: RemoteOptions = {}): Promise<StatusReport> {
  const { state, ids } = targetIds(target);
  const client = opts.client ?? makeClient(opts);
  const sink = opts.log ?? (() => {});
  const log = (line: string) => sink(redactSecrets(line, opts.apiKey ?? process.env.OPENAI_API_KEY ?? null));
  const batches: BatchStatusRow[] = [];
  for (const { id, part } of ids) {
    const before = await client.batches.retrieve(id);
    if (!FINISHED.has(before.status) && before.status !== 'cancelling') {
      await cancelQuietly({ client, log }, id);
      log(`cancelling ${id}`);
    }
    batches.push(row(await client.batches.retrieve(id), part));
  }
  const run = state
    ? { input_file: state.input_file, decision: state.decision, started_at: state.started_at, finished_at: state.finished_at, sync_phase: state.sync_phase }
    : null;
  return { target, run, batches };
}
