// `batchwise pricing`: the price catalog as batchwise sees it (every mode, checked dates, shutdowns), and
// `batchwise pricing update`, which reads OpenAI's pricing page into a pricing file and shows what changed.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { loadCatalog } from '../pricing/index.ts';
import { catalogRows } from '../pricing/update/catalogRows.ts';
import { PRICING_PAGE_URL } from '../pricing/update/parsePricingPage.ts';
import { readPricingPage } from '../pricing/update/readPricingPage.ts';
import { renderCatalogTable } from '../pricing/update/renderCatalog.ts';
import { renderUpdate, updateToJson } from '../pricing/update/renderUpdate.ts';
import { updateFromPage } from '../pricing/update/updateFromPage.ts';
import { reportFailure } from './errors.ts';

interface ListFlags {
  format: 'table' | 'json';
  pricing?: string;
  model?: string;
}

interface UpdateFlags {
  from: string;
  out?: string;
  format: 'text' | 'json';
}

export function addPricingCommand(program: Command): void {
  // `pricing` and `pricing update` both have --format: options must belong to the command they follow, or the
  // first command that knows the name takes it. (The program itself has only --help and --version.)
  program.enablePositionalOptions();
  const pricing = program
    .command('pricing')
    .description('list the price catalog: every mode per 1M tokens, when it was checked, shutdown dates')
    .addHelpText('after', '\nExamples:\n  batchwise pricing --model gpt-5\n  batchwise pricing --format json\n  batchwise pricing update --from https://developers.openai.com/api/docs/pricing.md --out prices.json')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--pricing <file>', 'JSON file that adds or overrides model prices')
    .option('--model <text>', 'only models whose name contains this')
    .enablePositionalOptions()
    .action((flags: ListFlags) => {
      process.exitCode = listCatalog(flags);
    });

  pricing
    .command('update')
    .description("read OpenAI's pricing page into a pricing file and show what changed against the bundled catalog")
    .addHelpText('after', '\nExamples:\n  batchwise pricing update --from https://developers.openai.com/api/docs/pricing.md\n  batchwise pricing update --from saved-pricing.md --out prices.json   (then: --pricing prices.json)')
    .requiredOption('--from <file-or-url>', `the page's Markdown: a file, or a URL such as ${PRICING_PAGE_URL}`)
    .option('--out <file>', 'write the pricing file (the data/pricing.json format) here')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: UpdateFlags) => {
      process.exitCode = await updateCatalog(flags);
    });
}

function listCatalog(flags: ListFlags): number {
  try {
    const catalog = loadCatalog(flags.pricing);
    const listing = catalogRows(catalog, today(), { model: flags.model });
    process.stdout.write(flags.format === 'json' ? `${JSON.stringify(listing, null, 2)}\n` : renderCatalogTable(listing, catalog.overrides));
    return 0;
  } catch (err) {
    return reportFailure(err);
  }
}

async function updateCatalog(flags: UpdateFlags): Promise<number> {
  try {
    const markdown = await readPricingPage(flags.from);
    const update = updateFromPage(markdown, loadCatalog(), { today: today(), source: flags.from });
    if (flags.out !== undefined) writeFileSync(flags.out, `${JSON.stringify(update.catalog, null, 2)}\n`);
    const out = flags.out ?? null;
    process.stdout.write(flags.format === 'json' ? `${JSON.stringify(updateToJson(update, out), null, 2)}\n` : renderUpdate(update, out));
    return 0;
  } catch (err) {
    return reportFailure(err);
  }
}

/** Today in UTC, the calendar the catalog's dates are in. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}
