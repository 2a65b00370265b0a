// `--provider`, `--deployment` and `--base-url`: which provider's API a command talks to. Keys are never flags (a
// flag lands in shell history and process lists): each provider's environment variable (run/providers KEY_ENV).
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { KEY_ENV, PROVIDER_NAMES, parseDeployments } from '../run/index.ts';
import type { DeploymentMap, ProviderName } from '../run/index.ts';
import { UsageError } from '../shared/usageError.ts';

export interface ProviderFlags {
  provider?: ProviderName;
  deployment?: string[];
  baseUrl?: string;
}

const keys = PROVIDER_NAMES.map((p) => `${p}: ${KEY_ENV[p].join(' or ')}`).join('; ');

export function addProviderOptions(cmd: Command, opts: { deployments?: boolean } = {}): Command {
  cmd.addOption(new Option('--provider <name>', `whose API runs the requests; key from the environment (${keys})`).choices([...PROVIDER_NAMES]));
  if (opts.deployments !== false) {
    cmd.option('--deployment <map>', 'Azure: MODEL=DEPLOYMENT (repeatable or comma-separated), or one DEPLOYMENT for every model', (v: string, prev: string[] = []) => [...prev, v]);
  }
  cmd.option('--base-url <url>', 'the provider API\'s base URL (the emulator, a proxy; Azure: https://RESOURCE.openai.azure.com); default from OPENAI_BASE_URL, AZURE_OPENAI_ENDPOINT, ANTHROPIC_BASE_URL or GEMINI_BASE_URL', urlArg);
  return cmd;
}

function urlArg(value: string): string {
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
    return value;
  } catch {
    throw new InvalidArgumentError('expected an http(s) URL, e.g. http://127.0.0.1:8089');
  }
}

/** What runFile / batchStatus / cancelRun take from the flags. */
export function providerOptions(flags: ProviderFlags): { provider?: ProviderName; deployments?: DeploymentMap; baseURL?: string } {
  // Deployments mean Azure: given for another provider they would be ignored and the run billed elsewhere.
  if (flags.deployment?.length && flags.provider !== 'azure') {
    throw new UsageError(`--deployment is for --provider azure (the provider is ${flags.provider ?? 'openai'})`);
  }
  return {
    ...(flags.provider ? { provider: flags.provider } : {}),
    ...(flags.deployment?.length ? { deployments: parseDeployments(flags.deployment) } : {}),
    ...(flags.baseUrl ? { baseURL: flags.baseUrl } : {}),
  };
}
