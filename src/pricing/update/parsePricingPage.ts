// Reads the price tables out of the Markdown version of OpenAI's pricing page
// (https://developers.openai.com/api/docs/pricing.md). Pure: the caller fetches or reads the text.
//
// The page's shape (2026): each section has tab labels ("Standard", "Batch", "Flex", "Fast mode") and, under each, a
// heading ("### Standard pricing data") over one table. Text-model tables have 8 price columns (short/long context ×
// input, cached input, cache writes, output); older and specialised tables have 3 or 4 (Input, Cached input, Output).
// The same model appears in every tier's table at a different price, so a table's tier must come from its own label:
// reading "the first table that names gpt-5.5" would take the Batch price as Standard the day OpenAI reorders the tabs.

import { PricingFileError } from '../errors.ts';

/** The page's tiers, in our names: Standard = sync, Fast (formerly Priority) = priority. */
export type PageTier = 'sync' | 'batch' | 'flex' | 'priority';

/** One context band of a row. null: the page shows "-" (or nothing) in that cell. */
export interface PageCells {
  input: number | null;
  cached_input: number | null;
  cache_write: number | null;
  output: number | null;
}

/** The short-context band always has an input and an output price (a row without them is not read). */
export interface ShortCells extends PageCells {
  input: number;
  output: number;
}

export interface PageRow {
  /** The model id as the page writes it, without "(<272K context length)". */
  model: string;
  /** Prices up to the long-context threshold (or the only prices, for models without a long-context tier). */
  short: ShortCells;
  /** The long-context columns; null when the row has none (all "-", or the table has no such columns). */
  long: PageCells | null;
  /** Input tokens above which the long columns apply, when the row says so ("(<272K context length)"). */
  above_input_tokens: number | null;
  /** 1-based line of the row in the page, for messages. */
  line: number;
}

export interface PricingPage {
  /** model → its row in each tier's table. */
  models: Map<string, Partial<Record<PageTier, PageRow>>>;
  /** How many tables were read, per tier. */
  tables: Record<PageTier, number>;
  /** What was read with a caveat or skipped, one sentence each (with the page line). */
  warnings: string[];
}

type Label = PageTier | 'ultrafast';

// Tab labels stand alone on a line in the Markdown ("Fast mode"); headings say "<tier> pricing data".
const TAB_LABELS = new Map<string, Label>([
  ['standard', 'sync'],
  ['batch', 'batch'],
  ['flex', 'flex'],
  ['fast', 'priority'],
  ['fast mode', 'priority'],
  ['priority', 'priority'],
  ['priority processing', 'priority'],
  ['ultrafast', 'ultrafast'],
  ['ultrafast mode', 'ultrafast'],
]);
const TIER_HEADING = /^(standard|batch|flex|fast|fast\s+mode|priority|priority\s+processing|ultrafast|ultrafast\s+mode)\s+pricing\b/i;

type Field = keyof PageCells;
interface PriceColumn {
  band: 'short' | 'long';
  field: Field;
}
type Column = { kind: 'model' } | { kind: 'category' } | ({ kind: 'price' } & PriceColumn);

const FIELD_NAMES: Record<string, Field> = {
  input: 'input',
  'cached input': 'cached_input',
  'cache writes': 'cache_write',
  'cache write': 'cache_write',
  output: 'output',
};

// The 2026 layout, read by position when a translated copy of the page renames the headers.
const LAYOUT_2026: PriceColumn[] = (['short', 'long'] as const).flatMap((band) =>
  (['input', 'cached_input', 'cache_write', 'output'] as const).map((field) => ({ band, field })),
);

/** OpenAI's pricing page in its Markdown version (the HTML page renders its tables with scripts). */
export const PRICING_PAGE_URL = 'https://developers.openai.com/api/docs/pricing.md';

/**
 * Every text-token price table on the page, by tier. `source` (the URL or file) names the page in messages.
 * Throws PricingFileError when the page holds no Standard table batchwise recognises: nothing could be written.
 */
export function parsePricingPage(markdown: string, source: string): PricingPage {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  const page: PricingPage = { models: new Map(), tables: { sync: 0, batch: 0, flex: 0, priority: 0 }, warnings: [] };
  let label: Label | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      const tier = TIER_HEADING.exec(heading[1].trim());
      // A heading that names no tier ("### Grouped Pricing Table data") leaves the tab label above it in force.
      if (tier) label = TAB_LABELS.get(tier[1].toLowerCase().replace(/\s+/g, ' ')) ?? null;
      continue;
    }
    const tab = TAB_LABELS.get(line.toLowerCase().replace(/\s+/g, ' '));
    if (tab !== undefined) {
      label = tab;
      continue;
    }
    if (!line.startsWith('|') || !isSeparator(lines[i + 1])) continue;

    const start = i;
    const block: string[] = [];
    while (i < lines.length && lines[i].trim().startsWith('|')) block.push(lines[i++].trim());
    i--;
    // A label belongs to the one table under it. A section without tabs (e.g. "Cyber models") shows one price only,
    // the Standard one.
    const tier = label ?? 'sync';
    const explicit = label !== null;
    label = null;
    if (tier === 'ultrafast') {
      page.warnings.push(`line ${start + 1}: an Ultrafast table was skipped (batchwise has no ultrafast mode)`);
      continue;
    }
    readTable(block, start + 1, tier, explicit, page);
  }

  if (page.tables.sync === 0) {
    throw new PricingFileError(
      source,
      null,
      `holds no price table batchwise recognises (a "### Standard pricing data" table with Input and Output columns); ` +
        `use the Markdown version of OpenAI's pricing page: ${PRICING_PAGE_URL}`,
    );
  }
  return page;
}

function readTable(block: string[], firstLine: number, tier: PageTier, explicitTier: boolean, page: PricingPage): void {
  const header = cells(block[0]);
  let columns = columnsOf(header);
  if (columns === null) {
    // A translated copy renames the headers but keeps the 2026 layout: Model + 8 prices, under a tier's own label.
    if (!(explicitTier && header.length === 9)) return;
    columns = [{ kind: 'model' }, ...LAYOUT_2026.map((c) => ({ kind: 'price' as const, ...c }))];
    page.warnings.push(`line ${firstLine}: table headers not in English; read by position as the 2026 layout (short/long × input, cached, cache writes, output)`);
  }
  const category = columns.findIndex((c) => c.kind === 'category');

  let read = 0;
  for (let r = 2; r < block.length; r++) {
    const line = firstLine + r;
    const row = cells(block[r]);
    if (row.length !== columns.length) {
      page.warnings.push(`line ${line}: skipped a row with ${row.length} cells under ${columns.length} columns`);
      continue;
    }
    const parsed = readRow(row, columns, line, category >= 0 ? row[category] : '', page);
    if (parsed === null) continue;
    read++;
    const prices = page.models.get(parsed.model) ?? {};
    const earlier = prices[tier];
    if (earlier !== undefined) {
      if (!sameRow(earlier, parsed)) {
        page.warnings.push(`line ${line}: ${parsed.model} is listed again in a ${tier} table at other prices; kept the first (line ${earlier.line})`);
      }
      continue;
    }
    prices[tier] = parsed;
    page.models.set(parsed.model, prices);
  }
  if (read > 0) page.tables[tier]++;
}

function readRow(row: string[], columns: Column[], line: number, category: string, page: PricingPage): PageRow | null {
  const modelCell = plain(row[columns.findIndex((c) => c.kind === 'model')]);
  // Model ids have no spaces; what follows the id is a remark ("(<272K context length)").
  const model = modelCell.split(/\s+/)[0] ?? '';
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(model)) return null;
  const threshold = /\(\s*<\s*(\d+(?:\.\d+)?)\s*([KM])\b[^)]*context/i.exec(modelCell);

  const short: PageCells = { input: null, cached_input: null, cache_write: null, output: null };
  const long: PageCells = { input: null, cached_input: null, cache_write: null, output: null };
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c];
    if (column.kind !== 'price') continue;
    const value = priceOf(row[c]);
    if (value === undefined) {
      page.warnings.push(`line ${line}: ${model}: cannot read ${JSON.stringify(row[c])} as a price; row skipped`);
      return null;
    }
    (column.band === 'short' ? short : long)[column.field] = value;
  }
  if (short.input === null) return null; // every cell "-": a model the page lists without a price
  if (short.output === null) {
    // Embeddings and moderation produce no output tokens: the page's "-" there is a real $0, not a missing price.
    if (!/embedding|moderation/i.test(category)) {
      page.warnings.push(`line ${line}: ${model} has no output price; row skipped`);
      return null;
    }
    short.output = 0;
  }
  const hasLong = Object.values(long).some((v) => v !== null);
  return {
    model,
    short: { ...short, input: short.input, output: short.output },
    long: hasLong ? long : null,
    above_input_tokens: threshold ? Number(threshold[1]) * (threshold[2].toUpperCase() === 'M' ? 1_000_000 : 1_000) : null,
    line,
  };
}

/** The meaning of each header cell, or null when the table is not a text-token price table (it has a Modality,
 *  Size, Training or Use case column, or lacks Input or Output). */
function columnsOf(header: string[]): Column[] | null {
  const columns: Column[] = [];
  for (const raw of header) {
    const name = plain(raw).toLowerCase().replace(/\s+/g, ' ');
    if (name === 'model') columns.push({ kind: 'model' });
    else if (name === 'category') columns.push({ kind: 'category' });
    else {
      const m = /^(?:(short|long) context )?(input|cached input|cache writes?|output)$/.exec(name);
      if (!m) return null;
      columns.push({ kind: 'price', band: m[1] === 'long' ? 'long' : 'short', field: FIELD_NAMES[m[2]] });
    }
  }
  const has = (field: Field) => columns.some((c) => c.kind === 'price' && c.band === 'short' && c.field === field);
  if (columns.filter((c) => c.kind === 'model').length !== 1 || !has('input') || !has('output')) return null;
  return columns;
}

/** A price cell: a number, null for "-" (no such price), or undefined when it is not a price at all. */
function priceOf(cell: string): number | null | undefined {
  const text = plain(cell);
  if (text === '' || /^[-–—]$/.test(text) || /^n\/?a$/i.test(text)) return null;
  if (/^free$/i.test(text)) return 0;
  const m = /^\$?\s*(\d[\d,]*(?:\.\d+)?)$/.exec(text);
  return m ? Number(m[1].replaceAll(',', '')) : undefined;
}

function cells(line: string): string[] {
  const inner = line.replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

function isSeparator(line: string | undefined): boolean {
  if (line === undefined || !line.trim().startsWith('|')) return false;
  return cells(line.trim()).every((c) => /^:?-{1,}:?$/.test(c));
}

/** A cell without Markdown decoration: links keep their text; backticks, emphasis around the cell, footnote marks
 *  and tags go. */
function plain(cell: string): string {
  return cell
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<sup>.*?<\/sup>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/`/g, '')
    .replace(/\\\|/g, '|')
    .trim()
    .replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2')
    .trim();
}

function sameRow(a: PageRow, b: PageRow): boolean {
  return JSON.stringify([a.short, a.long]) === JSON.stringify([b.short, b.long]);
}
