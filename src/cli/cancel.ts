// `batchwise cancel DIR|BATCH_ID`: stop a run's running batches (or one batch); what finished stays downloadable,
// and `batchwise run` with the same DIR later collects it.
import type { Command } from 'commander';
import { cancelRun } from '../run/index.ts';
import { reportRunFailure } from './runOutput.ts';
import { renderStatus } from './status.ts';

export function addCancelCommand(program: Command): void {
  program
    .command('cancel')
    .description("cancel a run's running batches (DIR) or one batch (BATCH_ID)")
    .argument('<target>', 'a run folder (--out of batchwise run) or a batch id')
    .action(async (target: string) => {
      try {
        const r = await cancelRun(target, { log: (l) => process.stderr.write(`${l}\n`) });
        process.stdout.write(renderStatus(r));
        process.exitCode = 0;
      } catch (err) {
        process.exitCode = reportRunFailure(err, process.env.OPENAI_API_KEY);
      }
    });
}
