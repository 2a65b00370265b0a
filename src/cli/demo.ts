// `batchwise demo`: the whole job on an embedded emulator — estimate, decide, run, results — with no key and no
// network, so the first command a reader tries shows what batchwise does.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { startEmulator } from '../emulator/index.ts';
import { estimateFile } from '../estimate/estimateFile.ts';
import { loadCatalog } from '../pricing/index.ts';
import { DEFAULT_MIN_SAVINGS_USD } from '../estimate/recommend.ts';
import { formatUsd } from '../shared/money.ts';
import { renderEstimateTable } from '../report/estimateTable.ts';
import { answerText } from '../results/index.ts';
import type { ResultRecord } from '../results/index.ts';
import { runFile } from '../run/index.ts';
import { describeSummary, reportRunFailure, runSummaryJson } from './runOutput.ts';
import { addFormatOption, printJson, useFormat } from './outputFormat.ts';
import type { FormatFlags } from './outputFormat.ts';
import { usdArg } from './args.ts';

// The example ships beside the code: two folders up from src/cli/, one up from the bundle in dist/. Shown relative to
// where the user stands, as they would type it.
const EXAMPLE = relative(
  process.cwd(),
  [new URL('../../examples/requests.jsonl', import.meta.url), new URL('../examples/requests.jsonl', import.meta.url)]
    .map((u) => fileURLToPath(u))
    .find((p) => existsSync(p)) ?? 'examples/requests.jsonl',
);

interface DemoFlags extends FormatFlags {
  file: string;
  out?: string;
  minSavings: number;
}

export function addDemoCommand(program: Command): void {
  const cmd = program
    .command('demo')
    .description('estimate and run examples/requests.jsonl against a built-in emulator: no API key, no network')
    .addHelpText('after', '\nExample:\n  npm run demo                 (from a clone)\n  npx batchwise demo --file my.jsonl --out demo-results/')
    .option('--file <file>', 'request file to run', EXAMPLE)
    .option('--out <dir>', 'results folder (default: a new temporary folder)')
    .option('--min-savings <usd>', 'auto: use sync when batch saves no more than this (the demo costs nothing: 0)', usdArg, 0);
  addFormatOption(cmd)
    .action(async (flags: DemoFlags) => {
      process.exitCode = await demo(flags);
    });
}

async function demo(flags: DemoFlags): Promise<number> {
  // --format json: the run's summary as one object on stdout; the narration goes to stderr.
  const json = useFormat(flags);
  const emulator = await startEmulator({ port: 0, completeAfterMs: 3000 });
  const out = flags.out ?? mkdtempSync(join(tmpdir(), 'batchwise-demo-'));
  const say = (s: string) => (json ? process.stderr : process.stdout).write(`${s}\n`);
  try {
    say(`batchwise demo: a local OpenAI emulator is listening on ${emulator.url} (no key, no network)\n`);
    const catalog = loadCatalog();
    say(renderEstimateTable(await estimateFile(flags.file, { catalog, minSavingsUsd: flags.minSavings, displayName: flags.file })));
    if (flags.minSavings < DEFAULT_MIN_SAVINGS_USD) {
      say(`(the demo sets --min-savings to ${formatUsd(flags.minSavings)}: a file this small saves a fraction of a cent, and the default ${formatUsd(DEFAULT_MIN_SAVINGS_USD)} would pick sync)\n`);
    }
    say('running it in --mode auto:');
    const summary = await runFile(flags.file, {
      mode: 'auto', outDir: out, catalog, apiKey: 'sk-demo', baseURL: emulator.url,
      minSavingsUsd: flags.minSavings, pollIntervalMs: { min: 500, max: 2000 },
      log: (line) => process.stderr.write(`  ${line}\n`),
    });
    if (json) printJson(runSummaryJson(summary));
    say(`\n${describeSummary(summary)}`);
    const first = readFileSync(summary.results_path, 'utf8').split('\n').filter(Boolean).slice(0, 3);
    say('first answers:');
    for (const l of first) {
      const r = JSON.parse(l) as ResultRecord;
      say(`  ${r.custom_id} (${r.status}, ${r.mode}): ${answerText(r.response).slice(0, 70)}`);
    }
    say(`\nnext: npx batchwise estimate YOUR.jsonl, then npx batchwise run YOUR.jsonl --out results (with OPENAI_API_KEY set)`);
    return summary.exit_code;
  } catch (err) {
    return reportRunFailure(err, 'sk-demo');
  } finally {
    await emulator.close();
  }
}
