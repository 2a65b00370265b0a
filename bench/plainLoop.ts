// The baseline the benchmark compares against: what a person writes by hand — read line by line, parse, count every
// message with tiktoken on one thread (cookbook rules: 3 per message, role and content encoded, +3 priming).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { get_encoding } from 'tiktoken';

const enc = get_encoding('o200k_base');
let tokens = 0;
let requests = 0;
const started = performance.now();
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const body = JSON.parse(line).body;
  let n = 3;
  for (const m of body.messages) n += 3 + enc.encode(m.role).length + enc.encode(m.content).length;
  tokens += n;
  requests++;
}
process.stdout.write(JSON.stringify({ requests, input_tokens: tokens, seconds: (performance.now() - started) / 1000, max_rss_mb: process.resourceUsage().maxRSS / 1024 }) + '\n');
