// `batchwise status` and `batchwise cancel`: a run's folder (every batch in its state.json) or one batch id.
import { existsSync, statSync } from 'node:fs';
import type { Batch } from 'openai/resources/batches';
import { cancelQuietly } from './batchRound.ts';
import { makeProvider, providerOfBatchId } from '../providers/index.ts';
import type { Provider, ProviderConfig } from '../providers/index.ts';
import { loadState, statePath } from '../state/state.ts';
import type { RunState } from '../state/state.ts';
import { UsageError } from '../../shared/usageError.ts';
import { redactSecrets } from '../sync/syncClientErrors.ts';

export interface RemoteOptions extends ProviderConfig {
  /** A provider built by the caller (tests). Else built from the config, the provider named in state.json first. */
  providerImpl?: Provider;
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

/** The run's own provider (state.json names it) unless the caller names another: its batches live there. */
function providerFor(state: RunState | null, opts: RemoteOptions, target?: string): Provider {
  if (opts.providerImpl) return opts.providerImpl;
  // A folder knows its provider (a state.json older than providers: openai); a bare id says it by its prefix.
  const recorded = state ? state.provider ?? 'openai' : null;
  if (recorded && opts.provider && opts.provider !== recorded) {
    throw new UsageError(`this run's batches are on ${recorded} (state.json), not ${opts.provider}: leave --provider out or use ${recorded}`);
  }
  const named = recorded ?? opts.provider ?? (target ? providerOfBatchId(target) : null) ?? 'openai';
  return makeProvider({ ...opts, provider: named });
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
  // OpenAI and Azure: batch_…; Anthropic: msgbatch_…; Gemini: batches/….
  if (!/^(batch_|msgbatch_|batches\/)[A-Za-z0-9_-]+$/.test(target)) throw new UsageError(`${target} is neither a run folder nor a batch id (batch_…, msgbatch_…, batches/…)`);
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
  const provider = providerFor(state, opts, target);
  const batches: BatchStatusRow[] = [];
  for (const { id, part } of ids) batches.push(row(await provider.retrieveBatch(id), part));
  const run = state
    ? { input_file: state.input_file, decision: state.decision, started_at: state.started_at, finished_at: state.finished_at, sync_phase: state.sync_phase }
    : null;
  return { target, run, batches };
}

const FINISHED = new Set(['completed', 'failed', 'expired', 'cancelled']);

/** Cancels every batch of the target that is still running; what finished stays available. */
export async function cancelRun(target: string, opts: RemoteOptions = {}): Promise<StatusReport> {
  const { state, ids } = targetIds(target);
  const provider = providerFor(state, opts, target);
  const sink = opts.log ?? (() => {});
  const log = (line: string) => sink(redactSecrets(line, provider.apiKey));
  const batches: BatchStatusRow[] = [];
  for (const { id, part } of ids) {
    const before = await provider.retrieveBatch(id);
    if (!FINISHED.has(before.status) && before.status !== 'cancelling') {
      await cancelQuietly({ provider, log }, id);
      log(`cancelling ${id}`);
    }
    batches.push(row(await provider.retrieveBatch(id), part));
  }
  const run = state
    ? { input_file: state.input_file, decision: state.decision, started_at: state.started_at, finished_at: state.finished_at, sync_phase: state.sync_phase }
    : null;
  return { target, run, batches };
}
