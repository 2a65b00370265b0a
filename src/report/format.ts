// Small formatting helpers shared by every renderer.

export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** User text (file names, models, custom_ids) inside markdown that GitHub renders: no mentions, no HTML, no table
 *  breakage, no links. Escapes every markdown punctuation character and neutralises @ and HTML angle brackets. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;') // first: a named entity (&commat;) must not turn back into the character it names
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/@/g, '@\u200b')
    .replace(/[\r\n\u2028\u2029]+/g, ' '); // every line ending CommonMark knows, a lone \r too
}

/** User text inside HTML (a <summary> line, a <details> block): Markdown escapes are not processed there, so this
 *  is HTML escaping, and @ is neutralised as in Markdown text. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/@/g, '@\u200b')
    .replace(/[\r\n\u2028\u2029]+/g, ' ');
}

export function padTable(rows: string[][], rightAligned: Set<number>): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r.map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd(),
  );
}

/** Cut a cell to `max` characters with an ellipsis (model names can be long fine-tune ids). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Word-wrap `text` to `width` columns; continuation lines are indented by `indent` spaces. A word longer than the
 *  width stays whole on its own line. */
export function wrap(text: string, width = 80, indent = 2): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const prefix = lines.length === 0 ? '' : ' '.repeat(indent);
    if (line && (prefix + line + ' ' + word).length > width) {
      lines.push(prefix + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push((lines.length === 0 ? '' : ' '.repeat(indent)) + line);
  return lines;
}

/** A share (0–1) as a whole percent: 0.5 → "50%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** An estimate error ((actual − estimated) / estimated) for people: "+12%", "−3%", "n/a" when nothing was estimated. */
export function formatError(err: number | null): string {
  if (err === null) return 'n/a';
  const pct = Math.round(err * 100);
  return pct === 0 ? '±0%' : pct > 0 ? `+${pct}%` : `−${-pct}%`;
}
