// --format json / --json on every command: one JSON object on stdout, and a failure as {"error": …} with a non-zero
// exit, never prose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, tempDir, writeJsonl, chatLine } from '../helpers.ts';

test('failures under --json are one JSON object on stdout with the exit code', () => {
  const bad = writeJsonl([chatLine('a', 'x'), '{"custom_id": "a"']);
  const cases: [string[], string][] = [
    [['status', tempDir(), '--json'], 'RunStateError|FileError|UsageError'],
    [['cancel', '/nonexistent/dir', '--format', 'json'], 'Error'],
    [['prepare', '/nonexistent.csv', '--prompt', 'x {{a}}', '--model', 'gpt-5.4-mini', '--out', `${tempDir()}/r.jsonl`, '--json'], 'Error'],
    [['run', bad, '--out', tempDir(), '--json'], 'RequestFileError'],
    [['estimate', bad, '--json'], 'RequestFileError'],
    [['estimate', '/nonexistent.jsonl', '--format', 'json'], 'FileError'],
  ];
  for (const [args, type] of cases) {
    const r = cli(args, { OPENAI_API_KEY: 'sk-test-never-sent', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    assert.notEqual(r.code, 0, args.join(' '));
    const j = JSON.parse(r.stdout);
    assert.match(j.error.type, new RegExp(type), `${args.join(' ')}: ${r.stdout}`);
    assert.equal(typeof j.error.message, 'string');
    assert.equal(j.error.exit_code, r.code);
  }
  const run = JSON.parse(cli(['run', bad, '--out', tempDir(), '--json'], { OPENAI_API_KEY: 'sk-test-never-sent' }).stdout);
  assert.deepEqual(run.error.problems.map((p: { line: number }) => p.line), [2]);
});

test('demo --json: the run summary as one object on stdout, the narration on stderr', () => {
  const r = cli(['demo', '--json', '--out', tempDir()]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.requests, 12);
  assert.equal(j.succeeded, 12);
  assert.match(r.stderr, /running it in --mode auto/);
});

for (const provider of ['anthropic', 'gemini', 'azure']) {
  test(`demo --provider ${provider}: the example for that provider runs to the end through its batch API`, () => {
    const r = cli(['demo', '--provider', provider, '--json', '--out', tempDir()]);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.succeeded, 12);
    assert.equal(j.decision.mode, 'batch');
    assert.match(r.stderr, new RegExp(`--provider ${provider}`));
  });
}
