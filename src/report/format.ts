// Small formatting helpers shared by every renderer.

export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** What GitHub links in text by itself, whatever the escaping: a mention (@team, an e-mail's @) and a bare URL or
 *  www. address (GFM's extended autolinks). A zero-width space after the @, the scheme's colon or the www breaks
 *  each of them; the text reads the same. */
function unlinkable(text: string): string {
  return text.replace(/@/g, '@\u200b').replace(/:(?=\/\/)/g, ':\u200b').replace(/\b(www)(?=\.)/gi, '$1\u200b');
}

/** User text (file names, models, custom_ids) inside markdown that GitHub renders: no mentions, no HTML, no table
 *  breakage, no links. Escapes every markdown punctuation character and neutralises @, URLs and HTML angle brackets. */
export function escapeMarkdown(text: string): string {
  return unlinkable(text.replace(/&/g, '&amp;')) // first: a named entity (&commat;) must not turn back into the character it names
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/[\r\n\u2028\u2029]+/g, ' '); // every line ending CommonMark knows, a lone \r too
}

/** User text inside HTML (a <summary> line, a <details> block): Markdown escapes are not processed there, so this
 *  is HTML escaping, and mentions and URLs are neutralised as in Markdown text. */
export function escapeHtml(text: string): string {
  return unlinkable(
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;'),
  ).replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** User text as inline code (batch ids, commands): a code span fenced with one backtick more than the longest run in
 *  the text, so no backtick in it can close the span early. GitHub links neither mentions nor HTML inside code; line
 *  endings become spaces (a code span is one line of a table or list). */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each end when both are there: padding keeps a leading or trailing backtick apart.
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A URL that a Markdown link may point at: http(s) only, with the characters that would end the link target (or
 *  open HTML) percent-encoded; null for anything else (javascript:, data:, a relative path). */
export function linkUrl(url: string): string | null {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return url.replace(/[()<>"'\\ `\[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The action's inputs for the CLI flags batchwise's messages name (the core speaks the CLI's language; the job summary
 *  and the PR comment are read by people who wrote a workflow, not a command line). */
const ACTION_INPUT_OF: Record<string, string> = {
  mode: 'mode',
  'min-savings': 'min-savings',
  'max-cost': 'max-cost',
  'latency-budget': 'latency-budget',
  pilot: 'pilot',
  retries: 'retries',
  rpm: 'rpm',
  tpm: 'tpm',
  region: 'region',
  pricing: 'pricing-file',
  'strict-pricing': 'strict-pricing: true',
  out: 'output-dir',
  history: 'history',
  'no-history': 'history: false',
};

const CLI_WORDS = new RegExp(
  [
    // "(CLI --strict-pricing, action strict-pricing)", "(CLI: --pricing FILE; action: pricing-file)": the action's half.
    String.raw`\(CLI:? --[\w-]+(?: FILE)?[;,] action:? ([\w-]+)\)`,
    // "`run --mode auto`" (a command to type) and "--mode batch" (what was asked for) name the mode input.
    String.raw`\x60?(?:batchwise )?run --mode (\w+)\x60?`,
    String.raw`--rpm/--tpm`,
    String.raw`--([a-z][\w-]*)(?: FILE\b| (\w+))?`,
  ].join('|'),
  'g',
);

/** `text` (batchwise's own words, which may quote a file or model name) as Markdown for the job summary or the PR
 *  comment: plain parts escaped, CLI flags turned into the action's inputs as code (`--mode batch` → `mode: batch`,
 *  `--rpm/--tpm` → the rpm and tpm inputs). Flags the action has no input for stay as they are. */
export function markdownInActionWords(text: string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(CLI_WORDS)) {
    const replacement = actionWordsFor(m);
    if (replacement === null) continue;
    out += escapeMarkdown(text.slice(at, m.index)) + replacement;
    at = m.index + m[0].length;
  }
  return out + escapeMarkdown(text.slice(at));
}

function actionWordsFor(m: RegExpMatchArray): string | null {
  const [whole, dual, runMode, flag, value] = m;
  if (dual !== undefined) return `(${codeSpan(dual)})`;
  if (runMode !== undefined) return codeSpan(`mode: ${runMode}`);
  if (whole === '--rpm/--tpm') return `the ${codeSpan('rpm')} and ${codeSpan('tpm')} inputs`;
  const input = ACTION_INPUT_OF[flag];
  if (input === undefined) return null;
  // A flag's value belongs to it only where the flag takes one: "--mode batch" but "--min-savings $0.01" keeps its amount.
  if (flag === 'mode' && value !== undefined) return (m.index === 0 ? 'set by ' : '') + codeSpan(`mode: ${value}`);
  const rest = value !== undefined ? ` ${escapeMarkdown(value)}` : '';
  return codeSpan(input) + rest;
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
