// Issue 6 in the action: `data` + `template` + `model` instead of `requests`. The action prepares the request
// file under output-dir, estimates or runs it like any other, and joins the answers back into results.csv.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { startEmulator } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { tempDir } from '../helpers.ts';
import { startFakeGitHub } from '../github/fakeGitHub.ts';
import type { FakeGitHub } from '../github/fakeGitHub.ts';
import { gitRepo, makeRunner, prEvent, runStep } from './harness.ts';

const API_KEY = 'sk-test-data-input-3e1d';
let gh: FakeGitHub;
let emu: RunningEmulator;
before(async () => {
  gh = await startFakeGitHub();
  emu = await startEmulator({ completeAfterMs: 300, validateMs: 50, finalizeMs: 50 });
});
after(async () => {
  await Promise.all([gh.close(), emu.close()]);
});

/** A workspace with a table (BOM, a quoted comma, an embedded newline, Korean) and a template. */
function workspace(): string {
  const dir = tempDir('batchwise-data-ws-');
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data/questions.csv'), '\uFEFFqid,question,lang\nq1,"Why, really?",en\nq2,"왜\n하늘은 파랄까?",ko\nq3,Plain,en\n');
  writeFileSync(join(dir, 'data/prompt.txt'), 'Answer in {{lang}}: {{question}}');
  return dir;
}

function step(ws: string, inputs: Record<string, string>) {
  const runner = makeRunner({ workspace: ws, eventName: 'workflow_dispatch', event: {}, apiUrl: gh.url });
  return runStep(runner, 'index', { inputs: { artifact: 'false', 'output-dir': 'out', ...inputs }, timeoutMs: 90_000 });
}

const dataInputs = { data: 'data/questions.csv', template: 'data/prompt.txt', model: 'gpt-4o-mini', 'id-column': 'qid', 'max-tokens': '40' };

test('data + template + model without a key: the request file is prepared under output-dir and estimated', async () => {
  const ws = workspace();
  const r = await step(ws, dataInputs);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const lines = readFileSync(join(ws, 'out/requests.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.custom_id), ['q1', 'q2', 'q3']);
  assert.equal(lines[1].body.model, 'gpt-4o-mini');
  assert.equal(lines[1].body.messages.at(-1).content, 'Answer in ko: 왜\n하늘은 파랄까?');
  assert.equal(lines[0].body.max_completion_tokens ?? lines[0].body.max_tokens, 40);
  assert.match(r.stdout, /request files: out\/requests\.jsonl/);
  assert.match(r.summary, /out\/requests\\\.jsonl/);
  assert.ok(Number(r.outputs['estimated-cost']) > 0);
});

test('data with a key: run, then the answers joined back onto the table as results.csv', async () => {
  const ws = workspace();
  const r = await step(ws, { ...dataInputs, mode: 'sync', 'api-key': API_KEY, 'base-url': emu.url });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs.succeeded, '3');
  assert.equal(r.outputs['results-csv'], join(ws, 'out/results.csv'));
  const table: string[][] = parse(readFileSync(r.outputs['results-csv'], 'utf8'));
  assert.deepEqual(table[0].slice(0, 4), ['qid', 'question', 'lang', 'answer']);
  assert.ok(table[0].includes('status') && table[0].includes('cost_usd'));
  assert.deepEqual(table.slice(1).map((row) => row.slice(0, 3)), [
    ['q1', 'Why, really?', 'en'],
    ['q2', '왜\n하늘은 파랄까?', 'ko'],
    ['q3', 'Plain', 'en'],
  ]);
  const status = table[0].indexOf('status');
  for (const row of table.slice(1)) {
    assert.equal(row[status], 'succeeded');
    assert.ok(row[3].length > 0, 'an answer');
  }
  assert.match(r.stdout, /wrote .*results\.csv: 3 rows/);
  assert.ok(!r.stdout.replace(`::add-mask::${API_KEY}`, '').includes(API_KEY));
});

test('data input mistakes are one clear message each, before anything runs', async () => {
  const ws = workspace();
  const cases: [Record<string, string>, RegExp][] = [
    [{}, /input `requests`: give a request file .* \(or data, template and model\)/],
    [{ data: 'data/questions.csv', model: 'gpt-4o-mini' }, /input `template`: with `data`, give a template file/],
    [{ data: 'data/questions.csv', template: 'data/prompt.txt' }, /input `model`: with `data`, give the model/],
    [{ ...dataInputs, requests: 'evals/*.jsonl' }, /input `data`: give either `requests` or `data`, not both/],
    [{ requests: 'evals/*.jsonl', template: 'data/prompt.txt' }, /input `template`: goes with `data`/],
    [{ ...dataInputs, 'max-tokens': 'lots' }, /input `max-tokens`: "lots" is not a whole number/],
  ];
  for (const [inputs, message] of cases) {
    const r = await step(ws, inputs);
    assert.equal(r.code, 1, JSON.stringify(inputs));
    assert.match(r.stdout, message);
  }
});

test('a template naming a column the table lacks: the prepare error, without a stack', async () => {
  const ws = workspace();
  writeFileSync(join(ws, 'data/prompt.txt'), 'Answer {{question}} for {{audience}}');
  const r = await step(ws, dataInputs);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /::error::.*audience/);
  assert.doesNotMatch(r.stdout, /\n\s+at /);
});

test('on a pull request the base version is prepared from the base\'s table and template', async () => {
  const table = (n: number) => 'qid,question,lang\n' + Array.from({ length: n }, (_, i) => `q${i},Question ${i}?,en`).join('\n') + '\n';
  const files = { 'data/questions.csv': table(2), 'data/prompt.txt': 'Answer in {{lang}}: {{question}}' };
  const pr = (repo: { dir: string; baseSha: string; headSha: string }, number: number) =>
    runStep(
      makeRunner({ workspace: repo.dir, eventName: 'pull_request', event: prEvent(number, repo.baseSha, repo.headSha), apiUrl: gh.url, sha: repo.headSha }),
      'index',
      { inputs: { ...dataInputs, data: './data/questions.csv', 'github-token': 'ghs_fake_data_pr', 'output-dir': 'out', artifact: 'false' } },
    );

  // The PR adds a row: the comment compares 2 requests at base with 3 at head.
  const grown = gitRepo(files, { 'data/questions.csv': table(3) });
  const r = await pr(grown, 41);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const body = gh.comments.get(41)?.[0]?.body ?? '';
  // The changed file's row: path, model, requests base → head.
  assert.match(body, /^\| out\/requests\\\.jsonl \| gpt\\-4o\\-mini \| 2\u00a0→ 3 \| /m);

  // A PR that leaves the table and the template alone prepares the same bytes: nothing changed, no comment.
  const untouched = gitRepo(files, { 'README.md': 'docs\n' });
  const quiet = await pr(untouched, 42);
  assert.equal(quiet.code, 0, quiet.stdout + quiet.stderr);
  assert.equal(gh.comments.get(42), undefined);
  assert.match(quiet.stdout, /no request file changed/);

  // A template that was broken at base (a column the table lacks) is invalid at base, not absent.
  const fixed = gitRepo({ ...files, 'data/prompt.txt': 'Answer {{nope}}' }, { 'data/prompt.txt': files['data/prompt.txt'] });
  const f = await pr(fixed, 43);
  assert.equal(f.code, 0, f.stdout + f.stderr);
  const fixedBody = gh.comments.get(43)?.[0]?.body ?? '';
  assert.match(fixedBody, /\| requests \| invalid at base \| 2 \|/);
  assert.match(fixedBody, /already invalid: .*data\/questions\\\.csv/);
});
