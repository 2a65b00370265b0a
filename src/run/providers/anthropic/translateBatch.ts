// An Anthropic MessageBatch as the OpenAI Batch object the batch runner polls. Anthropic's batch has three states
// (in_progress, canceling, ended) and counts its requests only once it has ended; OpenAI's ending is read from how it
// ended. Anthropic batches carry no metadata, so `metadata` is always null: a crash between create and save cannot be
// attached to by metadata (the runner knows this from Provider.listBatches' contract).
import type { Batch } from 'openai/resources/batches';
import { resultsHandle } from './handles.ts';
import { TRANSLATED_URL } from './translateRequest.ts';
import type { MessageBatch } from './wire.ts';

/** RFC 3339 → Unix seconds (undefined for null or an unreadable time). */
function seconds(time: string | null | undefined): number | undefined {
  if (!time) return undefined;
  const ms = Date.parse(time);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

/** How an ended batch ended, in OpenAI's words: cancelled if a cancel was asked for, expired if requests ran out of
 *  time, else completed (errored requests are failed lines of a completed batch, as on OpenAI). */
function endedStatus(b: MessageBatch): Batch['status'] {
  if (b.cancel_initiated_at) return 'cancelled';
  if (b.request_counts.expired > 0) return 'expired';
  return 'completed';
}

export function batchFromAnthropic(b: MessageBatch, inputFileId = ''): Batch {
  const c = b.request_counts;
  const status: Batch['status'] = b.processing_status === 'ended' ? endedStatus(b) : b.processing_status === 'canceling' ? 'cancelling' : 'in_progress';
  const ended = b.processing_status === 'ended';
  const unanswered = c.errored + c.canceled + c.expired;
  const endedAt = seconds(b.ended_at);
  const batch: Batch = {
    id: b.id,
    object: 'batch',
    endpoint: TRANSLATED_URL,
    input_file_id: inputFileId,
    completion_window: '24h',
    status,
    created_at: seconds(b.created_at) ?? 0,
    // An Anthropic batch "begins processing immediately": there is no validating phase.
    in_progress_at: seconds(b.created_at),
    expires_at: seconds(b.expires_at),
    cancelling_at: seconds(b.cancel_initiated_at),
    request_counts: { total: c.processing + c.succeeded + c.errored + c.canceled + c.expired, completed: c.succeeded, failed: unanswered },
    metadata: null,
  };
  if (status === 'completed') batch.completed_at = endedAt;
  if (status === 'cancelled') batch.cancelled_at = endedAt;
  if (status === 'expired') batch.expired_at = endedAt;
  if (ended && c.succeeded > 0) batch.output_file_id = resultsHandle(b.id, 'output');
  if (ended && unanswered > 0) batch.error_file_id = resultsHandle(b.id, 'errors');
  return batch;
}
