// `batchwise cancel DIR|BATCH_ID`: stop a run's running batches (or one batch); what finished stays downloadable,
// and `batchwise run` with the same DIR later collects it.
import type { Command } from 'commander';
import { cancelRun } from '../run/index.ts';
import { reportRunFailure } from './runOutput.ts';
import { renderStatus } from './status.ts';
import { addFormatOption, printJson, useFormat } from './outputFormat.ts';
import type { FormatFlags } from './outputFormat.ts';
import { addProviderOptions, providerOptions } from './providerFlags.ts';
import type { ProviderFlags } from './providerFlags.ts';

export function addCancelCommand(program: Command): void {
  const cmd = program
    .command('cancel')
    .description("cancel a run's running batches (DIR) or one batch (BATCH_ID)")
    .argument('<target>', 'a run folder (--out of batchwise run) or a batch id');
  addFormatOption(addProviderOptions(cmd, { deployments: false }))
    .addHelpText('after', '\nExamples:\n  batchwise cancel results/\n  batchwise cancel batch_abc123 --json\n\nFinished answers stay; a later `batchwise run` with the same --out collects them.')
    .action(async (target: string, flags: FormatFlags & ProviderFlags) => {
      try {
        const json = useFormat(flags);
        const r = await cancelRun(target, { ...providerOptions(flags), log: (l) => process.stderr.write(`${l}\n`) });
        if (json) printJson(r);
        else process.stdout.write(renderStatus(r));
        process.exitCode = 0;
      } catch (err) {
        process.exitCode = reportRunFailure(err, process.env.OPENAI_API_KEY);
      }
    });
}
