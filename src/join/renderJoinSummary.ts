// What `join` tells a person at the end: where the table went, how rows fared, and what to run again.
import { formatUsd } from '../shared/money.ts';
import type { IdSample, JoinSummary } from './types.ts';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const ids = (s: IdSample) => s.ids.map((id) => JSON.stringify(id)).join(', ') + (s.count > s.ids.length ? ', …' : '');

export function renderJoinSummary(s: JoinSummary): string {
  const lines: string[] = [];
  const statuses = Object.entries(s.statuses).map(([k, v]) => `${v} ${k}`).join(', ');
  lines.push(`wrote ${s.out}: ${count(s.rows, 'row')} (${statuses || 'none'}), ${formatUsd(s.cost_usd)}`);
  if (s.parse !== null) {
    lines.push(`parsed ${count(s.parsed, 'answer')} (${s.parse === 'json' ? 'JSON' : `/${s.parse}/`}) into columns`);
  }
  if (s.unparsed.count > 0) {
    lines.push(`${count(s.unparsed.count, 'answer')} did not parse: ${ids(s.unparsed)}`);
    lines.push(
      s.unparsed_path
        ? `  their requests are in ${s.unparsed_path}, ready for \`batchwise run\``
        : '  pass --requests FILE (or the prepare options) to write them as requests to run again',
    );
  }
  if (s.statuses.missing) lines.push(`${count(s.statuses.missing, 'row')} without a result (status "missing")`);
  if (s.unmatched_results.count > 0) {
    lines.push(`${count(s.unmatched_results.count, 'result')} matching no row: ${ids(s.unmatched_results)}`);
  }
  return lines.join('\n') + '\n';
}
