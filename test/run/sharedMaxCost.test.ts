// max-cost shared by the files of one step: refused up front when the plans cannot fit together; each file's ceiling
// is what the files before it left, less the least the files after it need.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { loadCatalog } from '../../src/pricing/index.ts';
import { fitMaxCost, MaxCostError, shareMaxCost, worstCase } from '../../src/run/index.ts';
import type { Decision } from '../../src/run/index.ts';
import { chatLine, writeJsonl } from '../helpers.ts';

const catalog = loadCatalog();
const sync: Decision = { mode: 'sync', reason: '--mode sync', safety_net: false };
const netted: Decision = { mode: 'batch', reason: 'batch', safety_net: true };

async function fileOf(n: number, name: string) {
  const lines = Array.from({ length: n }, (_, i) => chatLine(`q${i}`, `question ${i}`, { max_tokens: 100 }));
  return { file: name, estimate: await estimateFile(writeJsonl(lines), { catalog, displayName: name }) };
}

test('the sum of the least worst cases must fit; the message names each file', async () => {
  const files = [{ ...(await fileOf(4, 'a.jsonl')), decision: sync }, { ...(await fileOf(4, 'b.jsonl')), decision: sync }];
  const each = files[0].estimate.cost.sync.max;
  assert.throws(() => shareMaxCost(files, each * 1.5), (err: Error) => {
    assert.ok(err instanceof MaxCostError);
    assert.match(err.message, /^the worst case of the 2 files' plans together \(a\.jsonl sync \$[\d.]+, b\.jsonl sync \$[\d.]+\) is /);
    assert.match(err.message, /nothing was sent/);
    return true;
  });
  const shared = shareMaxCost(files, each * 2.5);
  // The first file may use the half file of slack; what it spends comes off the second's ceiling.
  assert.ok(Math.abs(shared.limitFor(0, 0) - each * 1.5) < 1e-12);
  assert.ok(Math.abs(shared.limitFor(1, each) - each * 1.5) < 1e-12);
  assert.ok(Math.abs(shared.limitFor(1, each * 1.5) - each) < 1e-12);
});

test('a file\'s floor is its plan without the dearer paths, which the run then falls back to', async () => {
  const f = { ...(await fileOf(3, 'a.jsonl')), decision: netted };
  const floor = worstCase(f.estimate, netted, { syncRetries: false, flexFallback: false }).max;
  const shared = shareMaxCost([f, { ...f, file: 'b.jsonl' }], floor * 2);
  assert.equal(shared.floors[0], floor);
  // What the first file is given is enough for fitMaxCost (the run core's own check) to pass.
  assert.doesNotThrow(() => fitMaxCost(f.estimate, netted, shared.limitFor(0, 0)));
});

test('one file: the same check and message as a run of that file alone', async () => {
  const f = { ...(await fileOf(2, 'a.jsonl')), decision: sync };
  const limit = f.estimate.cost.sync.max / 2;
  let alone = '';
  try {
    fitMaxCost(f.estimate, sync, limit);
  } catch (err) {
    alone = (err as Error).message;
  }
  assert.throws(() => shareMaxCost([f], limit), (err: Error) => err.message === alone && alone.startsWith('the worst case of the sync plan'));
});
