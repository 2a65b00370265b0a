import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.ts';
import { chatBody, succeeded, failed, writeResultsFile } from '../join/helpers.ts';
import { cliStage, writeTable } from './helpers.ts';

test('prepare writes the file and prints its estimate', () => {
  const out = join(tempDir(), 'requests.jsonl');
  const r = cliStage([
    'prepare', 'examples/data/reviews.csv', '--model', 'gpt-4o-mini', '--template', 'examples/data/review-prompt.txt',
    '--id-column', 'id', '--response-format', 'examples/data/sentiment.schema.json', '--max-tokens', '200', '--out', out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^wrote 4 requests \\(gpt-4o-mini, /v1/chat/completions\\) to ${out}`));
  assert.match(r.stdout, new RegExp(`${out}: 4 requests, `));
  assert.match(r.stdout, /^batch/m);
  assert.match(r.stderr, /note: added "additionalProperties": false/);
  assert.equal(readFileSync(out, 'utf8').trimEnd().split('\n').length, 4);
});

test('prepare with a bad template exits 1 with every problem, no stack, and no file', () => {
  const dir = tempDir();
  const data = writeTable('t.jsonl', '{"a":"1"}\n{"b":"2"}\n{"a":"3"}\n', dir);
  const out = join(dir, 'r.jsonl');
  const r = cliStage(['prepare', data, '--model', 'gpt-4o-mini', '--prompt', '{{a}}', '--id-column', 'a', '--out', out]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, [
    `batchwise: ${data}:2: row 2 has no id column "a"`,
    `${data}:2: row 2 has no column "a" (used as {{a}} in the template)`,
    '',
  ].join('\n'));
  assert.equal(existsSync(out), false);
});

test('join writes results.csv beside results.jsonl and lists what did not parse', () => {
  const dir = tempDir();
  const data = writeTable('d.csv', 'text\nx\ny\nz\n', dir);
  const results = writeResultsFile(dir, [
    succeeded('row-1', 1, chatBody('label: good')),
    succeeded('row-2', 2, chatBody('no idea')),
    failed('row-3', 3, 'failed', 'server_error', 'boom'),
  ]);
  const r = cliStage(['join', data, results, '--parse', '^label: (?<label>\\w+)$', '--model', 'gpt-4o-mini', '--prompt', 'Label {{text}}']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, [
    `wrote ${join(dir, 'results.csv')}: 3 rows (2 succeeded, 1 failed), $0.002`,
    'parsed 1 answer (/^label: (?<label>\\w+)$/) into columns',
    '1 answer did not parse: "row-2"',
    `  their requests are in ${join(dir, 'unparsed.jsonl')}, ready for \`batchwise run\``,
    '',
  ].join('\n'));
  assert.match(readFileSync(join(dir, 'results.csv'), 'utf8'), /^text,custom_id,answer,label,status/);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'unparsed.jsonl'), 'utf8')), {
    custom_id: 'row-2', method: 'POST', url: '/v1/chat/completions',
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Label y' }] },
  });
});

test('a missing or directory data file is one clear line, and a header with spaces around names works', () => {
  for (const [args, pattern] of [
    [['prepare', 'no/such.csv', '--model', 'gpt-4o-mini', '--prompt', 'x', '--out', join(tempDir(), 'r.jsonl')], /cannot use no\/such\.csv: no such file/],
    [['prepare', 'examples', '--format', 'csv', '--model', 'gpt-4o-mini', '--prompt', 'x', '--out', join(tempDir(), 'r.jsonl')], /cannot use examples: is a directory/],
    [['join', 'no/such.csv', 'examples/hello.jsonl'], /no\/such\.csv/],
  ] as [string[], RegExp][]) {
    const r = cliStage(args);
    assert.equal(r.code, 1, args.join(' '));
    assert.match(r.stderr, pattern);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  }
  const out = join(tempDir(), 'r.jsonl');
  const r = cliStage(['prepare', writeTable('t.csv', 'id, question ,note\n1,hi,x\n'), '--model', 'gpt-4o-mini', '--prompt', '{{question}}', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).body.messages[0].content, 'hi');
});
