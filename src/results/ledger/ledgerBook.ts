// Builds the ledger while the results are written: one call per result record, in input order, so memory holds one
// entry per (mode, model) and never a record.
import { usageCostUsd, usageTokens } from '../../pricing/index.ts';
import type { ModelPricing, PriceContext } from '../../pricing/index.ts';
import type { LineEstimate, Mode } from '../../estimate/types.ts';
import type { ResultRecord } from '../types.ts';
import { addFigures, emptyFigures, settle } from './figures.ts';
import type { Ledger, LedgerFigures, LedgerGroup } from './types.ts';

export interface LedgerBookOptions {
  pricingFor: (model: string) => ModelPricing | null;
  /** The estimate of an input line (the run always estimates with detail), for estimate-vs-actual. */
  estimateOf: (line: number) => LineEstimate | undefined;
  plannedMode: Mode;
  /** Lines of a `--pilot`: sent synchronously on purpose, so not "moved to sync". */
  pilotLines?: ReadonlySet<number>;
  ctx?: PriceContext;
}

export interface PricedRecord {
  /** USD at the tier that served the request; null when nothing was billed or usage is unknown. */
  actual: number | null;
  atSync: number | null;
}

export class LedgerBook {
  private readonly groups = new Map<string, LedgerGroup>();
  private readonly o: LedgerBookOptions;
  private moved = 0;
  private pilot = 0;

  constructor(o: LedgerBookOptions) {
    this.o = o;
  }

  /** The one pricing of a request's usage: actual at the mode that served it, and at the standard tier. */
  price(record: ResultRecord, model: string): PricedRecord {
    const pricing = this.o.pricingFor(model);
    if (record.usage === null || pricing === null) return { actual: null, atSync: null };
    return {
      actual: usageCostUsd(record.usage, pricing, record.mode, this.o.ctx),
      atSync: usageCostUsd(record.usage, pricing, 'sync', this.o.ctx),
    };
  }

  /** Counts a record whose cost_usd was set from `price` (results.jsonl and the ledger agree by construction). */
  add(record: ResultRecord, model: string, priced: PricedRecord): void {
    const key = `${record.mode}\n${model}`;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { mode: record.mode, model, ...emptyFigures() }));
    g.requests++;
    if (record.status === 'succeeded') g.succeeded++;
    if (this.o.pilotLines?.has(record.line)) this.pilot++;
    else if (this.o.plannedMode === 'batch' && record.mode !== 'batch' && record.usage !== null) this.moved++;
    const tokens = usageTokens(record.usage);
    if (tokens === null || priced.actual === null) return;
    g.billed++;
    g.input_tokens += tokens.input;
    g.cached_input_tokens += tokens.cached_input;
    g.cache_write_tokens += tokens.cache_write;
    g.output_tokens += tokens.output;
    g.reasoning_tokens += tokens.reasoning;
    g.actual_usd += priced.actual;
    g.at_sync_prices_usd += priced.atSync ?? priced.actual;
    // Like with like: only billed requests are compared, each with what the estimate expected in the mode it ran in.
    const e = this.o.estimateOf(record.line);
    if (e) {
      const c = e.cost[record.mode] ?? e.cost.sync;
      g.estimated_usd += c.expected;
      g.estimated_input_tokens += e.input_tokens;
      g.estimated_output_tokens += e.output_tokens.expected;
    }
  }

  close(): Ledger {
    const groups = [...this.groups.values()].map((g) => settle(g) as LedgerGroup);
    const byMode: Partial<Record<Mode, LedgerFigures>> = {};
    let total = emptyFigures();
    for (const g of groups) {
      const { mode, model: _model, ...figures } = g;
      byMode[mode] = addFigures(byMode[mode] ?? emptyFigures(), figures);
      total = addFigures(total, figures);
    }
    return { total: settle(total), by_mode: byMode, by_mode_and_model: groups, planned_mode: this.o.plannedMode, moved_to_sync: this.moved, pilot_requests: this.pilot };
  }
}

/** Several runs' ledgers as one (the action's step over several files). */
export function combineLedgers(ledgers: Ledger[]): Pick<Ledger, 'total' | 'by_mode' | 'moved_to_sync'> {
  let total = emptyFigures();
  const byMode: Partial<Record<Mode, LedgerFigures>> = {};
  let moved = 0;
  for (const l of ledgers) {
    total = addFigures(total, l.total);
    for (const [mode, f] of Object.entries(l.by_mode) as [Mode, LedgerFigures][]) byMode[mode] = addFigures(byMode[mode] ?? emptyFigures(), f);
    moved += l.moved_to_sync;
  }
  return { total, by_mode: byMode, moved_to_sync: moved };
}
