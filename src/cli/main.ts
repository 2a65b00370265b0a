// `batchwise <command>`: a thin shell. Each command lives in its own file and calls the core.
import { Command } from 'commander';
import { addEstimateCommand } from './estimate.ts';
import { addRunCommand } from './run.ts';
import { addStatusCommand } from './status.ts';
import { addCancelCommand } from './cancel.ts';
import { addDemoCommand } from './demo.ts';
import { addEmulatorCommand } from './emulator.ts';
import { addPrepareCommand } from './prepare.ts';
import { addJoinCommand } from './join.ts';
import { addPricingCommand } from './pricing.ts';
import { VERSION } from '../shared/version.ts';
import { registerSecret, scrubProcessOutput } from '../shared/secrets.ts';
import { KEY_ENV } from '../run/providers/index.ts';

// Whatever a server echoes back, no provider's key leaves the process: every writer scrubs what it writes.
for (const names of Object.values(KEY_ENV)) for (const name of names) registerSecret(process.env[name]);
scrubProcessOutput();

const program = new Command('batchwise')
  .description('Estimate, decide and run OpenAI-format request files: sync vs flex vs batch, on OpenAI, Azure OpenAI, Anthropic or Gemini')
  .version(VERSION);
addDemoCommand(program);
addEstimateCommand(program);
addRunCommand(program);
addStatusCommand(program);
addCancelCommand(program);
addPrepareCommand(program);
addJoinCommand(program);
addPricingCommand(program);
addEmulatorCommand(program);

await program.parseAsync();
