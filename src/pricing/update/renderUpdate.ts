// `batchwise pricing update` for a person: what the page holds, and every price it changes against our catalog.

import type { ModePrice } from '../types.ts';
import { columns, formatPrice } from './columns.ts';
import type { PriceChange } from './diffCatalog.ts';
import type { PricingUpdate } from './updateFromPage.ts';

const NONE = '—';
const TIER_NAMES = { sync: 'Standard', batch: 'Batch', flex: 'Flex', priority: 'Fast' } as const;

/** `out`: where the pricing file was written, or null when it was not. */
export function renderUpdate(update: PricingUpdate, out: string | null): string {
  const { diff } = update;
  const models = Object.keys(update.catalog.models).length;
  const tables = (Object.keys(TIER_NAMES) as (keyof typeof TIER_NAMES)[])
    .filter((t) => update.tables[t] > 0)
    .map((t) => TIER_NAMES[t]);
  const lines = [
    `${models} models on ${update.source} (${tables.join(', ')} tables), read ${update.as_of}.`,
    `Against the bundled catalog (prices checked ${update.against.as_of}): ${diff.added.length} new, ` +
      `${diff.removed.length} not on the page, ${diff.changed.length} price${diff.changed.length === 1 ? '' : 's'} changed.`,
  ];
  if (diff.added.length > 0) {
    lines.push('', `New (${diff.added.length}):`);
    const rows = diff.added.map((m) => {
      const e = update.catalog.models[m];
      return [`  ${m}`, `sync ${mode({ input: e.input, cached_input: e.cached_input, cache_write: e.cache_write, output: e.output })}`,
        `batch ${mode({ input: e.batch_input, cached_input: e.batch_cached_input, cache_write: e.batch_cache_write, output: e.batch_output })}`];
    });
    lines.push(...columns(rows));
  }
  if (diff.removed.length > 0) {
    lines.push('', `Not on the page (${diff.removed.length}; left out of the file):`, ...diff.removed.map((m) => `  ${m}`));
  }
  if (diff.changed.length > 0) {
    lines.push('', `Changed (${diff.changed.length}):`, ...diff.changed.map((c) => `  ${changeLine(c)}`));
  }
  const folded = Object.entries(update.folded);
  if (folded.length > 0) {
    lines.push('', 'Read as their catalog entry:', ...folded.map(([name, key]) => `  ${name} → ${key}`));
  }
  if (update.warnings.length > 0) lines.push('', 'Notes:', ...update.warnings.map((w) => `  ${w}`));
  lines.push('', out === null ? 'Nothing written (--out FILE writes the pricing file).' : `Wrote ${out}.`);
  return `${lines.join('\n')}\n`;
}

/** `--format json`: one object with the diff (added, removed, changed), what was read and where it was written. */
export function updateToJson(update: PricingUpdate, out: string | null): object {
  return {
    source: update.source,
    as_of: update.as_of,
    against: update.against,
    models: Object.keys(update.catalog.models).length,
    out,
    added: update.diff.added,
    removed: update.diff.removed,
    changed: update.diff.changed,
    folded: update.folded,
    warnings: update.warnings,
  };
}

/** "gpt-5.5 batch.input 2.5 → 2.25"; a mode that appears or goes shows whole ("flex — → 1.25 / — / 5"). */
export function changeLine(c: PriceChange): string {
  return `${c.model} ${c.field} ${value(c.from)} → ${value(c.to)}`;
}

function value(v: number | ModePrice | null): string {
  if (v === null) return NONE;
  return typeof v === 'number' ? formatPrice(v) : mode(v);
}

function mode(p: ModePrice): string {
  const write = p.cache_write == null ? '' : ` (write ${formatPrice(p.cache_write)})`;
  return `${formatPrice(p.input)} / ${p.cached_input === null ? NONE : formatPrice(p.cached_input)} / ${formatPrice(p.output)}${write}`;
}
