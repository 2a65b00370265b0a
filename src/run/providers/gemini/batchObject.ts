// A Gemini batch (a long-running Operation whose metadata is the GenerateContentBatch) as an OpenAI Batch object.
// States: PENDING → validating (queued, nothing run yet), RUNNING → in_progress, SUCCEEDED → completed, FAILED →
// failed (errors.data from the Operation's error), CANCELLED → cancelled, EXPIRED → expired. The wire says
// BATCH_STATE_*; the docs' samples and the SDKs say JOB_STATE_*: both prefixes are read.
import type { Batch } from 'openai/resources/batches';
import { scrub } from '../../../shared/secrets.ts';
import { decodeDisplayName } from './displayName.ts';
import { makeHandle } from './handles.ts';
import { bareModel } from './modelFamily.ts';
import { readStatus } from './statusCodes.ts';
import type { GeminiOperation } from './wire.ts';

/** "Batch expired after 48 hours" (pending or running for 48 h). */
export const EXPIRY_HOURS = 48;

const STATUS: Record<string, Batch['status']> = {
  PENDING: 'validating',
  RUNNING: 'in_progress',
  SUCCEEDED: 'completed',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
  EXPIRED: 'expired',
};

/** The state without its prefix: PENDING, RUNNING, … (UNSPECIFIED when absent). */
export function stateName(state: string | undefined): string {
  if (typeof state !== 'string') return 'UNSPECIFIED';
  return state.replace(/^(BATCH|JOB)_STATE_/, '');
}

export function isEnded(op: GeminiOperation): boolean {
  const s = stateName(op.metadata?.state);
  return s === 'SUCCEEDED' || s === 'FAILED' || s === 'CANCELLED' || s === 'EXPIRED';
}

/** int64 counts arrive as strings; a missing count is zero (proto3 JSON leaves zeros out). */
function int(v: unknown): number {
  const n = typeof v === 'string' ? Number(v) : typeof v === 'number' ? v : 0;
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

function seconds(time: string | undefined): number | undefined {
  if (typeof time !== 'string') return undefined;
  const ms = Date.parse(time);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

export function toOpenAIBatch(op: GeminiOperation): Batch {
  const m = op.metadata ?? {};
  const state = stateName(m.state);
  // An unknown state: the job is finished if the Operation says so, else still queued.
  const status = STATUS[state] ?? (op.done ? 'completed' : 'validating');
  const model = bareModel(m.model ?? '');
  const created = seconds(m.createTime) ?? 0;
  const ended = seconds(m.endTime) ?? seconds(m.updateTime);
  const responsesFile = m.output?.responsesFile ?? op.response?.responsesFile;
  const stats = m.batchStats ?? {};
  const batch: Batch = {
    id: op.name,
    object: 'batch',
    endpoint: '/v1/chat/completions',
    input_file_id: m.inputConfig?.fileName ? makeHandle({ file: m.inputConfig.fileName, model }) : '',
    completion_window: `${EXPIRY_HOURS}h`,
    status,
    created_at: created,
    expires_at: created + EXPIRY_HOURS * 3600,
    request_counts: { total: int(stats.requestCount), completed: int(stats.successfulRequestCount), failed: int(stats.failedRequestCount) },
    metadata: decodeDisplayName(m.displayName),
    model,
  };
  const terminal = status === 'completed' || status === 'failed' || status === 'cancelled' || status === 'expired';
  if (status === 'in_progress') batch.in_progress_at = seconds(m.updateTime);
  if (status === 'completed') batch.completed_at = ended;
  if (status === 'failed') batch.failed_at = ended;
  if (status === 'cancelled') batch.cancelled_at = ended;
  if (status === 'expired') batch.expired_at = ended;
  // Answers and errors share one responses file; it is read once the job has ended.
  if (terminal && responsesFile) batch.output_file_id = makeHandle({ file: responsesFile, model });
  if (status === 'failed') {
    const e = op.error ?? {};
    const { name } = readStatus(e);
    const message = typeof e.message === 'string' ? scrub(e.message) : 'the Gemini batch failed';
    batch.errors = { object: 'list', data: [{ code: name, message, line: null, param: null }] };
  }
  return batch;
}
