// `npm test` after the type check: node's test runner over test/**/*.test.ts with a per-test timeout (a regression
// fails in minutes instead of hanging CI for its 90), inside a temp folder of its own (TMPDIR) that is removed at the
// end, so no run leaves batchwise-* folders behind whatever a test forgets. Extra arguments go to the runner.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PER_TEST_TIMEOUT_MS = 180_000;
const root = mkdtempSync(join(tmpdir(), 'batchwise-tests-'));
const args = process.argv.slice(2);
const files = args.some((a) => !a.startsWith('-')) ? [] : ['test/**/*.test.ts'];
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', `--test-timeout=${PER_TEST_TIMEOUT_MS}`, ...args, ...files], {
  stdio: 'inherit',
  // No run history under the checkout: one test's run must not calibrate another's estimate (tests that want history
  // name their own file).
  env: { ...process.env, TMPDIR: root, TMP: root, TEMP: root, BATCHWISE_HISTORY: 'off' },
});
const left = readdirSync(root);
rmSync(root, { recursive: true, force: true });
if (left.length > 0) process.stderr.write(`(removed ${left.length} temp folder(s) the tests left behind)\n`);
process.exit(r.status ?? 1);
