// Runs the action the way a GitHub runner does: its entry point (then the post step's) in a child process, inputs as
// INPUT_* variables, and the runner's files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE) read back afterwards.
// The entry points run from source (src/action/index.ts, post.ts) so the tests follow the code as it is edited, not the
// last build. BATCHWISE_DIST=dist runs a build instead (after `npm run build`, or a release candidate): it is copied
// to a temp dir first, so the run also proves the bundle needs no node_modules.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, tempDir } from '../helpers.ts';

/** The day the action tests run on (the bundled catalog's check date). */
export const TODAY = '2026-12-01';

let copied: string | undefined;

/** A build (BATCHWISE_DIST, e.g. `dist` or a release candidate), copied where no node_modules can be found above it. */
export function builtDist(): string {
  if (copied) return copied;
  const dist = resolve(ROOT, process.env.BATCHWISE_DIST!);
  for (const f of ['index.js', 'post.js', 'scan-worker.js', 'tiktoken_bg.wasm']) {
    if (!existsSync(join(dist, f))) throw new Error(`${dist}/${f} is missing: run \`npm run build\` first`);
  }
  copied = join(tempDir('batchwise-dist-'), 'dist');
  cpSync(dist, copied, { recursive: true });
  return copied;
}

export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  /** Everything the step left behind that a secret must not be in. */
  files: { outputs: string; summary: string; state: string };
}

export interface Runner {
  workspace: string;
  eventPath: string;
  /** The environment every step of this "job" shares (GITHUB_*), before inputs. */
  env: Record<string, string>;
  outputFile: string;
  summaryFile: string;
  stateFile: string;
}

export interface RunnerOptions {
  workspace: string;
  eventName: string;
  event: object;
  apiUrl: string;
  sha?: string;
  ref?: string;
  headRef?: string;
  extraEnv?: Record<string, string>;
}

export function makeRunner(o: RunnerOptions): Runner {
  const dir = tempDir('batchwise-runner-');
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(o.event));
  const files = { outputFile: join(dir, 'output'), summaryFile: join(dir, 'summary.md'), stateFile: join(dir, 'state') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  mkdirSync(join(dir, 'temp'));
  return {
    workspace: o.workspace,
    eventPath,
    ...files,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? dir,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: o.workspace,
      GITHUB_EVENT_NAME: o.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'octo/evals',
      GITHUB_REPOSITORY_OWNER: 'octo',
      GITHUB_SHA: o.sha ?? '0'.repeat(40),
      GITHUB_REF: o.ref ?? 'refs/heads/main',
      ...(o.headRef ? { GITHUB_HEAD_REF: o.headRef } : {}),
      GITHUB_API_URL: o.apiUrl,
      // github.com, not a made-up host: @actions/artifact refuses to run on what it takes for GitHub Enterprise Server.
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_OUTPUT: files.outputFile,
      GITHUB_STEP_SUMMARY: files.summaryFile,
      GITHUB_STATE: files.stateFile,
      RUNNER_TEMP: join(dir, 'temp'),
      // Today, for model shutdowns and the catalog's age: the tests must not change meaning on the day a model in
      // them shuts down (gpt-4o-mini: 2027-01-14). A test that wants another day says so in extraEnv.
      BATCHWISE_NOW: TODAY,
      ...o.extraEnv,
    },
  };
}

/** The runner's key/value files: `name<<DELIMITER\nvalue\nDELIMITER` (and plain `name=value`). */
export function parseKeyValueFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = lines[i].match(/^([^=<]+)<<(.+)$/);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      out[heredoc[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}

export interface StepOptions {
  inputs: Record<string, string>;
  /** Send SIGINT this many ms after start (a cancelled job). */
  cancelAfterMs?: number;
  /** Send SIGINT once stdout contains this text. */
  cancelWhen?: RegExp;
  timeoutMs?: number;
}

/** The script a step runs: src/action/<entry>.ts, or <build>/<entry>.js with BATCHWISE_DIST. */
export function entryScript(entry: 'index' | 'post'): string {
  if (process.env.BATCHWISE_DIST) return join(builtDist(), `${entry}.js`);
  return join(ROOT, 'src/action', `${entry}.ts`);
}

/** Runs the step's entry point as the runner would. The runner passes main's saved state to post as STATE_* variables. */
export async function runStep(runner: Runner, entry: 'index' | 'post', opts: StepOptions): Promise<StepResult> {
  const env: Record<string, string> = { ...runner.env };
  // @actions/core reads INPUT_<NAME> with spaces → _ and upper case; hyphens stay.
  for (const [k, v] of Object.entries(opts.inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  if (entry === 'post') {
    for (const [k, v] of Object.entries(parseKeyValueFile(readFileSync(runner.stateFile, 'utf8')))) env[`STATE_${k}`] = v;
  }
  const outputsBefore = readFileSync(runner.outputFile, 'utf8').length;
  const summaryBefore = readFileSync(runner.summaryFile, 'utf8').length;
  // process.execPath: the Node 24 running the tests, which runs the .ts entry points by type stripping.
  const child = spawn(process.execPath, [entryScript(entry)], { cwd: runner.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let signalled = false;
  const cancel = () => {
    if (!signalled) {
      signalled = true;
      child.kill('SIGINT');
    }
  };
  child.stdout.on('data', (d) => {
    stdout += d;
    if (opts.cancelWhen?.test(stdout)) cancel();
  });
  child.stderr.on('data', (d) => (stderr += d));
  const timers = [setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000)];
  if (opts.cancelAfterMs !== undefined) timers.push(setTimeout(cancel, opts.cancelAfterMs));
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  for (const t of timers) clearTimeout(t);
  const outputsText = readFileSync(runner.outputFile, 'utf8');
  const summaryText = readFileSync(runner.summaryFile, 'utf8');
  const stateText = readFileSync(runner.stateFile, 'utf8');
  return {
    code,
    stdout,
    stderr,
    outputs: parseKeyValueFile(outputsText.slice(outputsBefore)),
    summary: summaryText.slice(summaryBefore),
    state: parseKeyValueFile(stateText),
    files: { outputs: outputsText, summary: summaryText, state: stateText },
  };
}

/** A git repository with a base commit and a head commit, checked out at head (as actions/checkout leaves a PR). */
export function gitRepo(base: Record<string, string>, head: Record<string, string>): { dir: string; baseSha: string; headSha: string } {
  const dir = tempDir('batchwise-repo-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 't');
  const write = (files: Record<string, string>) => {
    for (const [p, c] of Object.entries(files)) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), c);
    }
  };
  write(base);
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', 'base');
  const baseSha = git('rev-parse', 'HEAD');
  write(head);
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', 'head');
  return { dir, baseSha, headSha: git('rev-parse', 'HEAD') };
}

export function prEvent(number: number, baseSha: string, headSha: string, fork = false): object {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      base: { sha: baseSha, ref: 'main', repo: { full_name: 'octo/evals' } },
      head: { sha: headSha, ref: 'feature', repo: { full_name: fork ? 'someone/evals' : 'octo/evals' } },
    },
  };
}
