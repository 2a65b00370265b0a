// Claude's 1-hour cache writes (`"cache_control": {"type": "ephemeral", "ttl": "1h"}`) bill 2x the base input rate where
// the catalog's cache_write is the 5-minute rate (1.25x): Anthropic's pricing page lists both per model, and every row
// keeps that ratio (Haiku 4.5: $1 input, $1.25 5-minute write, $2 1-hour write). A batch halves it like every rate.
// A request that asks for the 1-hour TTL anywhere is priced with all its writes at that rate, the costlier reading.
import type { ModelPricing, ModePrice } from '../pricing/index.ts';

/** Anthropic: a 1-hour cache write costs this many times the base input rate. */
export const ONE_HOUR_WRITE_FACTOR = 2;

const memo = new WeakMap<ModelPricing, ModelPricing>();

/** `pricing` with every mode's cache-write rate at the 1-hour rate; unchanged where the model bills no writes. */
export function withOneHourWrites(pricing: ModelPricing): ModelPricing {
  let hit = memo.get(pricing);
  if (hit === undefined) {
    const hour = (p: ModePrice | null): ModePrice | null =>
      p === null || p.cache_write == null ? p : { ...p, cache_write: p.input * ONE_HOUR_WRITE_FACTOR };
    hit = { ...pricing, sync: hour(pricing.sync)!, batch: hour(pricing.batch)!, flex: hour(pricing.flex), priority: hour(pricing.priority) };
    memo.set(pricing, hit);
  }
  return hit;
}
