// `batchwise demo`: the whole job on an embedded emulator — estimate, decide, run, results — with no key and no
// network, so the first command a reader tries shows what batchwise does.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { startEmulator } from '../emulator/index.ts';
import { estimateFile } from '../estimate/estimateFile.ts';
import { PROVIDER_LABELS, loadCatalog } from '../pricing/index.ts';
import { DEFAULT_MIN_SAVINGS_USD } from '../estimate/recommend.ts';
import { formatUsd } from '../shared/money.ts';
import { renderEstimateTable } from '../report/estimateTable.ts';
import { answerText } from '../results/index.ts';
import type { ResultRecord } from '../results/index.ts';
import { KEY_ENV, PROVIDER_NAMES, catalogForProvider, runFile } from '../run/index.ts';
import type { ProviderName } from '../run/index.ts';
import { describeSummary, reportRunFailure, runSummaryJson } from './runOutput.ts';
import { addFormatOption, printJson, useFormat } from './outputFormat.ts';
import type { FormatFlags } from './outputFormat.ts';
import { usdArg } from './args.ts';

// The example ships beside the code: two folders up from src/cli/, one up from the bundle in dist/. Shown relative to
// where the user stands, as they would type it.
function example(name: string): string {
  return relative(
    process.cwd(),
    [new URL(`../../examples/${name}`, import.meta.url), new URL(`../examples/${name}`, import.meta.url)]
      .map((u) => fileURLToPath(u))
      .find((p) => existsSync(p)) ?? `examples/${name}`,
  );
}
const EXAMPLE = example('requests.jsonl');
/** The same twelve requests for each provider's models (examples/providers/). */
const PROVIDER_EXAMPLE: Record<ProviderName, string> = {
  openai: 'requests.jsonl', azure: 'providers/azure.jsonl', anthropic: 'providers/anthropic.jsonl', gemini: 'providers/gemini.jsonl',
};
/** The demo's Azure resource has one Global Batch deployment serving the example's model. */
const DEMO_DEPLOYMENT = { name: 'demo-mini', model: 'gpt-5.4-mini' };

interface DemoFlags extends FormatFlags {
  file?: string;
  provider: ProviderName;
  out?: string;
  minSavings: number;
}

export function addDemoCommand(program: Command): void {
  const cmd = program
    .command('demo')
    .description('estimate and run examples/requests.jsonl against a built-in emulator: no API key, no network')
    .addHelpText('after', '\nExamples:\n  npm run demo                 (from a clone)\n  npx batchwise demo --provider anthropic   (the same job through Anthropic Message Batches)\n  npx batchwise demo --file my.jsonl --out demo-results/')
    .addOption(new Option('--provider <name>', "whose API the emulator plays: the file runs through that provider's batch API").choices([...PROVIDER_NAMES]).default('openai'))
    .option('--file <file>', `request file to run (default: ${EXAMPLE}, or examples/providers/PROVIDER.jsonl)`)
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
  const provider = flags.provider;
  const file = flags.file ?? example(PROVIDER_EXAMPLE[provider]);
  const emulator = await startEmulator({ port: 0, completeAfterMs: 3000, azureDeployments: { [DEMO_DEPLOYMENT.name]: DEMO_DEPLOYMENT.model } });
  const out = flags.out ?? mkdtempSync(join(tmpdir(), 'batchwise-demo-'));
  const say = (s: string) => (json ? process.stderr : process.stdout).write(`${s}\n`);
  try {
    say(`batchwise demo: a local ${PROVIDER_LABELS[provider]} emulator is listening on ${provider === 'openai' ? emulator.url : emulator.origin} (no key, no network)\n`);
    const catalog = catalogForProvider(provider, loadCatalog());
    say(renderEstimateTable(await estimateFile(file, { catalog, minSavingsUsd: flags.minSavings, displayName: file })));
    if (flags.minSavings < DEFAULT_MIN_SAVINGS_USD) {
      say(`(the demo sets --min-savings to ${formatUsd(flags.minSavings)}: a file this small saves a fraction of a cent, and the default ${formatUsd(DEFAULT_MIN_SAVINGS_USD)} would pick sync)\n`);
    }
    say('running it in --mode auto:');
    const summary = await runFile(file, {
      mode: 'auto', outDir: out, catalog, provider, apiKey: 'sk-demo', baseURL: provider === 'openai' ? emulator.url : emulator.origin,
      ...(provider === 'azure' ? { deployments: { byModel: {}, fallback: DEMO_DEPLOYMENT.name } } : {}),
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
    const flag = provider === 'openai' ? '' : ` --provider ${provider}${provider === 'azure' ? ' --deployment MODEL=DEPLOYMENT' : ''}`;
    say(`\nnext: npx batchwise estimate YOUR.jsonl${provider === 'openai' ? '' : ` --provider ${provider}`}, then npx batchwise run YOUR.jsonl${flag} --out results (with ${KEY_ENV[provider][0]} set${provider === 'azure' ? ' and AZURE_OPENAI_ENDPOINT' : ''})`);
    return summary.exit_code;
  } catch (err) {
    return reportRunFailure(err, 'sk-demo');
  } finally {
    await emulator.close();
  }
}
