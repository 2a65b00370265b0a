// What a new set of prices changes against the catalog we have: new models, models gone, and every price that moved,
// field by field ("gpt-5.5 batch.input 2.5 → 2.25"), so a reviewer checks a handful of lines, not two JSON files. Pure.

import { pricingOf } from '../resolvePricing.ts';
import { PRICE_MODES } from '../types.ts';
import type { LongContextRule, ModePrice, PriceEntry } from '../types.ts';

export interface PriceChange {
  model: string;
  /** `<mode>.<field>` (sync.input, batch.cached_input, priority.output), a whole mode ("flex") when it appears or goes,
   *  or `long_context.<field>`. */
  field: string;
  /** null: no such price (a "-" on the page, or a mode the model does not have). */
  from: number | ModePrice | null;
  to: number | ModePrice | null;
}

export interface CatalogDiff {
  added: string[];
  removed: string[];
  changed: PriceChange[];
}

const MODE_FIELDS = ['input', 'cached_input', 'cache_write', 'output'] as const;

/** The difference from `before` to `after` (both model name → entry), models in name order. */
export function diffCatalog(before: Record<string, PriceEntry>, after: Record<string, PriceEntry>): CatalogDiff {
  const added = Object.keys(after).filter((m) => !Object.hasOwn(before, m)).sort();
  const removed = Object.keys(before).filter((m) => !Object.hasOwn(after, m)).sort();
  const changed: PriceChange[] = [];
  for (const model of Object.keys(after).filter((m) => Object.hasOwn(before, m)).sort()) {
    changed.push(...entryChanges(model, before[model], after[model]));
  }
  return { added, removed, changed };
}

function entryChanges(model: string, a: PriceEntry, b: PriceEntry): PriceChange[] {
  const out: PriceChange[] = [];
  const pa = pricingOf(model, a);
  const pb = pricingOf(model, b);
  for (const mode of PRICE_MODES) {
    const x = pa[mode];
    const y = pb[mode];
    if (x === null && y === null) continue;
    if (x === null || y === null) {
      out.push({ model, field: mode, from: x, to: y });
      continue;
    }
    for (const f of MODE_FIELDS) {
      const from = x[f] ?? null;
      const to = y[f] ?? null;
      if (from !== to) out.push({ model, field: `${mode}.${f}`, from, to });
    }
  }
  const la: Partial<LongContextRule> = a.long_context ?? {};
  const lb: Partial<LongContextRule> = b.long_context ?? {};
  for (const f of ['above_input_tokens', 'input', 'output'] as const) {
    const from = la[f] ?? null;
    const to = lb[f] ?? null;
    if (from !== to) out.push({ model, field: `long_context.${f}`, from, to });
  }
  return out;
}
