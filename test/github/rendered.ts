// What GitHub's Markdown would make of a comment or summary body, for the tests that check names from a PR stay inert:
// every link, mention, autolink and HTML tag it would render, found the way CommonMark + GFM read the text. HTML blocks
// (a line starting <details>, <summary>… up to a blank line) are raw HTML, where only tags count and Markdown is not
// read; elsewhere backslash escapes and code spans are honoured and every GFM link syntax is looked for. Deliberately
// stricter than GitHub where it is unsure (a bare URL or a mention is flagged in HTML too, entities are decoded first).

export interface Rendered {
  kind: 'link' | 'autolink' | 'mention' | 'tag';
  /** The link's target, the autolinked text, the mention, or the tag's name. */
  text: string;
}

/** CommonMark's HTML block start, type 6 (the block tags; ends at a blank line). */
const BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|' +
  'figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|' +
  'noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const HTML_BLOCK = new RegExp(`^ {0,3}</?(?:${BLOCK_TAGS})(?:\\s|/?>|$)`, 'i');
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/** Everything in `md` that would render as a link, a mention or an HTML element. */
export function renderedLinks(md: string): Rendered[] {
  const out: Rendered[] = [];
  const lines = md.split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) inline(paragraph.join('\n'), out);
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^ {0,3}```/.test(line)) {
      // A fenced code block (the mermaid chart): code, rendered as text.
      flush();
      while (++i < lines.length && !/^ {0,3}```\s*$/.test(lines[i]));
      continue;
    }
    if (/^ {0,3}<!--/.test(line)) {
      flush();
      while (!lines[i].includes('-->') && i + 1 < lines.length) i++;
      continue;
    }
    if (HTML_BLOCK.test(line)) {
      flush();
      const block: string[] = [];
      for (; i < lines.length && lines[i].trim() !== ''; i++) block.push(lines[i]);
      html(block.join('\n'), out);
      continue;
    }
    if (line.trim() === '') flush();
    // A link reference definition makes [text] a link anywhere in the document.
    else if (/^ {0,3}\[(?:[^\]\\]|\\.)+\]:/.test(line)) out.push({ kind: 'link', text: line.trim() });
    else paragraph.push(line);
  }
  flush();
  return out;
}

function html(block: string, out: Rendered[]): void {
  for (const m of block.matchAll(/<\/?([A-Za-z][\w-]*)/g)) out.push({ kind: 'tag', text: m[1].toLowerCase() });
  bare(decodeEntities(block.replace(/<[^>]*>/g, ' ')), out);
}

function inline(text: string, out: Rendered[]): void {
  let literal = '';
  let bracket = false;
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && ASCII_PUNCT.test(text[i + 1])) {
      literal += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = closingRun(text, i + run.length, run.length);
      if (close >= 0) {
        literal += ' ';
        i = close + run.length;
        continue;
      }
      literal += run;
      i += run.length;
      continue;
    }
    if (c === '<') {
      const rest = text.slice(i);
      const auto = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/.exec(rest);
      const tag = /^<\/?([A-Za-z][\w-]*)/.exec(rest);
      if (auto) out.push({ kind: 'autolink', text: auto[1] });
      else if (tag) out.push({ kind: 'tag', text: tag[1].toLowerCase() });
    }
    if (c === '[') bracket = true;
    if (c === ']' && text[i + 1] === '(' && bracket) {
      // The destination is the link's, not text of its own (no autolink in it).
      const end = text.indexOf(')', i + 2) < 0 ? text.length : text.indexOf(')', i + 2);
      out.push({ kind: 'link', text: text.slice(i + 2, end) });
      bracket = false;
      i = end + 1;
      continue;
    }
    literal += c;
    i++;
  }
  bare(decodeEntities(literal), out);
}

/** The start of the next backtick run of exactly `n` backticks from `from`, or -1. */
function closingRun(text: string, from: number, n: number): number {
  for (const m of text.slice(from).matchAll(/`+/g)) if (m[0].length === n) return from + m.index;
  return -1;
}

/** GFM's extended autolinks (a scheme's ://, www.) and GitHub's mentions and e-mail links, in text. */
function bare(text: string, out: Rendered[]): void {
  for (const m of text.matchAll(/\b(?:https?|ftp):\/\/\S*|\bwww\.\S*/gi)) out.push({ kind: 'autolink', text: m[0] });
  for (const m of text.matchAll(/@[A-Za-z0-9][\w.-]*/g)) out.push({ kind: 'mention', text: m[0] });
}

const NAMED: Record<string, string> = { commat: '@', colon: ':', sol: '/', period: '.', lt: '<', gt: '>', quot: '"', lpar: '(', rpar: ')', lsqb: '[', rsqb: ']', lbrack: '[', rbrack: ']' };

/** One pass, as HTML decodes: `&amp;commat;` is the text "&commat;", not "@". */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec, hex, name) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (name.toLowerCase() === 'amp') return '&';
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The text of every <summary>: HTML, where a Markdown escape would show as a backslash. */
export function summariesOf(md: string): string[] {
  return [...md.matchAll(/<summary>([\s\S]*?)<\/summary>/g)].map((m) => m[1]);
}
