// Get a batch running for a part without ever making two for the same work: reuse the id in state.json, else attach
// to a batch whose metadata names this exact part (a run killed right after creating it), else upload and create.
import OpenAI from 'openai';
import { VERSION } from '../../shared/version.ts';
import { batchFromUpload, createBatchOnce, listOurBatches, sameWork, uploadPart } from './batchApi.ts';
import type { Metadata } from './batchApi.ts';
import type { RunContext } from '../runContext.ts';
import type { PartState } from '../state/state.ts';
import type { WrittenPart } from './writeParts.ts';

export function partMetadata(ctx: RunContext, wp: WrittenPart, index: number, of: number, round: number): Metadata {
  const m: Metadata = {
    batchwise_input_sha256: ctx.inputSha256,
    batchwise_part: `${index + 1}/${of}`,
    batchwise_part_sha256: wp.sha256,
    batchwise_round: String(round),
    batchwise_version: VERSION,
  };
  if (ctx.githubRunId) m.github_run_id = ctx.githubRunId;
  return m;
}

/** Input tokens of some lines (the estimate's count): what they hold of the model's enqueued-token queue. */
export function partTokens(ctx: RunContext, lines: number[]): number {
  let t = 0;
  for (const l of lines) t += ctx.items.get(l)?.input_tokens ?? 0;
  return t;
}

/** The part's entry in state.json, created (and saved) the first time the part is seen. */
export function partState(ctx: RunContext, round: number, wp: WrittenPart): PartState {
  let ps = ctx.state.parts.find((p) => p.key === wp.key);
  if (ps && ps.sha256 !== wp.sha256) {
    // The same key with other content cannot come from the same input; start the part afresh rather than mix them.
    ctx.state.parts = ctx.state.parts.filter((p) => p !== ps);
    ps = undefined;
  }
  if (!ps) {
    ps = {
      key: wp.key, round, sha256: wp.sha256, path: wp.path, url: wp.part.url, model: wp.part.model, lines: wp.part.lines.length,
      file_id: null, batch_id: null, status: null, output_file_id: null, error_file_id: null, output_path: null, error_path: null,
      done: false, tokens: partTokens(ctx, wp.part.lines),
    };
    ctx.state.parts.push(ps);
    ctx.save();
  }
  return ps;
}

/** 'created' counts against the creation limits; 'attached' and 'known' do not. */
export type Submitted = 'created' | 'attached' | 'known';

export async function submitPart(ctx: RunContext, wp: WrittenPart, ps: PartState, metadata: Metadata): Promise<Submitted> {
  if (ps.batch_id) return 'known';
  ctx.existing ??= await listOurBatches(ctx.provider, ctx.inputSha256);
  const found = ctx.existing.find((b) => sameWork(b, metadata));
  if (found) {
    ps.batch_id = found.id;
    ps.file_id = found.input_file_id;
    ps.status = found.status;
    ctx.save();
    ctx.log(`part ${metadata.batchwise_part} (round ${metadata.batchwise_round}): attached to existing batch ${found.id} (${found.status})`);
    return 'attached';
  }
  const known = new Set(ctx.state.parts.flatMap((p) => [...(p.batch_id ? [p.batch_id] : []), ...(p.refused_batch_ids ?? [])]));
  if (ps.file_id) {
    // Uploaded by an earlier process that may have created the batch and died before saving its id: a batch made
    // from this upload is that one (metadata found nothing: the provider may not keep it).
    const made = await batchFromUpload(ctx.provider, ps.file_id, Math.floor(Date.parse(ctx.state.started_at) / 1000) - 120, known);
    if (made) {
      ps.batch_id = made.id;
      ps.status = made.status;
      ctx.save();
      ctx.log(`part ${metadata.batchwise_part} (round ${metadata.batchwise_round}): attached to batch ${made.id} (${made.status}), made from this part's upload`);
      return 'attached';
    }
  } else {
    ps.file_id = await uploadPart(ctx.provider, wp.path, ctx.signal);
    ctx.save();
  }
  let batch;
  try {
    batch = await createBatchOnce(ctx.provider, {
      input_file_id: ps.file_id, endpoint: wp.part.url, metadata, inputSha256: ctx.inputSha256, requests: wp.part.lines.length, knownBatchIds: known, signal: ctx.signal,
    });
  } catch (err) {
    // A file that expired or vanished since the upload (a long pause between runs): upload again once.
    if (err instanceof OpenAI.NotFoundError) {
      ps.file_id = await uploadPart(ctx.provider, wp.path, ctx.signal);
      ctx.save();
      batch = await createBatchOnce(ctx.provider, { input_file_id: ps.file_id, endpoint: wp.part.url, metadata, inputSha256: ctx.inputSha256, requests: wp.part.lines.length, knownBatchIds: known, signal: ctx.signal });
    } else throw err;
  }
  ps.batch_id = batch.id;
  ps.status = batch.status;
  ctx.save();
  ctx.log(`part ${metadata.batchwise_part} (round ${metadata.batchwise_round}): batch ${batch.id} created for ${wp.part.lines.length} requests (${wp.part.model})`);
  return 'created';
}
