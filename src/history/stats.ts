// Small summaries of token counts. Figures are rounded to 2 decimals: the history file is read by people too.

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function mean(values: number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Linear interpolation between closest ranks (the common "type 7" percentile); `sorted` ascending, non-empty. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 1) return sorted[0];
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}
