// Azure OpenAI Global Batch end to end on the emulator's Azure face (/openai/v1/, `api-key`, deployments): the lines
// reach Azure naming the deployment, the answers come back one per request, and what Azure cannot take is said first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chatLine, writeJsonl } from '../../helpers.ts';
import { assertOnePerRequest, emulator, requestFile, run } from '../../e2e/helpers.ts';
import { parseDeployments } from '../../../src/run/index.ts';
import { azureBaseURL } from '../../../src/run/providers/azure/azureProvider.ts';

const deployments = parseDeployments(['gpt-4.1-mini=evals-mini']);

test('a batch run on Azure: lines name the deployment, every request answered, no expiry at 24 h', async () => {
  const emu = await emulator({ azureDeployments: { 'evals-mini': 'gpt-4.1-mini' } });
  try {
    const file = requestFile(12);
    const r = await run(file, emu, { provider: 'azure', baseURL: emu.origin, deployments, mode: 'batch' });
    assert.equal(r.summary.exit_code, 0, r.logs.join('\n'));
    assertOnePerRequest(r.results, 12, assert);
    assert.ok(r.results.every((x) => x.status === 'succeeded' && x.mode === 'batch'));
    // The answer names the model the deployment serves; the cost is priced from the file's model.
    const body = r.results[0].response as { model: string };
    assert.match(body.model, /^gpt-4\.1-mini/);
    assert.ok(r.summary.actual_cost_usd > 0);
    const state = JSON.parse(readFileSync(join(r.outDir, 'state.json'), 'utf8')) as { provider: string };
    assert.equal(state.provider, 'azure');
    const batch = await (await fetch(`${azureBaseURL(emu.origin)}/batches/${r.summary.batch_ids[0]}`, { headers: { 'api-key': 'k' } })).json() as { expires_at: number | null };
    assert.equal(batch.expires_at, null);
  } finally {
    await emu.close();
  }
});

test('sync on Azure sends the deployment name, and Azure has no flex: auto never plans it', async () => {
  const emu = await emulator({ azureDeployments: { 'evals-mini': 'gpt-4.1-mini' } });
  try {
    const file = requestFile(5);
    const r = await run(file, emu, { provider: 'azure', baseURL: emu.origin, deployments, mode: 'sync' });
    assert.equal(r.summary.exit_code, 0, r.logs.join('\n'));
    assertOnePerRequest(r.results, 5, assert);
    assert.ok(r.results.every((x) => x.mode === 'sync'));
    assert.equal(r.summary.estimate.cost.flex, null);
    await assert.rejects(run(file, emu, { provider: 'azure', baseURL: emu.origin, deployments, mode: 'flex' }), /Azure|azure.*flex|no flex/);
  } finally {
    await emu.close();
  }
});

test('the emulator refuses a line that names no deployment (the client rewrite is what makes the run pass)', async () => {
  const emu = await emulator({ azureDeployments: { 'evals-mini': 'gpt-4.1-mini' } });
  try {
    const res = await fetch(`${azureBaseURL(emu.origin)}/chat/completions`, {
      method: 'POST', headers: { 'api-key': 'k', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'hi' }] }),
    });
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'DeploymentNotFound');
    const noKey = await fetch(`${azureBaseURL(emu.origin)}/batches`, { headers: { authorization: 'Bearer x' } });
    assert.equal(noKey.status, 401);
  } finally {
    await emu.close();
  }
});

test('a model without a deployment and an endpoint Azure batch lacks: every line named before anything is sent', async () => {
  const emu = await emulator({ azureDeployments: { 'evals-mini': 'gpt-4.1-mini' } });
  try {
    const file = writeJsonl([
      chatLine('a', 'one', { max_tokens: 5 }, 'gpt-4.1-mini'),
      chatLine('b', 'two', { max_tokens: 5 }, 'gpt-4o-mini'),
      { custom_id: 'c', method: 'POST', url: '/v1/embeddings', body: { model: 'text-embedding-3-small', input: 'x' } },
    ]);
    await assert.rejects(run(file, emu, { provider: 'azure', baseURL: emu.origin, deployments, mode: 'batch' }), (err: Error) => {
      assert.match(err.message, /nothing was sent/);
      assert.match(err.message, /requests\.jsonl:2: no Azure deployment for gpt-4o-mini/);
      assert.match(err.message, /requests\.jsonl:3: .*not \/v1\/embeddings/);
      assert.match(err.message, /requests\.jsonl:3: no Azure deployment for text-embedding-3-small/);
      return true;
    });
    const list = await (await fetch(`${azureBaseURL(emu.origin)}/batches`, { headers: { 'api-key': 'k' } })).json() as { data: unknown[] };
    assert.equal(list.data.length, 0);
  } finally {
    await emu.close();
  }
});

test('a run folder remembers its provider: resuming it on another is refused', async () => {
  const emu = await emulator({ azureDeployments: { 'evals-mini': 'gpt-4.1-mini' } });
  try {
    const file = requestFile(3);
    const first = await run(file, emu, { provider: 'azure', baseURL: emu.origin, deployments, mode: 'batch' });
    assert.equal(first.summary.exit_code, 0);
    await assert.rejects(run(file, emu, { outDir: first.outDir, mode: 'batch' }), /holds a run on azure, not openai/);
  } finally {
    await emu.close();
  }
});
