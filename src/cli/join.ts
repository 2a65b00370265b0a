// `batchwise join DATA DIR/results.jsonl`: the table again, with each row's answer, status, tokens, cost and error.
import type { Command } from 'commander';
import { Option } from 'commander';
import { dirname, join } from 'node:path';
import { joinResults, renderJoinSummary } from '../join/index.ts';
import type { DataFormat } from '../prepare/index.ts';
import { addTemplateOptions, requestSpecOf } from './prepare.ts';
import { reportFailure } from './errors.ts';
import { printJson, useFormat } from './outputFormat.ts';
import type { TemplateFlags } from './prepare.ts';

interface JoinFlags extends TemplateFlags {
  out?: string;
  idColumn?: string;
  parse?: string;
  requests?: string;
  format?: DataFormat;
  json?: boolean;
}

export function addJoinCommand(program: Command): void {
  const cmd = program
    .command('join')
    .description("put a run's answers back on the table they came from, matched by custom_id")
    .argument('<data>', 'the table the requests were prepared from (.csv or .jsonl)')
    .argument('<results>', 'DIR/results.jsonl written by `batchwise run`')
    .option('--out <file>', 'the joined CSV (default: results.csv beside results.jsonl)')
    .option('--id-column <column>', 'the id column prepare used (default: rows match row-1, row-2, …)')
    .option('--parse <how>', '"json", or a regular expression whose named groups become columns')
    .option('--requests <file>', 'the request file that ran: unparsed answers are written again from it')
    .addOption(new Option('--format <format>', 'the table format when the extension does not say').choices(['csv', 'jsonl']))
    // --format names the table's format here, so machine-readable output is --json alone.
    .option('--json', 'print the join summary as JSON (errors too)')
    .addHelpText('after', '\nExample:\n  batchwise join reviews.csv results/results.jsonl --id-column id --parse json');
  // prepare's options rebuild the requests of unparsed answers when there is no --requests.
  addTemplateOptions(cmd).action(async (data: string, results: string, flags: JoinFlags) => {
    process.exitCode = await runJoin(data, results, flags);
  });
}

async function runJoin(data: string, results: string, flags: JoinFlags): Promise<number> {
  const json = useFormat({ json: flags.json });
  try {
    const spec = requestSpecOf(flags);
    const hasSpec = spec.template !== undefined || spec.prompt !== undefined;
    const summary = await joinResults({
      data,
      results,
      out: flags.out ?? join(dirname(results), 'results.csv'),
      format: flags.format,
      idColumn: flags.idColumn,
      // A schema given alone still says the answers are JSON.
      parse: flags.parse ?? (flags.responseFormat !== undefined && !hasSpec ? 'json' : undefined),
      requests: flags.requests,
      prepare: hasSpec ? spec : undefined,
    });
    if (json) printJson(summary);
    else process.stdout.write(renderJoinSummary(summary));
    return 0;
  } catch (err) {
    return reportFailure(err);
  }
}
