// Phrases every estimate renderer shares (terminal, markdown, summary), so they say the same thing the same way.
import type { FileEstimate, Mode, ModeCosts } from '../estimate/types.ts';
import { formatPercent, formatUsd } from '../shared/money.ts';
import { formatInt } from './format.ts';

/** The order modes are shown in: cheapest wait-free first, then the wait, then the dearer fast lane. */
export const MODE_ORDER: readonly Mode[] = ['sync', 'flex', 'batch', 'priority'];

/** "1 request", "2,000 requests". */
export function requestsWord(n: number): string {
  return `${formatInt(n)} request${n === 1 ? '' : 's'}`;
}

/** "saves $X (50%)" against sync, or "costs $X (+100%) more" for priority; '' for sync itself. */
export function savesText(cost: ModeCosts, mode: Mode): string {
  const c = cost[mode];
  if (mode === 'sync' || !c) return '';
  const saved = cost.sync.expected - c.expected;
  if (saved >= 0) return `${formatUsd(saved)} (${formatPercent(saved, cost.sync.expected)})`;
  return `costs ${formatUsd(-saved)} (+${formatPercent(-saved, cost.sync.expected)}) more`;
}

/** The prompt-cache line, when requests share a cacheable prefix: what is expected to be read from the cache. */
export function cacheLine(e: FileEstimate): string | null {
  const withCache = e.models.filter((m) => m.cache);
  if (withCache.length === 0) return null;
  const cached = withCache.reduce((n, m) => n + m.cache!.cached_input_tokens.sync, 0);
  const requests = withCache.reduce((n, m) => n + m.cache!.requests_with_shared_prefix, 0);
  const saved = e.cost_without_cache.sync.expected - e.cost.sync.expected;
  return (
    `prompt cache: ${formatInt(requests)} request(s) share a cacheable prefix; expected ${formatInt(cached)} of ` +
    `${formatInt(e.input_tokens)} input tokens cached at sync (${formatUsd(saved)} off the sync expected; max assumes no hits)`
  );
}

/** Where the expected output comes from, in words. */
export function outputSourceText(e: FileEstimate): string {
  const o = e.output_tokens;
  const parts = Object.entries(o.sources).map(([source, n]) => `${formatInt(n)} from ${source}`);
  if (o.source === 'heuristic' && parts.length <= 1) {
    return 'expected output is a stated heuristic (256 visible tokens per answer plus a reasoning allowance), not a measurement; run once to calibrate it';
  }
  return `expected output per request: ${parts.join(', ')}${o.sample > 0 ? ` (${formatInt(o.sample)} answers behind the measured figures)` : ''}`;
}

/** An input-token count as shown beside money: "≈12,345" when it is approximate (another provider's tokenizer). */
export function inputTokensCell(tokens: number, approximate: boolean): string {
  return `${approximate ? '≈' : ''}${formatInt(tokens)}`;
}

/** How the input tokens were counted, when not every count is OpenAI's exact one; null when all are. The per-model
 *  method (tokenizer, factor, calibration, counter) is in the estimate's notes. */
export function inputSourceText(e: FileEstimate): string | null {
  const s = e.input_tokens_sources;
  if (!e.input_tokens_approximate && (s.provider_count ?? 0) === 0) return null;
  const parts = (['provider_count', 'history', 'approximate', 'exact'] as const)
    .filter((k) => (s[k] ?? 0) > 0)
    .map((k) => `${formatInt(s[k]!)} ${INPUT_SOURCE_WORDS[k]}`);
  const models = e.models.filter((m) => m.input_tokens_source !== 'exact').map((m) => m.model);
  return `input tokens${e.input_tokens_approximate ? ' are approximate' : ''} (${models.join(', ')}): ${parts.join(', ')}`;
}

const INPUT_SOURCE_WORDS: Readonly<Record<'exact' | 'approximate' | 'history' | 'provider_count', string>> = {
  exact: 'counted exactly offline',
  approximate: "approximated from the o200k_base count × the tokenizer's factor",
  history: 'approximated and calibrated by what earlier runs were billed',
  provider_count: "counted by the provider's own counter",
};
