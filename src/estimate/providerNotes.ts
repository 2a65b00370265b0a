// What an estimate through Anthropic's or Gemini's catalog must say about its figures: how each model's input tokens
// were counted (exact, approximate and how, calibrated by history, the provider's counter, its failures), and how the
// provider's prompt-cache rules bear on the cache figures. Words only: the numbers are estimateFile's.
import { PROVIDER_LABELS } from '../pricing/index.ts';
import type { CatalogProvider, ModelPricing } from '../pricing/index.ts';
import { approximationMethod, tokenRatioFor } from '../tokens/index.ts';
import type { PromptCacheRules } from '../tokens/index.ts';
import type { InputPrediction } from '../history/index.ts';
import type { InputTokensSource, ModelEstimate } from './types.ts';

/** Distinct counter failures kept for the notes per model (the same outage repeats on every line). */
export const MAX_COUNT_FAILURES_KEPT = 3;

/** What estimateFile tallies of a model's input and cache that the notes speak of. */
export interface InputTally {
  pricing: ModelPricing;
  input_sources: Partial<Record<InputTokensSource, number>>;
  /** The history calibration of the input, when one applied. */
  input_history: InputPrediction | null;
  /** Requests whose provider count failed, and the first few distinct reasons with their counts. */
  count_failed: number;
  count_failures: Map<string, number>;
  /** The provider's prompt-cache rules for the model (null for OpenAI's, which cacheHits.ts states). */
  cache_rules: PromptCacheRules | null;
  cache_marked: number;
  cache_one_hour: number;
}

/** Records one failed count: every one is counted, only the first few distinct reasons are kept. */
export function recordCountFailure(t: InputTally, reason: string): void {
  t.count_failed++;
  if (t.count_failures.has(reason) || t.count_failures.size < MAX_COUNT_FAILURES_KEPT) t.count_failures.set(reason, (t.count_failures.get(reason) ?? 0) + 1);
}

/** Who counts for the provider, in words. */
export function counterName(provider: CatalogProvider): string {
  return provider === 'anthropic' ? "Anthropic's count_tokens" : provider === 'gemini' ? "Gemini's countTokens" : "the provider's token counter";
}

/** How a model's input tokens were counted, one phrase per source it has. */
export function inputMethod(t: InputTally, provider: CatalogProvider): string {
  const ratio = tokenRatioFor(provider, t.pricing.model);
  const phrases: string[] = [];
  const n = (source: InputTokensSource) => t.input_sources[source] ?? 0;
  const several = Object.keys(t.input_sources).length > 1;
  const count = (source: InputTokensSource) => (several ? `${n(source).toLocaleString('en-US')} request(s): ` : '');
  if (n('exact') > 0) phrases.push(`${count('exact')}counted exactly offline with the model's OpenAI tokenizer`);
  if (n('provider_count') > 0) phrases.push(`${count('provider_count')}counted by ${counterName(provider)}`);
  if (n('history') > 0 && t.input_history) {
    phrases.push(`${count('history')}${approximationMethod(ratio)}, calibrated × ${t.input_history.ratio}: ${t.input_history.reason}`);
  }
  if (n('approximate') > 0) phrases.push(`${count('approximate')}${approximationMethod(ratio)} (${ratio.basis})`);
  return phrases.join('; ');
}

/** What the reader must know about a model's input count: approximate (and how), calibrated, counted, or fallen back. */
export function inputNotes(m: ModelEstimate, t: InputTally, provider: CatalogProvider): string[] {
  const notes: string[] = [];
  const approx = (t.input_sources.approximate ?? 0) + (t.input_sources.history ?? 0);
  if (approx > 0) {
    notes.push(
      `${m.model}: input tokens are approximate (${PROVIDER_LABELS[provider]} publishes no offline tokenizer): ${m.input_tokens_method}` +
        `${t.input_history === null ? '; a run records what was billed, and the next estimate calibrates on it' : ''}` +
        `${(t.input_sources.approximate ?? 0) > 0 ? "; max assumes the approximation, which can be below the provider's count" : ''}`,
    );
  } else if ((t.input_sources.provider_count ?? 0) > 0) {
    notes.push(`${m.model}: input tokens counted by ${counterName(provider)} for every request`);
  }
  if (t.count_failed > 0) {
    notes.push(
      `${m.model}: ${counterName(provider)} failed for ${t.count_failed.toLocaleString('en-US')} request(s), whose input is the ` +
        `approximation instead (${[...t.count_failures.keys()].join('; ')})`,
    );
  }
  return notes;
}

/** Anthropic's and Gemini's prompt-cache rules as they bear on this model's figures. */
export function providerCacheNotes(m: ModelEstimate, t: InputTally, provider: CatalogProvider): string[] {
  const rules = t.cache_rules;
  if (rules === null) return [];
  if (provider === 'anthropic') {
    if (t.cache_marked === 0) {
      return [`${m.model}: no request marks a cache_control breakpoint, and Claude caches only what a request marks: priced without cache reads or writes`];
    }
    const notes = [
      `${m.model}: ${t.cache_marked.toLocaleString('en-US')} request(s) mark cache_control; prefixes up to a breakpoint, from ${rules.basis}, ` +
        `are read at the cached rate after a first write at 1.25× input (a batch halves both; a batch's hits are best-effort, and a ` +
        `5-minute entry can expire before the next request runs)`,
    ];
    if (t.cache_one_hour > 0) {
      notes.push(
        `${m.model}: ${t.cache_one_hour.toLocaleString('en-US')} request(s) ask for 1-hour cache writes, priced at 2× input (the 1-hour ` +
          `rate); the usage a run reads does not tell 1-hour writes apart, so the run's actual cost prices them at the 5-minute rate`,
      );
    }
    return notes;
  }
  return [`${m.model}: implicit caching from ${rules.basis}; Google promises no hits, and a batch's hits bill at the standard cached rate`];
}
