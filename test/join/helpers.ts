// Results built from the DESIGN.md contract (ResultRecord), as `batchwise run` writes them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultRecord } from '../../src/results/types.ts';

export function chatBody(content: string | null, extra: Record<string, unknown> = {}) {
  return {
    id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'gpt-4o-mini',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null, ...extra }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 20, completion_tokens: 7, total_tokens: 27 },
  };
}

export function succeeded(custom_id: string, line: number, response: any, cost = 0.001): ResultRecord {
  return { custom_id, line, status: 'succeeded', mode: 'batch', batch_id: 'batch_1', response, error: null, usage: response.usage ?? null, cost_usd: cost };
}

export function failed(custom_id: string, line: number, status: ResultRecord['status'], code: string, message: string): ResultRecord {
  return { custom_id, line, status, mode: 'batch', batch_id: 'batch_1', response: null, error: { code, message }, usage: null, cost_usd: null };
}

/** DIR/results.jsonl with these records; returns its path. */
export function writeResultsFile(dir: string, records: ResultRecord[]): string {
  const path = join(dir, 'results.jsonl');
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}
