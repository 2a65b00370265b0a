// A part whose batch reached a terminal status: bring its results home. Completed, expired and cancelled batches
// have output and/or error files; a batch that failed as a whole has none, so batchwise writes one in the same format,
// with the API's errors.data mapped back to the INPUT file's line numbers. A cancelled or expired batch's unfinished
// requests get a line of their own when neither file lists them: OpenAI documents only that finished answers are in
// the output file, so a request missing from both is unfinished, not lost (and never sent again because of a cancel).
import { mkdirSync, writeFileSync } from 'node:fs';
import { tryClassifyBatchLine } from '../../results/index.ts';
import { scrub } from '../../shared/secrets.ts';
import { join } from 'node:path';
import type { Batch } from 'openai/resources/batches';
import { scanLines } from '../../results/index.ts';
import { downloadFile } from './downloadFile.ts';
import type { RunContext } from '../runContext.ts';
import type { PartState } from '../state/state.ts';

export function batchesDir(ctx: RunContext): string {
  return join(ctx.outDir, 'batches');
}

const UNFINISHED = {
  cancelled: { code: 'batch_cancelled', message: 'This request was not run: the batch was cancelled before it got to it.' },
  expired: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' },
} as const;

/** `final`: a whole-batch failure no retry can fix (a part the queue can never hold). */
export async function settlePart(ctx: RunContext, lines: number[], ps: PartState, batch: Batch, opts: { final?: boolean } = {}): Promise<void> {
  const dir = batchesDir(ctx);
  mkdirSync(dir, { recursive: true });
  if (batch.status === 'failed') {
    ps.error_path = writeFailure(ctx, dir, lines, ps, batch, opts.final === true);
  } else {
    const renameIds = standInIds(ctx, lines);
    if (batch.output_file_id && !ps.output_path) {
      const dest = join(dir, `${fileNameOf(batch.id)}_output.jsonl`);
      await downloadFile(ctx.provider, batch.output_file_id, dest, { signal: ctx.signal, log: ctx.log, renameIds });
      ps.output_path = dest;
      ctx.save();
    }
    if (batch.error_file_id && !ps.error_path) {
      const dest = join(dir, `${fileNameOf(batch.id)}_error.jsonl`);
      await downloadFile(ctx.provider, batch.error_file_id, dest, { signal: ctx.signal, log: ctx.log, renameIds });
      ps.error_path = dest;
      ctx.save();
    }
    if ((batch.status === 'cancelled' || batch.status === 'expired') && !ps.unfinished_path) {
      ps.unfinished_path = await writeUnfinished(ctx, dir, lines, ps, batch, UNFINISHED[batch.status]);
    }
  }
  ps.done = true;
  ctx.save();
  // Results are home: the uploaded input may go (a failure to delete it costs storage, never the run).
  if (ps.file_id && ctx.provider.releaseInput) {
    await ctx.provider.releaseInput(ps.file_id, ctx.signal).catch((err: unknown) => ctx.log(`could not delete the uploaded input ${ps.file_id}: ${(err as Error).message}`));
  }
}

/** The provider's stand-in id → the file's own, for the part's requests sent under another id (empty for most). */
function standInIds(ctx: RunContext, lines: number[]): Map<string, string> {
  const ids = new Map<string, string>();
  const wire = ctx.provider.wireCustomId;
  if (!wire) return ids;
  for (const l of lines) {
    const own = ctx.items.get(l)?.custom_id;
    if (own === undefined) continue;
    const sent = wire(own);
    if (sent !== own) ids.set(sent, own);
  }
  return ids;
}

/** The part's requests that neither file lists, as error lines of the batch's own kind (cancelled: final, as a
 *  person's cancel is; the safety net's cancel is told apart by the part's `cancelled_by`). Null when none. */
async function writeUnfinished(
  ctx: RunContext, dir: string, lines: number[], ps: PartState, batch: Batch, fate: { code: string; message: string },
): Promise<string | null> {
  const listed = new Set<string>();
  for (const path of [ps.output_path, ps.error_path]) {
    if (!path) continue;
    for await (const line of scanLines(path)) {
      // The same reading the merge uses: a line that is not JSON names no request (and is no crash).
      const id = tryClassifyBatchLine(line.text)?.custom_id;
      if (id) listed.add(id);
    }
  }
  const out: string[] = [];
  for (const line of lines) {
    const id = ctx.items.get(line)!.custom_id;
    if (listed.has(id)) continue;
    out.push(JSON.stringify({ custom_id: id, response: null, error: fate, batchwise_retryable: fate.code === 'batch_expired' }));
  }
  if (out.length === 0) return null;
  const path = join(dir, `${fileNameOf(batch.id)}_unfinished.jsonl`);
  writeFileSync(path, scrub(out.join('\n') + '\n'));
  return path;
}

function writeFailure(ctx: RunContext, dir: string, lines: number[], ps: PartState, batch: Batch, final: boolean): string {
  const data = batch.errors?.data ?? [];
  const byLine = new Map<number, { code: string; message: string }>();
  const mapped: NonNullable<PartState['errors']> = [];
  for (const e of data) {
    const partLine = typeof e.line === 'number' ? e.line : null;
    const inputLine = partLine !== null && partLine >= 1 && partLine <= lines.length ? lines[partLine - 1] : null;
    const code = e.code ?? 'batch_failed';
    const message = e.message ?? 'the batch failed';
    mapped.push({ code, line: inputLine, message });
    if (inputLine !== null) byLine.set(inputLine, { code, message: `${ctx.displayName}:${inputLine}: ${message}` });
    ctx.log(`batch ${batch.id} failed: ${inputLine !== null ? `${ctx.displayName}:${inputLine}: ` : ''}${message} (${code})`);
  }
  ps.errors = mapped;
  const general = mapped.find((e) => e.line === null);
  const summary = general ? general.message : `the batch failed on ${byLine.size} other line(s)`;
  const out: string[] = [];
  for (const line of lines) {
    const item = ctx.items.get(line)!;
    const own = byLine.get(line);
    // Lines the API did not object to never ran: they can go again without the bad ones, and a queue refusal
    // (token_limit_exceeded) is worth another try once the queue frees.
    const error = own ?? { code: general?.code ?? 'batch_failed', message: `not run: ${summary}` };
    const retryable = own || final ? false : byLine.size > 0 || general?.code === 'token_limit_exceeded';
    out.push(JSON.stringify({ custom_id: item.custom_id, response: null, error, batchwise_retryable: retryable }));
  }
  const path = join(dir, `${fileNameOf(batch.id)}_failed.jsonl`);
  writeFileSync(path, scrub(out.join('\n') + '\n'));
  return path;
}

/** A batch id as a file name: Gemini's ids are resource names (`batches/…`), whose slash is no file name's. */
export function fileNameOf(batchId: string): string {
  return batchId.replace(/[^A-Za-z0-9_.-]/g, '_');
}
