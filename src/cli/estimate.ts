// `batchwise estimate FILE`: the cost of a request file in every mode, before a cent is spent.
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { readHistory } from '../history/index.ts';
import { now } from '../shared/clock.ts';
import { addHistoryOptions, addPricingOptions, catalogFrom, historyPathOf } from './pricingFlags.ts';
import type { HistoryFlags, PricingFlags } from './pricingFlags.ts';
import { estimateFile } from '../estimate/estimateFile.ts';
import { parseCompare } from '../estimate/compare.ts';
import type { ComparePair } from '../estimate/compare.ts';
import { estimateToJson } from '../report/estimateJson.ts';
import { estimateToCsv } from '../report/estimateCsv.ts';
import { renderEstimateTable } from '../report/estimateTable.ts';
import { renderEstimateMarkdown } from '../report/estimateMarkdown.ts';
import { byteProgress } from './progress.ts';
import { reportFailure } from './errors.ts';
import { useFormat } from './outputFormat.ts';
import { addProviderOptions, providerOptions } from './providerFlags.ts';
import type { ProviderFlags } from './providerFlags.ts';
import { catalogForProvider, inputCounter, makeProvider, providerKey } from '../run/index.ts';
import { durationArg, numberArg, usdArg } from './args.ts';

interface EstimateFlags extends PricingFlags, HistoryFlags, ProviderFlags {
  countTokens: boolean;
  format: 'table' | 'markdown' | 'json' | 'csv';
  json?: boolean;
  detail?: boolean;
  latencyBudget?: number;
  minSavings?: number;
  workers?: number;
  compare?: ComparePair[];
}

/** `--compare MAP`, repeatable: each value is checked when parsed (an unknown model lists the known ones). */
function compareArg(value: string, previous: ComparePair[] | undefined): ComparePair[] {
  try {
    return [...(previous ?? []), ...parseCompare(value)];
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

export function addEstimateCommand(program: Command): void {
  const cmd = program
    .command('estimate')
    .description('count input tokens exactly and price the file in sync, flex, batch and priority mode')
    .argument('<file>', 'request file in the Batch API JSONL format')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'markdown', 'json', 'csv']).default('table'))
    .option('--json', 'the same as --format json')
    .option('--detail', 'list every request (json items, csv rows)')
    .addHelpText(
      'after',
      '\nExamples:\n  batchwise estimate requests.jsonl\n  batchwise estimate requests.jsonl --latency-budget 2h --format json\n' +
        "  batchwise estimate requests.jsonl --compare 'claude-haiku-4-5,gemini-3.5-flash,azure'\n" +
        '  ANTHROPIC_API_KEY=… batchwise estimate claude.jsonl --provider anthropic   (input counted by Anthropic: exact)',
    );
  addProviderOptions(addHistoryOptions(addPricingOptions(cmd)), { deployments: false })
    .option('--no-count-tokens', "Anthropic and Gemini: never call the provider's free token counter, even with a key (input stays approximate)")
    .option('--latency-budget <duration>', 'how long you can wait for answers, e.g. 30m, 6h, 2d (default: 24h)', durationArg('--latency-budget'))
    .option('--min-savings <usd>', 'recommend sync when batch saves no more than this (USD, default: 0.01)', usdArg)
    .option('--workers <n>', 'worker threads for large files, 0 for none (default: one per core)', numberArg(0, 32, true))
    .option(
      '--compare <map>',
      'also price the requests on other providers\' models (approximate): TARGET[,TARGET] for every model, ' +
        'MODEL=TARGET[,TARGET] for one, groups separated by ";" (quote it) or a repeated --compare; ' +
        'targets: claude-*, gemini-*, azure/<model>, azure',
      compareArg,
    )
    .action(async (file: string, flags: EstimateFlags) => {
      process.exitCode = await runEstimate(file, flags);
    });
}

/** With the provider's key in the environment, its token counter (Anthropic count_tokens, Gemini countTokens) makes
 *  the input exact; without one, or for OpenAI and Azure (tiktoken is exact offline), there is none. */
async function tokenCounter(flags: EstimateFlags) {
  const name = flags.provider ?? 'openai';
  if (name !== 'anthropic' && name !== 'gemini') return undefined;
  if (!providerKey({ provider: name })) return undefined;
  const provider = makeProvider({ provider: name, ...providerOptions(flags) });
  const count = inputCounter(provider);
  return count ? { count, close: async () => provider.close?.() } : undefined;
}

async function runEstimate(file: string, flags: EstimateFlags): Promise<number> {
  // Sets the failure path's format too: under --format json an error is a JSON object on stdout.
  useFormat(flags);
  const progress = byteProgress('estimating');
  try {
    const historyPath = historyPathOf(flags);
    const history = historyPath ? (await readHistory(historyPath)).observations : [];
    const provider = flags.provider ?? 'openai';
    const counter = flags.countTokens ? await tokenCounter(flags) : undefined;
    const estimate = await estimateFile(file, {
      catalog: catalogForProvider(provider, catalogFrom(flags)),
      ...(counter ? { countInputTokens: counter.count } : {}),
      region: flags.region,
      history,
      now: now(),
      detail: flags.detail,
      latencyBudgetMs: flags.latencyBudget,
      minSavingsUsd: flags.minSavings,
      workers: flags.workers,
      compare: flags.compare,
      onProgress: progress?.update,
      displayName: file,
    });
    const render = {
      json: () => JSON.stringify(estimateToJson(estimate), null, 2) + '\n',
      csv: () => estimateToCsv(estimate),
      markdown: () => renderEstimateMarkdown(estimate),
      table: () => renderEstimateTable(estimate),
    }[flags.format];
    await counter?.close();
    process.stdout.write(render());
    return 0;
  } catch (err) {
    progress?.finish();
    return reportFailure(err);
  }
}
