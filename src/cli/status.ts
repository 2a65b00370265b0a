// `batchwise status DIR|BATCH_ID`: where a run's batches (or one batch) are now.
import type { Command } from 'commander';
import { batchStatus } from '../run/index.ts';
import type { StatusReport } from '../run/index.ts';
import { reportRunFailure } from './runOutput.ts';
import { addFormatOption, printJson, useFormat } from './outputFormat.ts';
import type { FormatFlags } from './outputFormat.ts';
import { addProviderOptions, providerOptions } from './providerFlags.ts';
import type { ProviderFlags } from './providerFlags.ts';

export function renderStatus(r: StatusReport): string {
  const out: string[] = [];
  if (r.run) {
    out.push(`run of ${r.run.input_file}: ${r.run.decision.mode} — ${r.run.decision.reason}`);
    out.push(`started ${r.run.started_at}${r.run.finished_at ? `, finished ${r.run.finished_at}` : ', not finished'}`);
    if (r.run.sync_phase) out.push(`rest sent with ${r.run.sync_phase.mode} since ${r.run.sync_phase.started_at}`);
  }
  if (r.batches.length === 0) out.push('no batches');
  for (const b of r.batches) {
    const c = b.request_counts;
    out.push(`${b.batch_id}${b.part ? ` (${b.part})` : ''}: ${b.status}, ${c.completed}/${c.total} completed, ${c.failed} failed`);
    for (const e of b.errors.slice(0, 5)) out.push(`  ${e.line !== null ? `line ${e.line}: ` : ''}${e.message} (${e.code})`);
  }
  return out.join('\n') + '\n';
}

export function addStatusCommand(program: Command): void {
  const cmd = program
    .command('status')
    .description("show a run's batches (DIR) or one batch (BATCH_ID)")
    .argument('<target>', 'a run folder (--out of batchwise run) or a batch id');
  addFormatOption(addProviderOptions(cmd, { deployments: false }))
    .addHelpText('after', '\nExamples:\n  batchwise status results/\n  batchwise status batch_abc123 --format json')
    .action(async (target: string, flags: FormatFlags & ProviderFlags) => {
      const json = useFormat(flags);
      try {
        const r = await batchStatus(target, providerOptions(flags));
        if (json) printJson(r);
        else process.stdout.write(renderStatus(r));
        process.exitCode = 0;
      } catch (err) {
        process.exitCode = reportRunFailure(err, process.env.OPENAI_API_KEY);
      }
    });
}
