// `batchwise pricing` and `batchwise pricing update`, run as a user would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { cli, ROOT, tempDir } from '../helpers.ts';
import { loadCatalog, parsePricingFile } from '../../src/pricing/index.ts';

const PAGE = join(ROOT, 'test/pricing/fixtures/openai-pricing-2026-09-22.md');
const today = () => new Date().toISOString().slice(0, 10);

test('pricing lists every catalog model with its modes, checked date and age', () => {
  const r = cli(['pricing']);
  assert.equal(r.code, 0, r.stderr);
  const catalog = loadCatalog();
  assert.match(r.stdout, new RegExp(`^prices checked ${catalog.as_of}, \\d+ days? ago`));
  assert.match(r.stdout, /^model\s+sync\s+batch\s+flex\s+priority\s+checked\s+shutdown\s+replacement$/m);
  for (const model of Object.keys(catalog.models)) assert.match(r.stdout, new RegExp(`^${model.replaceAll('.', '\\.')} `, 'm'));
});

test('pricing --format json is one object {as_of, age_days, models}; --model filters', () => {
  const r = cli(['pricing', '--format', 'json', '--model', 'gpt-4o']);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(j), ['as_of', 'age_days', 'models']);
  assert.equal(j.age_days, Math.round((Date.parse(today()) - Date.parse(j.as_of)) / 86_400_000));
  assert.ok(j.models.length > 0 && j.models.every((m: { model: string }) => m.model.includes('gpt-4o')));
  const row = j.models.find((m: { model: string }) => m.model === 'gpt-4o');
  assert.deepEqual(Object.keys(row.sync), ['input', 'cached_input', 'output']);
  assert.ok('flex' in row && 'priority' in row && 'shutdown' in row && 'days_to_shutdown' in row && 'replacement' in row);
});

test('pricing --pricing lays a user file over the catalog', () => {
  const file = join(tempDir(), 'prices.json');
  writeFileSync(file, JSON.stringify({ as_of: '2026-11-30', models: { 'my-model': { input: 0.8, output: 2.4 } } }));
  const r = cli(['pricing', '--pricing', file, '--model', 'my-model', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const [row] = JSON.parse(r.stdout).models;
  assert.deepEqual([row.model, row.sync.input, row.batch.input, row.flex, row.origin], ['my-model', 0.8, 0.4, null, 'user']);
  const table = cli(['pricing', '--pricing', file, '--model', 'my-model']);
  assert.match(table.stdout, /laid over/);
});

test('pricing update --from FILE --out: writes a loadable pricing file and prints the diff', () => {
  const out = join(tempDir(), 'pricing.json');
  const r = cli(['pricing', 'update', '--from', PAGE, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^38 models on .*openai-pricing-2026-09-22\.md \(Standard, Batch tables\), read \d{4}-\d{2}-\d{2}\./);
  assert.match(r.stdout, /^Against the bundled catalog \(prices checked \d{4}-\d{2}-\d{2}\): \d+ new, \d+ not on the page, \d+ prices? changed\./m);
  assert.match(r.stdout, /the page has no Flex table/);
  assert.match(r.stdout, new RegExp(`^Wrote ${out.replaceAll('.', '\\.')}\\.$`, 'm'));

  const file = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual([file.as_of, file.source], [today(), PAGE]);
  assert.deepEqual([file.models['gpt-6-sol'].input, file.models['gpt-6-sol'].batch_cache_write], [2, 1.25]);
  parsePricingFile(file, out);
  // Usable as --pricing FILE right away.
  const listed = cli(['pricing', '--pricing', out, '--model', 'gpt-6-sol', '--format', 'json']);
  assert.equal(listed.code, 0, listed.stderr);
  assert.equal(JSON.parse(listed.stdout).models.find((m: { model: string }) => m.model === 'gpt-6-sol').sync.input, 2);
});

test('pricing update --format json: the diff as one object; nothing written without --out', () => {
  const r = cli(['pricing', 'update', '--from', PAGE, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.models, 38);
  assert.equal(j.out, null);
  assert.ok(Array.isArray(j.added) && Array.isArray(j.removed) && Array.isArray(j.changed));
  for (const c of j.changed) assert.deepEqual(Object.keys(c), ['model', 'field', 'from', 'to']);
});

test('pricing update exits 1 with one clear message for a page it cannot read', () => {
  const html = join(tempDir(), 'pricing.html');
  writeFileSync(html, '<html><body><h1>Pricing</h1></body></html>');
  const bad = cli(['pricing', 'update', '--from', html]);
  assert.equal(bad.code, 1);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /^batchwise: .*pricing\.html: holds no price table batchwise recognises .*pricing\.md\n$/);
  const missing = cli(['pricing', 'update', '--from', join(tempDir(), 'nope.md')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^batchwise: cannot use .*nope\.md: no such file or directory\n$/);
  const noFrom = cli(['pricing', 'update']);
  assert.equal(noFrom.code, 1);
  assert.match(noFrom.stderr, /--from/);
});

test('pricing update --from URL fetches the page; an HTTP error is one clear message', async () => {
  const page = readFileSync(PAGE, 'utf8');
  const server = createServer((req, res) => {
    if (req.url === '/api/docs/pricing.md') {
      res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' });
      res.end(page);
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const ok = await cliAsync(['pricing', 'update', '--from', `${base}/api/docs/pricing.md`, '--format', 'json']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).source, `${base}/api/docs/pricing.md`);
    const gone = await cliAsync(['pricing', 'update', '--from', `${base}/missing.md`]);
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /^batchwise: http:\/\/127\.0\.0\.1:\d+\/missing\.md: cannot fetch the page: HTTP 404 Not Found\n$/);
  } finally {
    server.close();
  }
});

/** `cli` without blocking this process, which serves the page. */
function cliAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
