// `estimate --format table`: what a person at a terminal reads. Fits 80 columns.
import type { FileEstimate, ModeCosts, Range } from '../estimate/types.ts';
import { formatPercent, formatUsd } from '../shared/money.ts';
import { formatInt, padTable, truncate, wrap } from './format.ts';
import { cacheLine, MODE_ORDER, outputSourceText, savesText } from './estimateText.ts';

const MODEL_COLUMN = 22;
const SHOWN_WARNINGS = 10;

const tokens = (r: Range) => `${formatInt(r.low)} / ${formatInt(r.expected)} / ${formatInt(r.max)}`;

function modeRows(cost: ModeCosts, chosen?: string): string[][] {
  const rows: string[][] = [['mode', 'low', 'expected', 'max', 'saves (expected)']];
  for (const mode of MODE_ORDER) {
    const c = cost[mode];
    const mark = mode === chosen ? ' *' : '';
    if (!c) {
      rows.push([mode + mark, '—', '—', '—', `no ${mode} processing`]);
      continue;
    }
    rows.push([mode + mark, formatUsd(c.low), formatUsd(c.expected), formatUsd(c.max), savesText(cost, mode)]);
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
    const rows = [['model', 'requests', 'sync', 'flex', 'batch', 'priority']];
    for (const m of e.models) {
      rows.push([
        truncate(m.model, MODEL_COLUMN) + (m.price_origin === 'derived' ? '†' : ''),
        formatInt(m.requests),
        ...MODE_ORDER.map((mode) => (m.cost[mode] ? formatUsd(m.cost[mode]!.expected) : '—')),
      ]);
    }
    out.push(...padTable(rows, new Set([1, 2, 3, 4, 5])).map((l) => '  ' + l));
    if (e.models.some((m) => m.price_origin === 'derived')) out.push('  † derived prices (not in the catalog): see the notes');
  }
  const cache = cacheLine(e);
  if (cache) out.push('', cache);
  out.push('');
  // Free text wraps at 80 columns; user text inside it is already bounded by the stages that wrote it.
  const text = (line: string) => out.push(...wrap(line, 80, 2));
  text(`recommended: ${e.recommendation.mode} — ${e.recommendation.reason}`);
  for (const l of e.lifecycle) text(`warning: ${l.message}`);
  for (const s of e.split_notes) text(`batch split: ${s.message}`);
  for (const w of e.warnings.slice(0, SHOWN_WARNINGS)) text(`warning: ${e.file}:${w.line}: ${w.reason}`);
  if (e.warning_count > SHOWN_WARNINGS) text(`warning: …and ${e.warning_count - SHOWN_WARNINGS} more`);
  const lifecycle = new Set(e.lifecycle.map((l) => l.message));
  for (const n of e.notes) if (!lifecycle.has(n)) text(`note: ${n}`);
  text(`output: ${outputSourceText(e)}`);
  text(`prices checked ${e.pricing.as_of}${e.pricing.region ? ', regional processing (+10% where charged)' : ''} (${e.pricing.source})`);
  return out.join('\n') + '\n';
}
