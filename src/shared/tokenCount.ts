// Token counts as people write them in flags and workflow inputs: 2000000, 2,000,000, 2M, 90k, 1.5b.

/** The count in `text`, or null when it is not a positive count of tokens. */
export function parseTokenCount(text: string): number | null {
  const m = /^\s*([\d,]*\.?\d+)\s*([kmb])?\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1].replaceAll(',', '')) * ({ k: 1e3, m: 1e6, b: 1e9 }[(m[2] ?? '').toLowerCase() as 'k' | 'm' | 'b'] ?? 1);
  return Number.isFinite(n) && n >= 1 ? Math.round(n) : null;
}
