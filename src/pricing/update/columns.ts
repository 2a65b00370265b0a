// Plain-text columns for the pricing commands' output. (The report stage has its own for the estimate; the pricing
// stage cannot import from it, report/ being downstream.)

/** Rows padded into left-aligned columns two spaces apart. */
export function columns(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
}

/** A price per 1M tokens as the page writes it, without trailing zeros or float noise: 2.5, 0.0625, 12.5. */
export function formatPrice(n: number): string {
  return String(Number(n.toFixed(6)));
}
