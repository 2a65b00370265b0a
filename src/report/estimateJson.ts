// The `estimate --format json` contract (shared/DESIGN.md). Field names and nesting are a promise to other tools;
// extra fields may be added, none renamed.
import type { FileEstimate, ModeCosts, Range } from '../estimate/types.ts';

/** Float noise (0.30000000000000004) out of money, without losing sub-cent precision. */
const usd = (x: number) => Number(x.toFixed(10));
const money = (r: Range): Range => ({ low: usd(r.low), expected: usd(r.expected), max: usd(r.max) });
const modes = (c: ModeCosts) => ({ sync: money(c.sync), batch: money(c.batch), flex: c.flex ? money(c.flex) : null });

export function estimateToJson(e: FileEstimate): Record<string, unknown> {
  return {
    file: e.file,
    requests: e.requests,
    input_tokens: e.input_tokens,
    output_tokens: e.output_tokens,
    models: e.models.map((m) => ({
      model: m.model,
      priced_as: m.priced_as,
      requests: m.requests,
      input_tokens: m.input_tokens,
      output_tokens: m.output_tokens,
      cost: modes(m.cost),
      unbounded_requests: m.unbounded_requests,
      unknown_size_images: m.unknown_size_images,
    })),
    cost: modes(e.cost),
    savings: { batch: money(e.savings.batch), flex: e.savings.flex ? money(e.savings.flex) : null },
    recommendation: e.recommendation,
    pricing: e.pricing,
    bytes: e.bytes,
    split_notes: e.split_notes,
    warnings: e.warnings,
    warning_count: e.warning_count,
    notes: e.notes,
    ...(e.items
      ? {
          items: e.items.map((i) => ({
            line: i.line,
            custom_id: i.custom_id,
            model: i.model,
            input_tokens: i.input_tokens,
            max_output_tokens: i.max_output_tokens,
            url: i.url,
            unbounded: i.unbounded,
            output_tokens: i.output_tokens,
          })),
        }
      : {}),
  };
}
