// One `batchwise estimate` of a file through the same core the CLI calls, reporting time and peak memory.
import { estimateFile } from '../src/estimate/estimateFile.ts';
import { loadCatalog } from '../src/pricing/index.ts';

const started = performance.now();
const e = await estimateFile(process.argv[2], { catalog: loadCatalog(), workers: process.argv[3] ? Number(process.argv[3]) : undefined });
process.stdout.write(JSON.stringify({ requests: e.requests, input_tokens: e.input_tokens, seconds: (performance.now() - started) / 1000, max_rss_mb: process.resourceUsage().maxRSS / 1024 }) + '\n');
