// The catalog as a list a person reads (`batchwise pricing`): one row per model with its price in every mode, when
// the price was checked, and when the model shuts down. Plain data; the table and JSON are rendered from it. Pure:
// `today` is passed in so that "in 10 days" is testable.

import { pricingOf } from '../resolvePricing.ts';
import type { Catalog, PriceOrigin } from '../types.ts';

const DAY_MS = 86_400_000;

/** One mode's price per 1M tokens. `cached_input` null: no cache discount in that mode. */
export interface RowPrice {
  input: number;
  cached_input: number | null;
  output: number;
}

export interface CatalogRow {
  model: string;
  sync: RowPrice;
  batch: RowPrice;
  /** null: the model has no such mode. */
  flex: RowPrice | null;
  priority: RowPrice | null;
  /** ISO date the prices were checked. */
  as_of: string;
  shutdown: string | null;
  /** Whole days from today to the shutdown (0 or less: shut down); null without a shutdown date. */
  days_to_shutdown: number | null;
  replacement: string | null;
  origin: PriceOrigin;
  source: string;
}

export interface CatalogListing {
  /** When the catalog's prices were checked (its newest entry). */
  as_of: string;
  /** Days from as_of to today. */
  age_days: number;
  models: CatalogRow[];
}

export interface RowOptions {
  /** Keep only models whose name (or a listed snapshot) contains this, case-insensitively. */
  model?: string;
}

/** The catalog's models in name order, as of `today` (ISO date). */
export function catalogRows(catalog: Catalog, today: string, options: RowOptions = {}): CatalogListing {
  const filter = options.model?.toLowerCase();
  const models: CatalogRow[] = [];
  for (const key of Object.keys(catalog.models).sort()) {
    const entry = catalog.models[key];
    if (filter !== undefined && ![key, ...entry.snapshots].some((name) => name.toLowerCase().includes(filter))) continue;
    const p = pricingOf(key, entry);
    models.push({
      model: key,
      sync: rowPrice(p.sync),
      batch: rowPrice(p.batch),
      flex: p.flex === null ? null : rowPrice(p.flex),
      priority: p.priority === null ? null : rowPrice(p.priority),
      as_of: entry.as_of,
      shutdown: entry.shutdown,
      days_to_shutdown: entry.shutdown === null ? null : daysBetween(today, entry.shutdown),
      replacement: entry.replacement,
      origin: p.origin,
      source: entry.source,
    });
  }
  return { as_of: catalog.as_of, age_days: daysBetween(catalog.as_of, today), models };
}

/** "shut down" on and after the shutdown day (the model stops answering that day, as lifecycleOf counts it),
 *  "in N days" before it; null without a date. */
export function shutdownStatus(days: number | null): string | null {
  if (days === null) return null;
  if (days <= 0) return 'shut down';
  return `in ${days} day${days === 1 ? '' : 's'}`;
}

/** "prices checked 2026-12-01, 0 days ago". */
export function ageLine(listing: Pick<CatalogListing, 'as_of' | 'age_days'>): string {
  const d = listing.age_days;
  const ago = d === 0 ? '0 days ago' : d > 0 ? `${d} day${d === 1 ? '' : 's'} ago` : `${-d} day${d === -1 ? '' : 's'} from now`;
  return `prices checked ${listing.as_of}, ${ago}`;
}

function rowPrice(p: { input: number; cached_input: number | null; output: number }): RowPrice {
  return { input: p.input, cached_input: p.cached_input, output: p.output };
}

/** Whole days from ISO date `from` to ISO date `to` (negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}
