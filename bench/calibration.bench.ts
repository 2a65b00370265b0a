// `node bench/calibration.bench.ts`: how far the estimate is from what a file then uses, with and without the history
// of one earlier run of the same shape, and how the expected cache hits compare with those billed. On the emulator
// (answer lengths vary per prompt shape and model, seeded), several shapes and models, in one run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../src/emulator/index.ts';
import { estimateFile } from '../src/estimate/estimateFile.ts';
import { readHistory } from '../src/history/index.ts';
import { loadCatalog } from '../src/pricing/index.ts';
import { runFile } from '../src/run/index.ts';

const catalog = loadCatalog();
const dir = mkdtempSync(join(tmpdir(), 'batchwise-calibration-'));
const rows = Number(process.env.BENCH_ROWS ?? 100);
const shapes = [
  { model: 'gpt-5.4-mini', system: 'Summarise the review in one sentence and name the product.', effort: 'low' },
  { model: 'gpt-5.5', system: 'Write a detailed critique of the essay, with headings for structure, style and argument.', effort: 'medium' },
  { model: 'gpt-4.1-mini', system: 'Classify the ticket as billing, bug, feature or other. Answer with the label and a reason.', effort: null },
  { model: 'gpt-6-luna', system: 'Translate the sentence into Korean, formal register. '.repeat(150), effort: 'none' },
];

function file(name: string, s: (typeof shapes)[number], offset: number): string {
  const path = join(dir, name);
  const lines = Array.from({ length: rows }, (_, i) => JSON.stringify({
    custom_id: `r${i}`, method: 'POST', url: '/v1/chat/completions',
    body: { model: s.model, max_completion_tokens: 4000, ...(s.effort ? { reasoning_effort: s.effort } : {}), messages: [{ role: 'system', content: s.system }, { role: 'user', content: `Item ${offset + i}: a text of its own, number ${offset + i}.` }] },
  }));
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const emu = await startEmulator({ seed: 42 });
try {
  const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
  for (const [k, s] of shapes.entries()) {
    const historyPath = join(dir, `history-${k}.jsonl`);
    const common = { catalog, apiKey: 'sk-bench', baseURL: emu.url, mode: 'sync' as const, pollIntervalMs: { min: 50, max: 200 }, log: () => {} };
    await runFile(file(`a${k}.jsonl`, s, 0), { ...common, outDir: join(dir, `a${k}`), historyPath });
    const second = file(`b${k}.jsonl`, s, 10_000);
    const history = (await readHistory(historyPath)).observations;
    const heuristic = await estimateFile(second, { catalog });
    const calibrated = await estimateFile(second, { catalog, history });
    const run = await runFile(second, { ...common, outDir: join(dir, `b${k}`), historyPath: null, history });
    const used = run.ledger.total.output_tokens;
    const cached = run.ledger.total.cached_input_tokens;
    const expectedCache = calibrated.models[0].cache?.cached_input_tokens.sync ?? 0;
    console.log(
      `${s.model} (effort ${s.effort ?? 'n/a'}), ${rows} rows: used ${used} output tokens | heuristic ${Math.round(heuristic.output_tokens.expected)} ` +
        `(${pct((heuristic.output_tokens.expected - used) / used)}) | with history ${Math.round(calibrated.output_tokens.expected)} ` +
        `(${pct((calibrated.output_tokens.expected - used) / used)}) | cost error ${pct(run.ledger.total.estimate_error.cost ?? 0)} (the run's own estimate, with history) | ` +
        `cache: expected ${Math.round(expectedCache)}, billed ${cached}`,
    );
  }
} finally {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
}
