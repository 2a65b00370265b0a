// The PR comment for deletions, renames and a base that was already invalid: what each looks like, and that the
// names and messages from the PR stay escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { loadCatalog } from '../../src/pricing/index.ts';
import { prHeadline, renderPrComment } from '../../src/report/prComment.ts';
import { chatLine, writeJsonl } from '../helpers.ts';

const catalog = loadCatalog();
const estimateOf = (n: number, name: string) =>
  estimateFile(writeJsonl(Array.from({ length: n }, (_, i) => chatLine(`q${i}`, 'Hello there', { max_tokens: 100 }))), { catalog, displayName: name });

test('deleted: the base cost goes to zero in the headline and the change column', async () => {
  const base = await estimateOf(4, 'evals/gone.jsonl');
  const files = [{ path: 'evals/gone.jsonl', base, head: null, changed: true, deleted: true }];
  assert.match(prHeadline(files), /changes 1 request file: expected cost sync \$\S+ → \$0\.00 \(-\$/);
  const body = renderPrComment(files);
  assert.match(body, /### evals\/gone\\\.jsonl \(deleted\)\n/);
  assert.match(body, /\| requests \| 4 \| deleted \| -4 \(-100%\) \|/);
});

test('renamed: the old name is in the heading, escaped like every name from the PR', async () => {
  const e = await estimateOf(2, 'evals/new.jsonl');
  const body = renderPrComment([{ path: 'evals/new.jsonl', base: e, head: e, changed: true, renamedFrom: 'evals/<img src=x>@team.jsonl' }]);
  assert.match(body, /### evals\/new\\\.jsonl \(renamed from evals\/&lt;img src=x\\>@\u200bteam\\\.jsonl\)/);
  assert.match(body, /\| requests \| 2 \| 2 \| ±0 \|/);
});

test('invalid at base: said so in the table and in one short line, not "not in base"', async () => {
  const head = await estimateOf(3, 'evals/a.jsonl');
  const baseError = 'evals/a.jsonl:2: missing "body"\n' + 'evals/a.jsonl:9: bad line\n'.repeat(100);
  const body = renderPrComment([{ path: 'evals/a.jsonl', base: null, baseError, head, changed: true }]);
  assert.match(body, /\| requests \| invalid at base \| 3 \|  \|/);
  assert.doesNotMatch(body, /not in base/);
  const line = body.split('\n').find((l) => l.includes('already invalid'))!;
  assert.match(line, /evals\/a\\\.jsonl:2: missing "body" evals/);
  assert.ok(line.length < 500, String(line.length));
});
