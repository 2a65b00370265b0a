// Test helpers: temp files and running the CLI as a user would.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

export const ROOT = new URL('..', import.meta.url).pathname;

export function tempDir(prefix = 'batchwise-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes lines (objects are JSON-encoded, strings written as is) to a temp .jsonl file. */
export function writeJsonl(lines: (object | string)[], name = 'requests.jsonl'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return path;
}

export function chatLine(custom_id: string, content: string, extra: Record<string, unknown> = {}, model = 'gpt-4o-mini') {
  return { custom_id, method: 'POST', url: '/v1/chat/completions', body: { model, messages: [{ role: 'user', content }], ...extra } };
}

/** Runs `batchwise` from source with Node 24 (the same binary running the tests). */
export function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // No run history under the checkout: a test's run must not calibrate the next test's estimate.
    env: { ...process.env, BATCHWISE_HISTORY: 'off', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
