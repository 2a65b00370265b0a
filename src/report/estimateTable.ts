// `estimate --format table`: what a person at a terminal reads. Fits 80 columns.
import type { FileEstimate, ModeCosts, Range } from '../estimate/types.ts';
import { formatPercent, formatUsd } from '../shared/money.ts';
import { formatInt, padTable, truncate, wrap } from './format.ts';

const MODEL_COLUMN = 24;
const SHOWN_WARNINGS = 10;

const tokens = (r: Range) => `${formatInt(r.low)} / ${formatInt(r.expected)} / ${formatInt(r.max)}`;

function modeRows(cost: ModeCosts, chosen?: string): string[][] {
  const rows: string[][] = [['mode', 'low', 'expected', 'max', 'saves (expected)']];
  for (const mode of ['sync', 'flex', 'batch'] as const) {
    const c = cost[mode];
    const mark = mode === chosen ? ' *' : '';
    if (!c) {
      rows.push([mode + mark, '—', '—', '—', 'no flex processing']);
      continue;
    }
    const saved = cost.sync.expected - c.expected;
    rows.push([
      mode + mark,
      formatUsd(c.low),
      formatUsd(c.expected),
      formatUsd(c.max),
      mode === 'sync' ? '' : `${formatUsd(saved)} (${formatPercent(saved, cost.sync.expected)})`,
    ]);
  }
  return rows;
}

export function renderEstimateTable(e: FileEstimate): string {
  const out: string[] = [];
  out.push(`${e.file}: ${formatInt(e.requests)} requests, ${formatInt(e.input_tokens)} input tokens`);
  out.push(`output tokens (low / expected / max): ${tokens(e.output_tokens)}`);
  out.push('');
  out.push(...padTable(modeRows(e.cost, e.recommendation.mode), new Set([1, 2, 3])));
  if (e.models.length > 1) {
    out.push('');
    out.push('per model (expected):');
    const rows = [['model', 'requests', 'input tok', 'sync', 'flex', 'batch']];
    for (const m of e.models) {
      rows.push([
        truncate(m.model, MODEL_COLUMN),
        formatInt(m.requests),
        formatInt(m.input_tokens),
        formatUsd(m.cost.sync.expected),
        m.cost.flex ? formatUsd(m.cost.flex.expected) : '—',
        formatUsd(m.cost.batch.expected),
      ]);
    }
    out.push(...padTable(rows, new Set([1, 2, 3, 4, 5])).map((l) => '  ' + l));
  }
  out.push('');
  // Free text wraps at 80 columns; user text inside it is already bounded by the stages that wrote it.
  const text = (line: string) => out.push(...wrap(line, 80, 2));
  text(`recommended: ${e.recommendation.mode} — ${e.recommendation.reason}`);
  for (const s of e.split_notes) text(`batch split: ${s.message}`);
  for (const w of e.warnings.slice(0, SHOWN_WARNINGS)) text(`warning: ${e.file}:${w.line}: ${w.reason}`);
  if (e.warning_count > SHOWN_WARNINGS) text(`warning: …and ${e.warning_count - SHOWN_WARNINGS} more`);
  for (const n of e.notes) text(`note: ${n}`);
  text(`prices as of ${e.pricing.as_of} (${e.pricing.source})`);
  return out.join('\n') + '\n';
}
