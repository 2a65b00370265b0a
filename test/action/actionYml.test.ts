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
  // Issue 6: a table and a template instead of a request file.
  ours.push('data', 'template', 'model', 'system', 'id-column', 'max-tokens');
  // The account's rate limits, for auto's safety-net arithmetic (the CLI's --rpm/--tpm).
  ours.push('rpm', 'tpm');
  // The CLI's pricing and calibration flags: --region, --strict-pricing, --pilot N, --history FILE / --no-history.
  ours.push('region', 'strict-pricing', 'pilot', 'history');
  // estimate --compare: the same requests priced on other providers' models.
  ours.push('compare');
  // run --queue-limit: the batch queue's enqueued-token limit.
  ours.push('queue-limit');
  // --provider, its keys, Azure's endpoint and deployments.
  ours.push('provider', 'azure-api-key', 'anthropic-api-key', 'gemini-api-key', 'azure-endpoint', 'deployment');
  assert.deepEqual([...inputs].sort(), [...design, ...ours].sort());
  assert.deepEqual(
    [...outputs].sort(),
    ['mode', 'estimated-cost', 'estimated-savings', 'actual-cost', 'saved', 'results', 'results-csv', 'report', 'batch-ids', 'succeeded', 'failed', 'in-progress'].sort(),
  );
});

/** Another value for each input that readInputs must notice, and what the rest of the inputs are meanwhile. `data`
 *  and its companions stand in for `requests`, so they are varied on top of a data step. */
const DATA_STEP = { requests: '', data: 'rows.csv', template: 'prompt.txt', model: 'gpt-4o-mini' };
const VARIANTS: Record<string, [Record<string, string>, string]> = {
  requests: [{}, 'other/*.jsonl'],
  mode: [{}, 'batch'],
  'api-key': [{}, 'sk-test-other'],
  'base-url': [{}, 'http://127.0.0.1:9/v1'],
  'latency-budget': [{}, '45m'],
  'max-cost': [{}, '2.5'],
  'min-savings': [{}, '0.5'],
  'pricing-file': [{}, 'prices.json'],
  'output-dir': [{}, 'elsewhere'],
  artifact: [{}, 'false'],
  'retention-days': [{}, '3'],
  commit: [{}, 'results'],
  'commit-branch': [{}, 'eval-results'],
  comment: [{}, 'off'],
  'github-token': [{}, 'ghs_other'],
  retries: [{}, '0'],
  'fail-on': [{}, 'none'],
  'on-cancel': [{}, 'cancel'],
  rpm: [{}, '60'],
  tpm: [{}, '90000'],
  region: [{}, 'true'],
  'strict-pricing': [{}, 'true'],
  pilot: [{}, '5'],
  history: [{}, 'false'],
  compare: [{}, 'claude-haiku-4-5'],
  'queue-limit': [{}, '2M'],
  provider: [{}, 'anthropic'],
  'azure-api-key': [{ provider: 'azure' }, 'azure-other'],
  'anthropic-api-key': [{ provider: 'anthropic' }, 'anthropic-other'],
  'gemini-api-key': [{ provider: 'gemini' }, 'gemini-other'],
  'azure-endpoint': [{ provider: 'azure' }, 'https://example.openai.azure.com'],
  deployment: [{ provider: 'azure' }, 'gpt-4o-mini=evals'],
  data: [DATA_STEP, 'other.csv'],
  template: [DATA_STEP, 'other.txt'],
  model: [DATA_STEP, 'gpt-4o'],
  system: [DATA_STEP, 'Be brief.'],
  'id-column': [DATA_STEP, 'id'],
  'max-tokens': [DATA_STEP, '64'],
};

/** readInputs with exactly these INPUT_* variables (action.yml defaults for the rest), and which ones it asked for. */
async function readWith(values: Record<string, string>): Promise<{ inputs: unknown; asked: Set<string> }> {
  const { readInputs } = await import('../../src/action/inputs.ts');
  const env = process.env;
  const asked = new Set<string>();
  const vars: Record<string, string> = { GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'push' };
  for (const [k, v] of Object.entries({ requests: 'evals/*.jsonl', ...values })) vars[`INPUT_${k.toUpperCase()}`] = v;
  // @actions/core reads process.env[INPUT_NAME] at each call: a proxy sees every input asked for.
  process.env = new Proxy({ ...env, ...vars }, {
    get(target, key) {
      if (typeof key === 'string' && key.startsWith('INPUT_')) asked.add(key.slice('INPUT_'.length).toLowerCase());
      return Reflect.get(target, key);
    },
  });
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_') && !(k in vars)) delete process.env[k];
  try {
    return { inputs: readInputs(), asked };
  } finally {
    process.env = env;
  }
}

test('every input of action.yml is read, and a different value of it changes what the step does', async () => {
  for (const name of inputs) {
    const variant = VARIANTS[name];
    if (!variant) {
      // An input this table does not know yet must at least be asked for.
      const { asked } = await readWith({});
      assert.ok(asked.has(name), `input ${name} is never read`);
      continue;
    }
    const [rest, value] = variant;
    const a = await readWith(rest);
    const b = await readWith({ ...rest, [name]: value });
    assert.ok(b.asked.has(name), `input ${name} is never read`);
    assert.notDeepEqual(b.inputs, a.inputs, `input ${name}: "${value}" changes nothing`);
  }
});

test('every output is set by the code', () => {
  const set = readFileSync(join(ROOT, 'src/action/outputs.ts'), 'utf8');
  for (const name of outputs) assert.equal((set.match(new RegExp(`setOutput\\('${name}'`, 'g')) ?? []).length, 2, `output ${name}: estimate and run`);
});

test('the example workflows use only inputs the action has', () => {
  const dir = join(ROOT, 'examples/workflows');
  const all = readdirSync(dir).filter((f) => f.endsWith('.yml'));
  // The action's examples, and those that drive the CLI (a request set too big for one job: the same command nightly).
  const files = all.filter((f) => readFileSync(join(dir, f), 'utf8').includes('uses: batchwise/batchwise@v0'));
  assert.equal(files.length, 3);
  for (const f of all.filter((x) => !files.includes(x))) assert.match(readFileSync(join(dir, f), 'utf8'), /batchwise(@0)? run [\s\S]*--until/, `${f} runs the CLI to the end over several jobs`);
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
