// `batchwise emulator`: runs the local OpenAI-compatible server until SIGINT/SIGTERM.
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { parseDuration, startEmulator, type CancelledLines, type EmulatorOptions, type LimiterKind, type TokenCounting } from '../emulator/index.ts';

function rateArg(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a fraction between 0 and 1, like 0.05');
  return n;
}

function countArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

function factorArg(value: string): number {
  const n = Number(value);
  if (!(n >= 0) || value.trim() === '') throw new InvalidArgumentError('expected a number ≥ 0, like 3 or 0.5');
  return n;
}

function choiceArg<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
    return value as T;
  };
}

function durationArg(value: string): number {
  try {
    return parseDuration(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

interface EmulatorFlags {
  port?: number;
  host?: string;
  failRate?: number;
  httpFaultRate?: number;
  dropRate?: number;
  completeAfter?: number;
  expireAfter?: number;
  rpm?: number;
  tpm?: number;
  limiter?: LimiterKind;
  perSecond?: boolean;
  tokenCounting?: TokenCounting;
  latency?: number;
  latencyJitter?: number;
  flexSlowdownFactor?: number;
  priorityLatencyFactor?: number;
  queueLimit?: number;
  creationsPerHour?: number;
  cancelAfter?: number;
  cancelledLines?: CancelledLines;
  seed?: number;
  dataDir?: string;
  azureDeployment?: Record<string, string>;
  format?: string;
  json?: boolean;
}

/** `--azure-deployment NAME=MODEL`, repeatable. */
function deploymentArg(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]{0,63})=(\S+)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected NAME=MODEL, e.g. evals-mini=gpt-5.4-mini');
  return { ...previous, [m[1]]: m[2] };
}

export function addEmulatorCommand(program: Command): void {
  program
    .command('emulator')
    .description('run a local stand-in for the OpenAI API (files, batches, chat, embeddings, responses), Azure OpenAI, Anthropic Message Batches and Gemini Batch Mode, with fault injection')
    .addHelpText('after', '\nExamples:\n  batchwise emulator --port 8089\n  batchwise emulator --limiter bucket --rpm 300 --tpm 60000 --latency 3s\n  OPENAI_BASE_URL=http://127.0.0.1:8089/v1 OPENAI_API_KEY=sk-any batchwise run requests.jsonl --out results/\n  ANTHROPIC_BASE_URL=http://127.0.0.1:8089 ANTHROPIC_API_KEY=any batchwise run claude.jsonl --provider anthropic --out results/')
    .option('--port <n>', 'port to listen on (0: any free port)', countArg, 0)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--fail-rate <r>', 'fraction of batch lines that fail (500, 429 and 400 lines)', rateArg)
    .option('--http-fault-rate <r>', 'fraction of calls answered 500/503', rateArg)
    .option('--drop-rate <r>', 'fraction of calls whose connection is reset', rateArg)
    .option('--complete-after <dur>', 'how long a batch runs, like 500ms, 30s, 5m', durationArg)
    .option('--expire-after <dur>', 'a batch still running after this long expires (default: 24h)', durationArg)
    .option('--rpm <n>', 'requests per minute per model on the sync endpoints', countArg)
    .option('--tpm <n>', 'tokens per minute per model on the sync endpoints', countArg)
    .option('--limiter <kind>', 'how --rpm/--tpm are kept: bucket (continuous token bucket) or window (sliding 60s)', choiceArg(['bucket', 'window'] as const), 'bucket')
    .option('--per-second', 'also refuse more than limit/60 requests or tokens within any 1s')
    .option('--token-counting <how>', 'what a request counts against --tpm: max (max_tokens vs chars/4) or sum (input + max_tokens)', choiceArg(['max', 'sum'] as const), 'max')
    .option('--latency <dur>', 'hold each sync answer this long, like 800ms or 3s', durationArg)
    .option('--latency-jitter <r>', 'latency varies by ± this fraction (default: 0.2)', rateArg)
    .option('--flex-slowdown-factor <x>', 'flex answers take this many times --latency (default: 3)', factorArg)
    .option('--priority-latency-factor <x>', 'priority answers take this many times --latency (default: 0.5)', factorArg)
    .option('--queue-limit <tokens>', 'enqueued batch input tokens allowed per model', countArg)
    .option('--creations-per-hour <n>', 'batches that can be created per hour (default: 2000)', countArg)
    .option('--cancel-after <dur>', 'how long a cancelled batch shows cancelling', durationArg)
    .option('--cancelled-lines <where>', "a cancelled batch's unrun lines: omitted, or error-file (batch_cancelled)", choiceArg(['omitted', 'error-file'] as const), 'omitted')
    .option('--seed <n>', 'seed for answers and faults', countArg)
    .option('--data-dir <dir>', 'keep files and batches here across restarts')
    .addOption(new Option('--format <format>', 'how the listening address is printed (json: one object, for scripts)').choices(['text', 'json']).default('text'))
    .option('--json', 'the same as --format json')
    .option('--azure-deployment <name=model>', 'Azure (/openai/v1, api-key): a deployment and the model it serves (repeatable); calls must then name a deployment', deploymentArg)
    .action(async (flags: EmulatorFlags) => {
      const options: EmulatorOptions = {
        port: flags.port,
        host: flags.host,
        failRate: flags.failRate,
        httpFaultRate: flags.httpFaultRate,
        dropRate: flags.dropRate,
        completeAfterMs: flags.completeAfter,
        expireAfterMs: flags.expireAfter ?? null,
        rpm: flags.rpm ?? null,
        tpm: flags.tpm ?? null,
        limiter: flags.limiter,
        perSecond: flags.perSecond ?? false,
        tokenCounting: flags.tokenCounting,
        latencyMs: flags.latency,
        latencyJitter: flags.latencyJitter,
        flexSlowdownFactor: flags.flexSlowdownFactor,
        priorityLatencyFactor: flags.priorityLatencyFactor,
        queueLimit: flags.queueLimit ?? null,
        creationsPerHour: flags.creationsPerHour,
        cancelAfterMs: flags.cancelAfter,
        cancelledLines: flags.cancelledLines,
        seed: flags.seed,
        dataDir: flags.dataDir ?? null,
        ...(flags.azureDeployment ? { azureDeployments: flags.azureDeployment } : {}),
        log: (line) => process.stderr.write(`${line}\n`),
      };
      const emulator = await startEmulator(options);
      if (flags.json || flags.format === 'json') {
        process.stdout.write(`${JSON.stringify({ url: emulator.url, origin: emulator.origin, port: emulator.port })}\n`);
      } else {
      process.stdout.write(`listening on ${emulator.url}\n`);
      process.stdout.write(
        `  openai:    OPENAI_BASE_URL=${emulator.url}\n  azure:     AZURE_OPENAI_ENDPOINT=${emulator.origin}\n` +
          `  anthropic: ANTHROPIC_BASE_URL=${emulator.origin}\n  gemini:    GEMINI_BASE_URL=${emulator.origin}\n`,
      );
      }
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await emulator.close();
    });
}
