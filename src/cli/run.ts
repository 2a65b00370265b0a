// `batchwise run FILE --mode auto|batch|flex|sync --out DIR`: decide, run to the end, write results and the report.
import type { Command } from 'commander';
import { Option } from 'commander';
import { now } from '../shared/clock.ts';
import { addHistoryOptions, addPricingOptions, catalogFrom, historyPathOf } from './pricingFlags.ts';
import type { HistoryFlags, PricingFlags } from './pricingFlags.ts';
import { runFile } from '../run/index.ts';
import { DEFAULT_CONCURRENCY } from '../run/sync/runSync.ts';
import type { RunMode } from '../run/index.ts';
import { describeSummary, reportRunFailure } from './runOutput.ts';
import { countArg, durationArg, numberArg, pollIntervalArg, positiveCountArg, usdArg } from './args.ts';
import { onInterrupt } from './interrupt.ts';
import { parseTokenCount } from '../shared/tokenCount.ts';
import { liveProgress } from './liveProgress.ts';
import { addFormatOption, printJson, useFormat } from './outputFormat.ts';
import type { FormatFlags } from './outputFormat.ts';
import { runSummaryJson } from './runOutput.ts';
import { InvalidArgumentError } from 'commander';
import { joinResults, renderJoinSummary } from '../join/index.ts';
import { addProviderOptions, providerOptions } from './providerFlags.ts';
import type { ProviderFlags } from './providerFlags.ts';

interface RunFlags extends PricingFlags, HistoryFlags, FormatFlags, ProviderFlags {
  countTokens: boolean;
  mode: RunMode;
  pilot?: number;
  fresh?: boolean;
  out: string;
  latencyBudget?: number;
  maxCost?: number;
  minSavings?: number;
  retries?: number;
  rpm?: number;
  tpm?: number;
  concurrency?: number;
  flexFallback: boolean;
  pollInterval?: { min: number; max: number };
  join?: string;
  idColumn?: string;
  parse?: string;
  queueLimit?: number;
  until?: number;
  maxBatches?: number;
}

/** Tokens as the Limits page shows them: 2000000, 2,000,000, 2M, 90k, 1.5B. */
function tokensArg(value: string): number {
  const n = parseTokenCount(value);
  if (n === null) throw new InvalidArgumentError('expected a number of tokens, e.g. 2000000 or 2M');
  return n;
}

/** The command line as typed, for "run it again" (arguments with spaces or quotes are quoted for a POSIX shell). */
function sameCommand(): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
  return ['batchwise', ...process.argv.slice(2)].map(quote).join(' ');
}

export function addRunCommand(program: Command): void {
  const cmd = program
    .command('run')
    .description('run a request file to the end (batch, flex, sync or priority), resumable, and write results and a report')
    .addHelpText('after', '\nExamples:\n  batchwise run requests.jsonl --out results/ --latency-budget 6h --max-cost 20\n  batchwise run big.jsonl --mode batch --out results/ --queue-limit 2M --until 5h30m   (exit 3: run it again later)\n  batchwise run requests.jsonl --out results/ --pilot 20 --format json\n  ANTHROPIC_API_KEY=… batchwise run claude.jsonl --provider anthropic --out results/\n  batchwise run evals.jsonl --provider azure --deployment gpt-5.4-mini=evals-batch --out results/\n\nExit codes: 0 all succeeded, 2 some did not, 3 in progress (run the same command again), 1 could not run, 130 interrupted.')
    .argument('<file>', 'request file in the Batch API JSONL format')
    .addOption(new Option('--mode <mode>', 'how to run it (priority: Fast mode, dearer and faster; never chosen by auto)').choices(['auto', 'batch', 'flex', 'sync', 'priority']).default('auto'));
  addFormatOption(addProviderOptions(addHistoryOptions(addPricingOptions(cmd))))
    .option('--pilot <n>', 'send N requests (chosen at random) synchronously first; their answers calibrate the estimate of the rest', countArg)
    .requiredOption('--out <dir>', 'folder for results, report and state (run again with the same folder to resume)')
    .option('--latency-budget <duration>', 'how long you can wait for answers, e.g. 30m, 6h (default: 24h)', durationArg('--latency-budget'))
    .option('--max-cost <usd>', 'refuse to start when the worst case is above this (USD)', usdArg)
    .option('--min-savings <usd>', 'auto: use sync when batch saves no more than this (USD, default: 0.01)', usdArg)
    .option('--retries <n>', 'retry rounds for requests that failed in a retryable way (default: 2)', countArg)
    .option('--rpm <n>', 'your requests-per-minute limit (sync and flex; default: read from the API)', positiveCountArg)
    .option('--tpm <n>', 'your tokens-per-minute limit (sync and flex; default: read from the API)', positiveCountArg)
    .option('--concurrency <n>', `sync, flex and priority requests in flight at most, a ceiling: the limits and the observed latency set the pace (default: ${DEFAULT_CONCURRENCY})`, positiveCountArg)
    .option('--no-flex-fallback', 'flex without capacity: fail instead of using the standard tier')
    .option('--poll-interval <min,max>', 'batch polling, MIN,MAX (default: 2s,60s)', pollIntervalArg)
    .option('--queue-limit <tokens>', 'your batch queue limit per model (enqueued tokens, Limits page), e.g. 2M; default: learned from the API', tokensArg)
    .option('--until <duration>', 'stop waiting after this long (e.g. 5h30m), leave the batches running and exit 3; the same command continues', durationArg('--until'))
    .option('--max-batches <n>', 'batches this run may create at most (default: 500); reaching it ends the run with exit 3', numberArg(1, 1e6, true))
    .option('--no-count-tokens', "Anthropic and Gemini: do not call the provider's free token counter before the run (input stays approximate)")
    .option('--fresh', 'set the run remembered in --out aside and start over; the answers it already has are kept and not sent again')
    .option('--join <data>', 'after the run, join the answers back into this table (.csv/.jsonl) as DIR/results.csv')
    .option('--id-column <column>', 'with --join: the id column the requests were prepared with (default: row-N)')
    .option('--parse <how>', 'with --join: "json", or a regular expression whose named groups become columns')
    .action(async (file: string, flags: RunFlags) => {
      process.exitCode = await runCommand(file, flags);
    });
}



async function runCommand(file: string, flags: RunFlags): Promise<number> {
  const json = useFormat(flags);
  const interrupt = onInterrupt();
  const live = liveProgress();
  try {
    const summary = await runFile(file, {
      mode: flags.mode,
      outDir: flags.out,
      ...providerOptions(flags),
      exactTokens: flags.countTokens,
      catalog: catalogFrom(flags),
      region: flags.region,
      historyPath: historyPathOf(flags),
      pilot: flags.pilot,
      fresh: flags.fresh,
      now: now(),
      latencyBudgetMs: flags.latencyBudget,
      maxCostUsd: flags.maxCost,
      minSavingsUsd: flags.minSavings,
      retries: flags.retries,
      rpm: flags.rpm,
      tpm: flags.tpm,
      concurrency: flags.concurrency,
      flexFallback: flags.flexFallback,
      pollIntervalMs: flags.pollInterval,
      queueLimitTokens: flags.queueLimit,
      untilMs: flags.until,
      maxBatches: flags.maxBatches,
      githubRunId: process.env.GITHUB_RUN_ID,
      signal: interrupt.signal,
      log: live.log,
      onProgress: live.batch,
      onSyncProgress: (p, tier) => live.sync(p, tier),
    });
    live.end();
    if (json) printJson(runSummaryJson(summary));
    else process.stdout.write(describeSummary(summary));
    // Stopped by a signal: what finished is in the results, the rest continues on the next run.
    if (interrupt.received()) return reportRunFailure(null, undefined, interrupt.received(), flags.out);
    if (summary.in_progress && !json) {
      // Exit 3: not a failure. The state is in --out; the same command, later, collects and continues.
      const p = summary.in_progress;
      process.stdout.write(
        `in progress: ${p.message}; ${p.requests_left} requests have no outcome yet (${p.batches_running} batch${p.batches_running === 1 ? '' : 'es'} running).\n` +
          `continue with the same command (same --out):\n  ${sameCommand()}\n`,
      );
      return summary.exit_code;
    }
    if (flags.join) {
      // The joined table replaces the plain results.csv: every column of the source row, then the answer.
      const joined = await joinResults({
        data: flags.join,
        results: summary.results_path,
        out: summary.results_csv_path,
        idColumn: flags.idColumn,
        parse: flags.parse,
        requests: file,
      });
      if (!json) process.stdout.write(renderJoinSummary(joined));
    }
    return summary.exit_code;
  } catch (err) {
    return reportRunFailure(err, process.env.OPENAI_API_KEY, interrupt.received(), flags.out);
  } finally {
    live.end();
    interrupt.dispose();
  }
}
