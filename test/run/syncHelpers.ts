// Shared by the sync runner tests: RunItems counted the way the estimate counts them, an SDK client for a local
// server, and a run that collects its records.
import OpenAI from 'openai';
import { loadCatalog, resolvePricing } from '../../src/pricing/index.ts';
import type { ModelPricing } from '../../src/pricing/index.ts';
import type { Endpoint } from '../../src/requests/types.ts';
import type { ResultRecord } from '../../src/results/types.ts';
import { runSync } from '../../src/run/sync/runSync.ts';
import type { SyncRunOptions, SyncRunStats } from '../../src/run/sync/runSync.ts';
import type { RunItem } from '../../src/run/types.ts';
import { countRequestTokens, encodingNameForModel } from '../../src/tokens/index.ts';

export const TEST_KEY = 'sk-test';
const catalog = loadCatalog();
export const pricingFor = (model: string): ModelPricing => resolvePricing(catalog, model);

export function item(line: number, url: Endpoint, body: Record<string, unknown>, custom_id = `req-${line}`): RunItem {
  const model = typeof body.model === 'string' ? body.model : 'omni-moderation-latest';
  let encoding: ReturnType<typeof encodingNameForModel>;
  try {
    encoding = encodingNameForModel(model);
  } catch {
    encoding = 'o200k_base';
  }
  const cap = (body.max_completion_tokens ?? body.max_tokens ?? body.max_output_tokens ?? 0) as number;
  return { line, custom_id, url, model, body, input_tokens: countRequestTokens(url, body, encoding).input_tokens, max_output_tokens: cap * ((body.n as number) ?? 1) };
}

export function chatItem(line: number, model = 'gpt-4o-mini', extra: Record<string, unknown> = {}): RunItem {
  return item(line, '/v1/chat/completions', { model, messages: [{ role: 'user', content: `Say something about number ${line}.` }], max_tokens: 20, ...extra });
}

export function client(baseURL: string, apiKey = TEST_KEY): OpenAI {
  return new OpenAI({ apiKey, baseURL });
}

export async function run(
  items: Iterable<RunItem> | AsyncIterable<RunItem>,
  opts: Partial<SyncRunOptions> & { client: OpenAI },
): Promise<{ records: ResultRecord[]; stats: SyncRunStats; logs: string[] }> {
  const records: ResultRecord[] = [];
  const logs: string[] = [];
  const stats = await runSync(items, { tier: 'default', pricingFor, log: (l) => logs.push(l), ...opts }, (r) => records.push(r));
  return { records, stats, logs };
}

export function byId(records: ResultRecord[]): Map<string, ResultRecord> {
  return new Map(records.map((r) => [r.custom_id, r]));
}
