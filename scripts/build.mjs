// Builds dist/: self-contained ESM bundles that run on Node 24 with no node_modules (the action's runtime, and the
// CLI's `npx batchwise`). esbuild because it bundles TypeScript directly and deterministically (CI rebuilds dist/ and
// fails on any difference).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, renameSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const entries = {
  cli: 'src/cli/main.ts',
  'scan-worker': 'src/estimate/scanWorker.ts',
};
for (const [name, file] of [['index', 'src/action/index.ts'], ['post', 'src/action/post.ts']]) {
  if (existsSync(file)) entries[name] = file;
}

// Build beside dist/ and swap it in only when the build succeeded: a failed build leaves the last good dist/.
const next = 'dist.next';
rmSync(next, { recursive: true, force: true });
mkdirSync(next);
await build({
  entryPoints: entries,
  outdir: next,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  // Shared code in chunks, and what is imported with import() loaded only when used: an estimate-only action run
  // never parses the artifact client or the run core (start-up is most of a PR cost report's time).
  splitting: true,
  chunkNames: '[name]-[hash]',  // beside the entry points: __dirname (where tiktoken finds its WASM) is dist/ everywhere
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies (tiktoken reads its WASM next to __dirname) need require/__dirname inside an ES module.
  banner: {
    js: [
      "import { createRequire as __bwCreateRequire } from 'node:module';",
      "import { fileURLToPath as __bwFileURLToPath } from 'node:url';",
      "import { dirname as __bwDirname } from 'node:path';",
      'const require = __bwCreateRequire(import.meta.url);',
      'const __bwFilename = __bwFileURLToPath(import.meta.url);',
      'const __bwDirnameValue = __bwDirname(__bwFilename);',
    ].join('\n'),
  },
  // Mapped, not declared: a bundled module that declares its own __filename (@azure/storage-common does) keeps it.
  define: { __filename: '__bwFilename', __dirname: '__bwDirnameValue' },
});
// The tokenizer's WASM (all encodings inside) travels beside the bundle: tiktoken looks for it in __dirname first.
copyFileSync(require.resolve('tiktoken/tiktoken_bg.wasm'), `${next}/tiktoken_bg.wasm`);
rmSync('dist', { recursive: true, force: true });
renameSync(next, 'dist');
