// The requests a runner must send, re-read from the input file as a stream (bodies are never all in memory), with
// what the estimate knows about each (for the rate limiters' reservations).
import { readJsonlLines } from '../../requests/index.ts';
import type { LineEstimate } from '../../estimate/types.ts';
import type { RunItem } from '../types.ts';

export async function* readRunItems(inputPath: string, wanted: Map<number, LineEstimate>): AsyncGenerator<RunItem> {
  if (wanted.size === 0) return;
  let left = wanted.size;
  for await (const raw of readJsonlLines(inputPath)) {
    const item = wanted.get(raw.line);
    if (!item) continue;
    const req = JSON.parse(raw.text) as { body: Record<string, unknown> };
    yield {
      line: raw.line, custom_id: item.custom_id, url: item.url, model: item.model, body: req.body,
      input_tokens: item.input_tokens, max_output_tokens: item.max_output_tokens,
    };
    if (--left === 0) return;
  }
}
