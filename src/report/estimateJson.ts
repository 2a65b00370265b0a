// The `estimate --format json` contract (shared/DESIGN.md). Field names and nesting are a promise to other tools;
// extra fields may be added, none renamed. Money is USD rounded to 1e-9 (the rule of every machine output).
import type { ComparisonEstimate, FileEstimate, ModeCosts, OutputTokens, Range } from '../estimate/types.ts';
import { roundUsd } from '../results/index.ts';

const money = (r: Range): Range => ({ low: roundUsd(r.low), expected: roundUsd(r.expected), max: roundUsd(r.max) });
const modes = (c: ModeCosts) => ({
  sync: money(c.sync),
  batch: money(c.batch),
  flex: c.flex ? money(c.flex) : null,
  priority: c.priority ? money(c.priority) : null,
});
const compared = (c: ComparisonEstimate) => ({
  from: c.from,
  to: c.to,
  provider: c.provider,
  priced_as: c.priced_as,
  requests: c.requests,
  input_tokens: c.input_tokens,
  output_tokens: { low: c.output_tokens.low, expected: Math.round(c.output_tokens.expected), max: c.output_tokens.max },
  cost: { sync: money(c.cost.sync), batch: money(c.cost.batch) },
  baseline: { sync: money(c.baseline.sync), batch: money(c.baseline.batch) },
  approximate: c.approximate,
  token_ratio: c.token_ratio,
  token_basis: c.token_basis,
  pricing: { as_of: c.price_as_of, source: c.price_source },
  notes: c.notes,
});
const tokens = (t: OutputTokens) => ({ low: t.low, expected: Math.round(t.expected), max: t.max, source: t.source, sample: t.sample });

export function estimateToJson(e: FileEstimate): Record<string, unknown> {
  return {
    file: e.file,
    requests: e.requests,
    input_tokens: e.input_tokens,
    // How input was counted: exact (OpenAI's tokenizer), approximate, history (calibrated) or provider_count.
    input_tokens_source: e.input_tokens_source,
    input_tokens_approximate: e.input_tokens_approximate,
    input_tokens_sources: e.input_tokens_sources,
    output_tokens: tokens(e.output_tokens),
    models: e.models.map((m) => ({
      model: m.model,
      priced_as: m.priced_as,
      price_origin: m.price_origin,
      price_as_of: m.price_as_of,
      requests: m.requests,
      input_tokens: m.input_tokens,
      input_tokens_source: m.input_tokens_source,
      input_tokens_sources: m.input_tokens_sources,
      input_tokens_method: m.input_tokens_method,
      ...(m.input_tokens_sample > 0 ? { input_tokens_sample: m.input_tokens_sample } : {}),
      output_tokens: tokens(m.output_tokens),
      cost: modes(m.cost),
      ...(m.cache
        ? {
            cached_input_tokens: m.cache.cached_input_tokens,
            cache_write_tokens: m.cache.cache_write_tokens,
            cache: { requests_with_shared_prefix: m.cache.requests_with_shared_prefix, source: m.cache.source },
          }
        : {}),
      long_context_requests: m.long_context_requests,
      unbounded_requests: m.unbounded_requests,
      unknown_size_images: m.unknown_size_images,
      warnings: m.warnings,
    })),
    cost: modes(e.cost),
    cost_without_cache: modes(e.cost_without_cache),
    savings: { batch: money(e.savings.batch), flex: e.savings.flex ? money(e.savings.flex) : null },
    recommendation: e.recommendation,
    pricing: e.pricing,
    lifecycle: e.lifecycle,
    bytes: e.bytes,
    split_notes: e.split_notes,
    warnings: e.warnings,
    warning_count: e.warning_count,
    notes: e.notes,
    ...(e.comparison ? { comparison: e.comparison.map(compared) } : {}),
    ...(e.items
      ? {
          items: e.items.map((i) => ({
            line: i.line,
            custom_id: i.custom_id,
            model: i.model,
            input_tokens: i.input_tokens,
            input_tokens_source: i.input_tokens_source,
            ...(i.approximate_input_tokens !== undefined ? { approximate_input_tokens: i.approximate_input_tokens } : {}),
            max_output_tokens: i.max_output_tokens,
            url: i.url,
            unbounded: i.unbounded,
            output_tokens: { low: i.output_tokens.low, expected: Math.round(i.output_tokens.expected), max: i.output_tokens.max },
            output_source: i.output_source,
            cached_input_tokens: Math.round(i.cached_input_tokens),
            long_context: i.long_context,
            cost: modes(i.cost),
          })),
        }
      : {}),
  };
}
