// A mermaid bar chart of what each mode costs (and what the run cost): GitHub renders ```mermaid blocks in job
// summaries and comments, so the saving is visible without reading numbers.
import type { Mode, ModeCosts } from '../estimate/types.ts';

/** Priority gets a bar only when it is the mode chosen: at about twice sync it would flatten the bars that matter. */
export function costChart(cost: ModeCosts, actualUsd?: number, chosen: Mode[] = []): string {
  const bars: [string, number][] = [['sync', cost.sync.expected]];
  if (cost.flex) bars.push(['flex', cost.flex.expected]);
  bars.push(['batch', cost.batch.expected]);
  if (cost.priority && chosen.includes('priority')) bars.push(['priority', cost.priority.expected]);
  if (actualUsd !== undefined) bars.push(['actual', actualUsd]);
  // Round for the axis labels; a chart of fractions of a cent still compares correctly at 6 decimals.
  const values = bars.map(([, v]) => Number(v.toFixed(6)));
  // From zero: mermaid starts the axis near the smallest bar otherwise, so batch at half of sync looks like a sliver
  // and a small actual cost vanishes below the axis.
  const top = Math.max(...values) * 1.1 || 1;
  return [
    '```mermaid',
    'xychart-beta',
    `  title "Expected cost by mode (USD)${actualUsd !== undefined ? ' and the actual cost' : ''}"`,
    `  x-axis [${bars.map(([k]) => `"${k}"`).join(', ')}]`,
    `  y-axis "USD" 0 --> ${Number(top.toPrecision(3))}`,
    `  bar [${values.join(', ')}]`,
    '```',
  ].join('\n');
}
