// `batchwise prepare DATA`: a Batch API request file from a table (CSV or JSONL), then its estimate.
import type { Command } from 'commander';
import { Option } from 'commander';
import { loadCatalog } from '../pricing/index.ts';
import { estimateFile } from '../estimate/estimateFile.ts';
import { renderEstimateTable } from '../report/estimateTable.ts';
import { prepareRequests } from '../prepare/index.ts';
import type { DataFormat, EndpointName, RequestSpec } from '../prepare/index.ts';
import { reportFailure } from './errors.ts';
import { printJson, useFormat } from './outputFormat.ts';
import { estimateToJson } from '../report/estimateJson.ts';

/** The flags that say what request a row becomes; join takes them too, to rebuild unparsed rows' requests. */
export interface TemplateFlags {
  model?: string;
  template?: string;
  prompt?: string;
  system?: string;
  maxTokens?: string;
  endpoint?: EndpointName;
  responseFormat?: string;
}

export function addTemplateOptions(cmd: Command): Command {
  return cmd
    .option('--model <model>', 'model for every request (a JSON template may name it instead)')
    .option('--template <file>', 'the user message with {{column}} placeholders; a .json file is a whole request body')
    .option('--prompt <text>', 'the user message inline, instead of --template')
    .option('--system <text>', 'a system message (chat) or instructions (responses); {{column}} works here too')
    .option('--max-tokens <n>', 'output cap per request (max_completion_tokens / max_output_tokens)')
    .addOption(new Option('--endpoint <endpoint>', 'the API endpoint').choices(['chat', 'responses', 'embeddings']))
    .option('--response-format <file>', 'a JSON schema: structured outputs (answers come back as JSON)');
}

export function requestSpecOf(flags: TemplateFlags): RequestSpec {
  return {
    model: flags.model,
    template: flags.template,
    prompt: flags.prompt,
    system: flags.system,
    maxTokens: flags.maxTokens === undefined ? undefined : Number(flags.maxTokens),
    endpoint: flags.endpoint,
    responseFormat: flags.responseFormat,
  };
}

interface PrepareFlags extends TemplateFlags {
  out: string;
  idColumn?: string;
  format?: DataFormat;
  pricing?: string;
  json?: boolean;
}

export function addPrepareCommand(program: Command): void {
  const cmd = program
    .command('prepare')
    .description('write a Batch API request file from a table: one request per row, {{column}} placeholders filled')
    .argument('<data>', 'the table: .csv (with a header row) or .jsonl (one object per line)');
  addTemplateOptions(cmd)
    .option('--id-column <column>', 'the column whose values become custom_ids (default: row-1, row-2, …)')
    .addOption(new Option('--format <format>', 'the table format when the extension does not say').choices(['csv', 'jsonl']))
    .requiredOption('--out <file>', 'the request file to write (JSONL)')
    .option('--pricing <file>', 'JSON file that adds or overrides model prices (for the estimate)')
    // --format names the table's format here, so machine-readable output is --json alone.
    .option('--json', 'print what was written and its estimate as JSON (errors too)')
    .addHelpText('after', '\nExample:\n  batchwise prepare reviews.csv --template prompt.txt --model gpt-5.4-mini --id-column id --out requests.jsonl')
    .action(async (data: string, flags: PrepareFlags) => {
      process.exitCode = await runPrepare(data, flags);
    });
}

async function runPrepare(data: string, flags: PrepareFlags): Promise<number> {
  const json = useFormat({ json: flags.json });
  try {
    const catalog = loadCatalog(flags.pricing);
    const result = await prepareRequests({ ...requestSpecOf(flags), data, format: flags.format, idColumn: flags.idColumn, out: flags.out });
    for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
    const estimate = await estimateFile(result.path, { catalog, displayName: result.path });
    if (json) {
      printJson({ file: result.path, requests: result.requests, model: result.model, endpoint: result.endpoint, notes: result.notes, estimate: estimateToJson(estimate) });
      return 0;
    }
    process.stdout.write(`wrote ${result.requests} requests (${result.model}, ${result.endpoint}) to ${result.path}\n\n`);
    process.stdout.write(renderEstimateTable(estimate));
    return 0;
  } catch (err) {
    return reportFailure(err);
  }
}
