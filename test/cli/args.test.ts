// Every numeric and duration flag is checked when it is parsed, with the accepted range in the message, before any
// work starts (no file is read, no request sent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../helpers.ts';

const run = (...flags: string[]) => cli(['run', 'examples/requests.jsonl', '--out', '/nonexistent/never-created', ...flags], { OPENAI_API_KEY: 'sk-test-never-sent' });

test('limits of 0, bare-number durations and reversed poll intervals are refused at parse time, naming the range or units', () => {
  const cases: [string[], RegExp][] = [
    [['--concurrency', '0'], /option '--concurrency <n>' argument '0' is invalid\. expected a whole number from 1 to/],
    [['--rpm', '0'], /--rpm <n>' argument '0' is invalid\. expected a whole number from 1/],
    [['--tpm', '-5'], /--tpm <n>' argument '-5' is invalid/],
    [['--latency-budget', '5'], /invalid --latency-budget "5": a bare number has no unit: write 5s, 5m or 5h/],
    [['--poll-interval', '60s,2s'], /the first interval \(60s\) must not be longer than the second \(2s\)/],
    [['--until', '0s'], /--until must be more than zero/],
    [['--max-cost', 'lots'], /--max-cost <usd>' argument 'lots' is invalid\. expected a number from 0/],
  ];
  for (const [flags, message] of cases) {
    const r = run(...flags);
    assert.equal(r.code, 1, `${flags.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, flags.join(' '));
    assert.doesNotMatch(r.stderr, /internal error|at .*\.ts:\d+/, 'a usage error, not a crash');
  }
});

test('estimate checks its duration the same way', () => {
  const r = cli(['estimate', 'examples/requests.jsonl', '--latency-budget', '330']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /write 330s, 330m or 330h/);
});
