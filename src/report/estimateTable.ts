// `estimate --format table`: what a person at a terminal reads. Fits 80 columns.
import type { ComparisonEstimate, FileEstimate, ModeCosts, Range } from '../estimate/types.ts';
import { formatPercent, formatUsd } from '../shared/money.ts';
import { formatInt, padTable, truncate, wrap } from './format.ts';
import { cacheLine, inputSourceText, inputTokensCell, MODE_ORDER, outputSourceText, savesText } from './estimateText.ts';

const MODEL_COLUMN = 22;
const SHOWN_WARNINGS = 10;
const COMPARE_COLUMN = 34;

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

/** `--compare`: per model of the file, its own requests without cache hits, then each comparison model below it;
 *  ‡ marks a comparison that covers fewer of the model's requests (the notes say which were left out). */
function comparisonRows(e: FileEstimate, comparison: ComparisonEstimate[]): string[] {
  const rows = [['compared (approximate)', 'sync', 'batch', 'batch max', 'batch vs now']];
  for (const from of [...new Set(comparison.map((c) => c.from))]) {
    const mine = comparison.filter((c) => c.from === from);
    const all = e.models.find((m) => m.model === from)?.requests ?? 0;
    const base = mine.reduce((a, b) => (b.requests > a.requests ? b : a)).baseline;
    rows.push([truncate(`${from} (no cache)`, COMPARE_COLUMN), formatUsd(base.sync.expected), formatUsd(base.batch.expected), formatUsd(base.batch.max), '']);
    for (const c of mine) {
      const vs = c.baseline.batch.expected > 0 ? c.cost.batch.expected / c.baseline.batch.expected - 1 : null;
      rows.push([
        truncate(`→ ${c.to}`, COMPARE_COLUMN) + (c.requests < all ? '‡' : ''),
        formatUsd(c.cost.sync.expected),
        formatUsd(c.cost.batch.expected),
        formatUsd(c.cost.batch.max),
        vs === null ? '—' : `${vs >= 0 ? '+' : '−'}${formatPercent(Math.abs(vs), 1)}`,
      ]);
    }
  }
  return padTable(rows, new Set([1, 2, 3, 4])).map((l) => '  ' + l);
}

export function renderEstimateTable(e: FileEstimate): string {
  const out: string[] = [];
  out.push(`${e.file}: ${formatInt(e.requests)} requests, ${inputTokensCell(e.input_tokens, e.input_tokens_approximate)} input tokens${e.input_tokens_approximate ? ' (approximate)' : ''}`);
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
  if (e.comparison && e.comparison.length > 0) {
    out.push('');
    out.push('same requests on other models (expected, no cache discounts; never picked):');
    out.push(...comparisonRows(e, e.comparison));
    if (e.comparison.some((c) => c.requests < (e.models.find((m) => m.model === c.from)?.requests ?? 0))) {
      out.push('  ‡ covers fewer of the model\'s requests: see the notes');
    }
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
  // One paragraph per comparison model, then each token factor's basis once.
  for (const c of e.comparison ?? []) text(`compare ${c.from} → ${c.to}: ${c.notes.join('; ')}`);
  const bases = new Map((e.comparison ?? []).filter((c) => c.token_ratio !== 1).map((c) => [c.token_ratio, c.token_basis]));
  for (const [ratio, basis] of bases) text(`tokens × ${ratio}: ${basis}`);
  const input = inputSourceText(e);
  if (input) text(`input: ${input}`);
  text(`output: ${outputSourceText(e)}`);
  text(`prices checked ${e.pricing.as_of}${e.pricing.region ? ', regional processing (+10% where charged)' : ''} (${e.pricing.source})`);
  const compared = [...new Set((e.comparison ?? []).filter((c) => c.provider !== 'azure').map((c) => c.price_as_of))];
  if (compared.length > 0) text(`compared prices checked ${compared.join(', ')} (the providers' pages; data/providers.json)`);
  return out.join('\n') + '\n';
}
