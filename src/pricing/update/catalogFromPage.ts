// Turns the pricing page's tables into catalog entries (the data/pricing.json format). The page has prices only, so
// everything else (limits, encoding, endpoints, snapshots, dates, replacement) comes from the bundled entry of the same
// model, and a model new on the page gets empty ones that a reviewer fills in from its model page. Pure.

import { BATCH_DISCOUNT } from '../mergeCatalog.ts';
import type { Catalog, LongContextRule, ModePrice, PriceEntry } from '../types.ts';
import type { PageRow, PageTier, PricingPage } from './parsePricingPage.ts';

/** "Long context: more than 272K input tokens" (model pages); used when a row does not state its own threshold. */
const DEFAULT_LONG_CONTEXT_TOKENS = 272_000;

const TIER_NAMES: Record<PageTier, string> = { sync: 'Standard', batch: 'Batch', flex: 'Flex', priority: 'Fast' };

export interface PageCatalog {
  catalog: Catalog;
  /** Page names written under another key, name → catalog key: a dated snapshot the catalog lists under its alias. */
  folded: Record<string, string>;
  warnings: string[];
}

export interface PageContext {
  /** ISO date the page was read: every entry's as_of. */
  today: string;
  /** The URL or file the page came from: every entry's source. */
  source: string;
}

/** Entries for every model on `page` that has a Standard price, completed from `bundled` (the catalog's models). */
export function catalogFromPage(page: PricingPage, bundled: Record<string, PriceEntry>, ctx: PageContext): PageCatalog {
  const owners = new Map<string, string>();
  for (const [key, entry] of Object.entries(bundled)) for (const s of entry.snapshots ?? []) owners.set(s, key);

  const warnings = [...page.warnings];
  // A copy cut short (or a page redesign) can lose a whole tier. That says nothing about the models' prices in it,
  // so those are carried over from the bundled catalog rather than written (and diffed) as gone.
  const missing = new Set((['batch', 'flex', 'priority'] as const).filter((t) => page.tables[t] === 0));
  for (const tier of missing) {
    warnings.push(`the page has no ${TIER_NAMES[tier]} table batchwise recognises: ${TIER_NAMES[tier]} prices are carried over from the bundled catalog`);
  }
  const folded: Record<string, string> = {};
  // Snapshot names the page prices differently from their alias: they become entries of their own.
  const split = new Set<string>();
  const keyOf = new Map<string, string>();
  const rowsOf = new Map(page.models);
  for (const [name, rows] of page.models) {
    if (rows.sync === undefined) {
      const tiers = (Object.keys(rows) as PageTier[]).map((t) => TIER_NAMES[t]).join(' and ');
      warnings.push(`${name} is only in the page's ${tiers} table, without a Standard price: left out`);
      continue;
    }
    const owner = Object.hasOwn(bundled, name) ? undefined : owners.get(name);
    const ownerRows = owner === undefined ? undefined : page.models.get(owner);
    if (owner === undefined) keyOf.set(name, name);
    else if (ownerRows === undefined) {
      // The page names the snapshot (gpt-4-0613) where the catalog names the alias (gpt-4).
      folded[name] = owner;
      keyOf.set(name, owner);
    } else if (agree(rows, ownerRows)) {
      // Both at one price; a tier only the snapshot's row has is the alias's too (gpt-3.5-turbo bills as -0125).
      folded[name] = owner;
      rowsOf.set(owner, { ...rows, ...ownerRows });
    } else {
      keyOf.set(name, name);
      split.add(name);
    }
  }

  const models: Record<string, PriceEntry> = {};
  for (const [name, key] of keyOf) {
    if (Object.hasOwn(models, key)) {
      warnings.push(`${name} and another row of the page both price ${key}: kept the first`);
      continue;
    }
    const alsoOnPage = Object.keys(folded).filter((n) => folded[n] === key);
    models[key] = entryFor(rowsOf.get(name)!, Object.hasOwn(bundled, key) ? bundled[key] : undefined, ctx, { split, alsoOnPage, missing });
  }

  const catalog: Catalog = {
    as_of: ctx.today,
    source: ctx.source,
    notes: [
      `Written by \`batchwise pricing update\` on ${ctx.today} from ${ctx.source}: every model of the page's text-token tables (Standard, Batch, Flex, Fast). All prices USD per 1M tokens.`,
      'Only the prices come from the page; limits, encoding, endpoints, snapshots, release and shutdown dates come from the bundled catalog, and are empty for models it did not have.',
      'Models of the bundled catalog that the page does not list are not in this file.',
      ...warnings.map((w) => `While reading the page: ${w}.`),
    ],
    models,
  };
  return { catalog, folded, warnings };
}

interface EntryContext {
  /** Snapshot names that left their alias's list (entries of their own now). */
  split: Set<string>;
  /** The names the page lists for this entry (itself or its snapshots). */
  alsoOnPage: string[];
  /** Tiers the page has no table for: their prices come from the bundled entry. */
  missing: Set<PageTier>;
}

function entryFor(rows: Partial<Record<PageTier, PageRow>>, known: PriceEntry | undefined, ctx: PageContext, e: EntryContext): PriceEntry {
  const sync = rows.sync!;
  const notes: string[] = [];
  const carried = (tier: PageTier) => e.missing.has(tier) && known !== undefined;

  const batchRow = rows.batch?.short;
  let batch: Required<ModePrice>;
  if (batchRow !== undefined) batch = batchRow;
  else if (carried('batch')) {
    batch = { input: known!.batch_input, cached_input: known!.batch_cached_input, cache_write: known!.batch_cache_write, output: known!.batch_output };
  } else {
    batch = { input: sync.short.input * BATCH_DISCOUNT, cached_input: null, cache_write: null, output: sync.short.output * BATCH_DISCOUNT };
    notes.push('The page shows no Batch price: batch is 50% of standard (the Batch guide\'s "50% cost discount"), with no batch cache discount.');
  }
  const flex = carried('flex') ? structuredClone(known!.flex ?? null) : modePrice(rows.flex);
  const priority = carried('priority') ? structuredClone(known!.priority ?? null) : modePrice(rows.priority);
  const kept = (['batch', 'flex', 'priority'] as const).filter((t) => carried(t)).map((t) => TIER_NAMES[t]);
  if (kept.length > 0) notes.push(`${kept.join(' and ')} prices from the bundled catalog (the page had no such table).`);

  const long_context = longContextRule(sync, notes);
  for (const tier of ['batch', 'flex', 'priority'] as const) {
    const row = rows[tier];
    if (row !== undefined) checkLongCells(tier, row, long_context, notes);
  }
  if (e.alsoOnPage.length > 0) notes.push(`The page's rows for ${e.alsoOnPage.join(', ')} are read as this entry (its snapshots, at its prices).`);
  if (known === undefined) {
    notes.push('New on the pricing page: limits, encoding, endpoints, release date and regional uplift are not on that page (left empty; see the model page).');
  } else {
    notes.push(`Other fields from the bundled catalog (as of ${known.as_of}).`);
  }

  return {
    input: sync.short.input,
    cached_input: sync.short.cached_input,
    cache_write: sync.short.cache_write,
    output: sync.short.output,
    batch_input: batch.input,
    batch_cached_input: batch.cached_input,
    batch_cache_write: batch.cache_write,
    batch_output: batch.output,
    flex,
    priority,
    long_context,
    regional_uplift: known?.regional_uplift ?? null,
    media: structuredClone(known?.media ?? null),
    ...(known?.encoding !== undefined ? { encoding: known.encoding } : {}),
    max_output_tokens: known?.max_output_tokens ?? null,
    context_window: known?.context_window ?? null,
    reasoning: known?.reasoning ?? false,
    endpoints: [...(known?.endpoints ?? [])],
    snapshots: [...new Set([...(known?.snapshots ?? []).filter((s) => !e.split.has(s)), ...e.alsoOnPage])],
    released: known?.released ?? null,
    shutdown: known?.shutdown ?? null,
    replacement: known?.replacement ?? null,
    as_of: ctx.today,
    source: ctx.source,
    note: notes.join(' '),
    origin: 'catalog',
  };
}

function modePrice(row: PageRow | undefined): ModePrice | null {
  if (row === undefined) return null;
  const { input, cached_input, cache_write, output } = row.short;
  return { input, cached_input, cache_write, output };
}

/** The Standard row's long-context columns as the catalog's rule: one multiplier for input (and cache) rates and
 *  one for output, applied in every mode. */
function longContextRule(sync: PageRow, notes: string[]): LongContextRule | null {
  const long = sync.long;
  if (long === null || long.input === null || long.output === null) return null;
  const rule = {
    above_input_tokens: sync.above_input_tokens ?? DEFAULT_LONG_CONTEXT_TOKENS,
    input: ratio(long.input, sync.short.input),
    output: ratio(long.output, sync.short.output),
  };
  for (const field of ['cached_input', 'cache_write'] as const) {
    const s = sync.short[field];
    const l = long[field];
    if (s !== null && l !== null && !close(l, s * rule.input)) {
      notes.push(`The page's long-context ${field} (${l}) is not ${rule.input}x the short one (${s}); the rule uses ${rule.input}x.`);
    }
  }
  return rule;
}

/** Says where another tier's long-context cells disagree with the rule taken from the Standard table. */
function checkLongCells(tier: PageTier, row: PageRow, rule: LongContextRule | null, notes: string[]): void {
  const name = TIER_NAMES[tier];
  if (rule === null) {
    if (row.long !== null) notes.push(`The page's ${name} table has long-context prices, its Standard table none: they are not used.`);
    return;
  }
  if (row.long === null) {
    notes.push(`The page's ${name} table shows no long-context prices (the rule, ${rule.input}x / ${rule.output}x above ${rule.above_input_tokens} tokens, is applied to it too).`);
    return;
  }
  const expected = (field: 'input' | 'cached_input' | 'cache_write' | 'output') => {
    const s = row.short[field];
    return s === null ? null : s * (field === 'output' ? rule.output : rule.input);
  };
  const off = (['input', 'cached_input', 'cache_write', 'output'] as const).filter((f) => {
    const want = expected(f);
    const got = row.long![f];
    return want !== null && got !== null && !close(got, want);
  });
  if (off.length > 0) notes.push(`The page's ${name} long-context ${off.join(', ')} differ from the Standard table's ${rule.input}x / ${rule.output}x.`);
}

/** Same prices in every tier that both rows have. */
function agree(a: Partial<Record<PageTier, PageRow>>, b: Partial<Record<PageTier, PageRow>>): boolean {
  return (['sync', 'batch', 'flex', 'priority'] as const).every((t) => {
    const x = a[t];
    const y = b[t];
    return x === undefined || y === undefined || JSON.stringify([x.short, x.long]) === JSON.stringify([y.short, y.long]);
  });
}

function ratio(a: number, b: number): number {
  return Math.round((a / b) * 10_000) / 10_000;
}

/** Within 5%: the page rounds some cells to the cent (gpt-5.4's batch cached input is $0.13 for 0.125). */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.05 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
}
