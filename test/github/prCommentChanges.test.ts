// The PR comment for deletions, renames and a base that was already invalid: what each looks like in the headline, the
// table row and the details, and that the names and messages from the PR stay escaped.
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
  assert.match(prHeadline(files), /^This pull request changes 1 request file; expected cost per run: sync \$\S+ → \$0\.00 \(-\$\S+, -100%\), .* Why: evals\/gone\\\.jsonl deleted\.$/);
  const body = renderPrComment(files);
  assert.match(body, /^\| evals\/gone\\\.jsonl \(deleted\) \| gpt\\-4o\\-mini \| 4\u00a0→ — \| \$\S+\u00a0→ — \| \$\S+\u00a0→ — \| -\$\S+ \(-100%\) \|$/m);
  assert.match(body, /\| requests \| 4 \| deleted \| -4 \(-100%\) \|/);
});

test('renamed: the old name is in the headline and the details, escaped like every name from the PR', async () => {
  const e = await estimateOf(2, 'evals/new.jsonl');
  const body = renderPrComment([{ path: 'evals/new.jsonl', base: e, head: e, changed: true, renamedFrom: 'evals/<img src=x>@team.jsonl' }]);
  assert.match(body, /\*\* Why: evals\/&lt;img src=x\\>@\u200bteam\\\.jsonl renamed to evals\/new\\\.jsonl\.\n/);
  assert.match(body, /^\| evals\/new\\\.jsonl \(renamed\) \| gpt\\-4o\\-mini \| 2 \| /m);
  assert.match(body, /\nRenamed from evals\/&lt;img src=x\\>@\u200bteam\\\.jsonl\.\n/);
  assert.match(body, /\| requests \| 2 \| 2 \| ±0 \|/);
});

test('invalid at base: said so in the table and in one short line, not "not in base"', async () => {
  const head = await estimateOf(3, 'evals/a.jsonl');
  const baseError = 'evals/a.jsonl:2: missing "body"\n' + 'evals/a.jsonl:9: bad line\n'.repeat(100);
  const body = renderPrComment([{ path: 'evals/a.jsonl', base: null, baseError, head, changed: true }]);
  assert.match(body, /\| requests \| invalid at base \| 3 \|  \|/);
  assert.match(body, /^\| evals\/a\\\.jsonl \(was invalid\) \| gpt\\-4o\\-mini \| invalid\u00a0→ 3 \| .* \| — \|$/m);
  assert.match(prHeadline([{ path: 'evals/a.jsonl', base: null, baseError, head, changed: true }]), /^This pull request changes 1 request file; none can be compared at base and head\. Why: evals\/a\\\.jsonl was invalid at base, now 3 requests, gpt\\-4o\\-mini\.$/);
  assert.doesNotMatch(body, /not in base/);
  const line = body.split('\n').find((l) => l.includes('already invalid'))!;
  assert.match(line, /evals\/a\\\.jsonl:2: missing "body" evals/);
  assert.ok(line.length < 500, String(line.length));
});

test('the cause when only the prompts or the output caps change: input tokens, then the worst case', async () => {
  const ask = (content: string, max_tokens: number) =>
    estimateFile(writeJsonl([chatLine('a', content, { max_tokens })]), { catalog, displayName: 'evals/a.jsonl' });
  // Caps above the expected answer (256 tokens by the heuristic): a new cap moves the worst case, not the expected.
  const short = await ask('Hello there', 1000);
  const files = (head: Awaited<ReturnType<typeof ask>>) => [{ path: 'evals/a.jsonl', base: short, head, changed: true }];
  assert.match(prHeadline(files(await ask('Hello there, and a much longer question. '.repeat(20), 1000))), /Why: evals\/a\\\.jsonl: input tokens \d+ → [\d,]+\.$/);
  assert.match(prHeadline(files(await ask('Hello there', 2000))), /Why: evals\/a\\\.jsonl: batch at most \$[\d.]+ → \$[\d.]+\.$/);
  assert.match(prHeadline(files(short)), /Why: evals\/a\\\.jsonl: edited, the same expected cost\.$/);
});
