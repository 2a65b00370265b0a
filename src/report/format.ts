// Small formatting helpers shared by every renderer.

export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** User text (file names, models, custom_ids) inside markdown that GitHub renders: no mentions, no HTML, no table
 *  breakage, no links. Escapes every markdown punctuation character and neutralises @ and HTML angle brackets. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/@/g, '@\u200b')
    .replace(/\r?\n/g, ' ');
}

export function padTable(rows: string[][], rightAligned: Set<number>): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r.map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd(),
  );
}
