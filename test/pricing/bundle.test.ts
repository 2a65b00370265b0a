// The action runs dist/ bundles, far from data/: the catalog must travel inside the bundle.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

test('bundled with esbuild, the pricing stage loads its catalog with no data/ folder around', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'batchwise-pricing-bundle-'));
  try {
    const outfile = join(dir, 'pricing.mjs');
    await build({
      entryPoints: [new URL('../../src/pricing/index.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      outfile,
      logLevel: 'silent',
    });
    // A path to our catalog file would mean it is read at run time; the long-tail library's data holds URLs that end
    // in pricing.json, which are not paths.
    assert.doesNotMatch(readFileSync(outfile, 'utf8'), /['"`](\.{1,2}\/)*(data\/)?(pricing|providers)\.json['"`]/, 'no runtime reference to the JSON file');
    const bundled = (await import(pathToFileURL(outfile).href)) as typeof import('../../src/pricing/index.ts');
    const catalog = bundled.loadCatalog();
    assert.equal(bundled.resolvePricing(catalog, 'gpt-4o-mini-2024-07-18').sync.input, 0.15);
    assert.equal(Object.keys(catalog.models).length, Object.keys(JSON.parse(readFileSync(new URL('../../data/pricing.json', import.meta.url), 'utf8')).models).length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
