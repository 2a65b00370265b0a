// action.yml is a contract: the inputs and outputs of shared/DESIGN.md (plus ours), every input read by the code,
// every output set by it, and the example workflows using only inputs that exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';

const yml = readFileSync(join(ROOT, 'action.yml'), 'utf8');

/** Keys indented by two spaces inside a top-level section (enough YAML for action.yml, no parser needed). */
function sectionKeys(text: string, section: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`${section}:`);
  const keys: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = line.match(/^ {2}([a-z][a-z0-9-]*):\s*$/);
    if (m) keys.push(m[1]);
  }
  return keys;
}

const inputs = sectionKeys(yml, 'inputs');
const outputs = sectionKeys(yml, 'outputs');

test('runs on node24 from dist/, with a post step that always runs', () => {
  assert.match(yml, /\nruns:\n {2}using: node24\n {2}main: dist\/index\.js\n {2}post: dist\/post\.js\n {2}post-if: always\(\)\n/);
  assert.match(yml, /\nbranding:\n {2}icon: \S+\n {2}color: \S+/);
});

test('the inputs and outputs of shared/DESIGN.md, and the ones users need', () => {
  const design = ['requests', 'mode', 'api-key', 'base-url', 'latency-budget', 'max-cost', 'pricing-file', 'output-dir', 'artifact', 'commit', 'comment', 'github-token', 'retries'];
  const ours = ['fail-on', 'retention-days', 'commit-branch', 'on-cancel', 'min-savings'];
  assert.deepEqual([...inputs].sort(), [...design, ...ours].sort());
  assert.deepEqual(
    [...outputs].sort(),
    ['mode', 'estimated-cost', 'estimated-savings', 'actual-cost', 'results', 'results-csv', 'report', 'batch-ids', 'succeeded', 'failed'].sort(),
  );
});

test('every input is read and every output is set by the code', () => {
  const read = readFileSync(join(ROOT, 'src/action/inputs.ts'), 'utf8');
  for (const name of inputs) assert.ok(read.includes(`'${name}'`), `input ${name} is never read`);
  const set = readFileSync(join(ROOT, 'src/action/outputs.ts'), 'utf8');
  for (const name of outputs) assert.equal((set.match(new RegExp(`setOutput\\('${name}'`, 'g')) ?? []).length, 2, `output ${name}: estimate and run`);
});

test('the example workflows use only inputs the action has', () => {
  const dir = join(ROOT, 'examples/workflows');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
  assert.equal(files.length, 3);
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    assert.match(text, /timeout-minutes/, `${f} says how timeout-minutes and latency-budget go together`);
    assert.match(text, /latency-budget/, f);
    const withBlock = text.split('uses: batchwise/batchwise@v0')[1];
    assert.ok(withBlock, `${f} uses the action`);
    const keys = [...withBlock.matchAll(/^ {10}([a-z-]+):/gm)].map((m) => m[1]);
    assert.ok(keys.includes('requests'), f);
    for (const k of keys) assert.ok(inputs.includes(k), `${f}: unknown input ${k}`);
  }
  const pr = readFileSync(join(dir, 'pr-cost-report.yml'), 'utf8');
  assert.match(pr, /permissions:\n {2}contents: read\n {2}pull-requests: write/);
  assert.ok(!pr.includes('secrets.'), 'the PR cost report needs no secret');
});
