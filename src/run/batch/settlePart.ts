// A part whose batch reached a terminal status: bring its results home. Completed, expired and cancelled batches
// have output and/or error files; a batch that failed as a whole has none, so batchwise writes one in the same format,
// with the API's errors.data mapped back to the INPUT file's line numbers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Batch } from 'openai/resources/batches';
import { downloadFile } from './downloadFile.ts';
import type { RunContext } from '../runContext.ts';
import type { PartState } from '../state/state.ts';

export function batchesDir(ctx: RunContext): string {
  return join(ctx.outDir, 'batches');
}

export async function settlePart(ctx: RunContext, lines: number[], ps: PartState, batch: Batch): Promise<void> {
  const dir = batchesDir(ctx);
  mkdirSync(dir, { recursive: true });
  if (batch.status === 'failed') {
    ps.error_path = writeFailure(ctx, dir, lines, ps, batch);
  } else {
    if (batch.output_file_id && !ps.output_path) {
      const dest = join(dir, `${batch.id}_output.jsonl`);
      await downloadFile(ctx.client, batch.output_file_id, dest, { signal: ctx.signal, log: ctx.log });
      ps.output_path = dest;
      ctx.save();
    }
    if (batch.error_file_id && !ps.error_path) {
      const dest = join(dir, `${batch.id}_error.jsonl`);
      await downloadFile(ctx.client, batch.error_file_id, dest, { signal: ctx.signal, log: ctx.log });
      ps.error_path = dest;
    }
  }
  ps.done = true;
  ctx.save();
}

function writeFailure(ctx: RunContext, dir: string, lines: number[], ps: PartState, batch: Batch): string {
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
    const retryable = own ? false : byLine.size > 0 || general?.code === 'token_limit_exceeded';
    out.push(JSON.stringify({ custom_id: item.custom_id, response: null, error, batchwise_retryable: retryable }));
  }
  const path = join(dir, `${batch.id}_failed.jsonl`);
  writeFileSync(path, out.join('\n') + '\n');
  return path;
}
