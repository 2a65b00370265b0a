// Not a test: measures countText throughput. Run: npx node test/tokens/measureThroughput.ts
import { countText } from '../../src/tokens/index.ts';

const WORDS = ['the', 'review', 'customer', 'shipping', 'quality', 'refund', 'delivered', 'broken', 'excellent', 'price',
  'would', 'recommend', 'never', 'again', 'fast', 'slow', 'battery', 'screen', 'support', 'answered', '배송', '품질',
  'merci', 'très', 'bien', '2024', 'a', 'it', 'was', 'and', 'but', 'not', 'very', 'good', 'bad', 'okay,', 'really!'];
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
function line(chars: number, id: number): string {
  let s = `#${id} `;
  while (s.length < chars) s += WORDS[Math.floor(random() * WORDS.length)] + ' ';
  return s;
}

function measure(label: string, texts: string[]): void {
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const started = performance.now();
  let tokens = 0;
  for (const t of texts) tokens += countText(t, 'o200k_base');
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${(chars / 1e6).toFixed(1)} M chars, ${tokens} tokens, ${seconds.toFixed(2)} s, ` +
    `${(chars / 1e6 / seconds).toFixed(1)} M chars/s, ${Math.round(texts.length / seconds)} strings/s`);
}

countText('warm up the encoder', 'o200k_base');
measure('unique, 50,000 × 200 chars', Array.from({ length: 50_000 }, (_, i) => line(200, i)));
measure('unique, one 10 MB string', [line(10_000_000, -1)]);
const prompt = line(4000, -2);
measure('repeated 4 KB prompt × 2,500 (fresh copies, as JSON.parse makes them)', Array.from({ length: 2500 }, () => (' ' + prompt).slice(1)));
const short = Array.from({ length: 200_000 }, (_, i) => ['system', 'user', 'assistant'][i % 3]);
measure('roles, 200,000 short repeated strings', short);
console.log(`rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
