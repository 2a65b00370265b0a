// `--format json` (and its alias `--json`) on every command: the result as one JSON object on stdout, and a failure
// too — {"error": {...}} on stdout with a non-zero exit — so a script never has to parse prose.
import { Option } from 'commander';
import type { Command } from 'commander';

let json = false;

export interface FormatFlags {
  format?: string;
  json?: boolean;
}

/** Adds `--format text|json` (or the given choices, first the default) and `--json`. */
export function addFormatOption(cmd: Command, choices: string[] = ['text', 'json']): Command {
  return cmd
    .addOption(new Option('--format <format>', 'output format').choices(choices).default(choices[0]))
    .option('--json', 'the same as --format json');
}

/** Called first in a command's action: the failure path then knows how to speak. */
export function useFormat(flags: FormatFlags): boolean {
  json = flags.json === true || flags.format === 'json';
  if (json) flags.format = 'json';
  return json;
}

export function jsonOutput(): boolean {
  return json;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
