// A mermaid bar chart of what each mode costs (and what the run cost): GitHub renders ```mermaid blocks in job
// summaries and comments, so the saving is visible without reading numbers.
import type { ModeCosts } from '../estimate/types.ts';

export function costChart(cost: ModeCosts, actualUsd?: number): string {
  const bars: [string, number][] = [['sync', cost.sync.expected]];
  if (cost.flex) bars.push(['flex', cost.flex.expected]);
  bars.push(['batch', cost.batch.expected]);
  if (actualUsd !== undefined) bars.push(['actual', actualUsd]);
  // Round for the axis labels; a chart of fractions of a cent still compares correctly at 6 decimals.
  const values = bars.map(([, v]) => Number(v.toFixed(6)));
  return [
    '```mermaid',
    'xychart-beta',
    `  title "Expected cost by mode (USD)${actualUsd !== undefined ? ' and the actual cost' : ''}"`,
    `  x-axis [${bars.map(([k]) => `"${k}"`).join(', ')}]`,
    '  y-axis "USD"',
    `  bar [${values.join(', ')}]`,
    '```',
  ].join('\n');
}
