// `estimate --format csv`: one row per model and mode (plus the file total), then with --compare a sync and a batch row
// per comparison (approximate; three more columns say so); or with --detail one row per request.
// csv-stringify does the quoting: custom_ids and model names are user text.
import { stringify } from 'csv-stringify/sync';
import type { FileEstimate, ModeCosts } from '../estimate/types.ts';

const MODES = ['sync', 'flex', 'batch', 'priority'] as const;

function modeRows(file: string, model: string, requests: number, input: number, out: { low: number; expected: number; max: number }, cost: ModeCosts) {
  return MODES.flatMap((mode) => {
    const c = cost[mode];
    if (!c) return [];
    return [[file, model, mode, requests, input, out.low, out.expected, out.max, c.low, c.expected, c.max]];
  });
}

/** `--compare` rows: the same requests on another model, sync and batch (approximate), after the file's own rows. */
function comparisonRows(e: FileEstimate) {
  return (e.comparison ?? []).flatMap((c) =>
    (['sync', 'batch'] as const).map((mode) => {
      const cost = c.cost[mode];
      const out = c.output_tokens;
      return [e.file, c.to, mode, c.requests, c.input_tokens, out.low, Math.round(out.expected), out.max, cost.low, cost.expected, cost.max, c.from, c.provider, true];
    }),
  );
}

export function estimateToCsv(e: FileEstimate): string {
  // How input was counted appears only where some count is not OpenAI's exact one, so an OpenAI file's CSV keeps its shape.
  const sourced = e.input_tokens_source !== 'exact' || Object.keys(e.input_tokens_sources).some((k) => k !== 'exact');
  if (e.items) {
    const columns = ['file', 'line', 'custom_id', 'model', 'url', 'input_tokens', 'output_low', 'output_expected', 'output_max', 'unbounded'];
    return stringify(
      e.items.map((i) => [
        e.file, i.line, i.custom_id, i.model, i.url, i.input_tokens, i.output_tokens.low, i.output_tokens.expected, i.output_tokens.max, i.unbounded,
        ...(sourced ? [i.input_tokens_source] : []),
      ]),
      { header: true, columns: sourced ? [...columns, 'input_tokens_source'] : columns },
    );
  }
  const rows = [
    ...e.models.flatMap((m) => modeRows(e.file, m.model, m.requests, m.input_tokens, m.output_tokens, m.cost)),
    ...modeRows(e.file, '(total)', e.requests, e.input_tokens, e.output_tokens, e.cost),
  ];
  const columns = ['file', 'model', 'mode', 'requests', 'input_tokens', 'output_low', 'output_expected', 'output_max', 'cost_low_usd', 'cost_expected_usd', 'cost_max_usd'];
  if (sourced) {
    // Per model its own source; the total row the file's (dominant) one.
    const sourceOf = new Map(e.models.map((m) => [m.model, m.input_tokens_source as string]));
    for (const r of rows) r.push(sourceOf.get(r[1] as string) ?? e.input_tokens_source);
    columns.push('input_tokens_source');
  }
  // The comparison columns appear only with --compare, so the CSV of a plain estimate keeps its shape.
  if (!e.comparison) return stringify(rows, { header: true, columns });
  return stringify([...rows.map((r) => [...r, '', e.pricing.provider, false]), ...comparisonRows(e).map((r) => (sourced ? [...r.slice(0, 11), 'approximate', ...r.slice(11)] : r))], {
    header: true,
    columns: [...columns, 'compared_from', 'provider', 'approximate'],
  });
}
