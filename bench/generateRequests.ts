// Deterministic request files for benchmarks: N chat requests of about `lineBytes` each, either sharing one long system
// prompt (as real eval files do) or with all-unique text. Some user text is Korean. No randomness between runs.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const EN = 'the of and to in is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no will more can out said what up its about into than them only other some could time these two may first then do any like my now over such our man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long here get both between life being under never day same another know while last might us great old year off come since against go came right used take three'.split(' ');
const KO = '안녕하세요 오늘 날씨가 좋네요 배송이 빠르고 포장도 꼼꼼했어요 가격 대비 성능이 훌륭합니다 화면은 예쁜데 배터리가 너무 빨리 닳아요 다시 구매할 의사가 있습니다 고객 서비스가 친절했어요 번역 요청 문장입니다 데이터셋 분류 결과를 알려주세요'.split(' ');

/** mulberry32: tiny, fast, reproducible. */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(rand: () => number, chars: number, koreanShare: number): string {
  const out: string[] = [];
  let len = 0;
  while (len < chars) {
    const vocab = rand() < koreanShare ? KO : EN;
    const w = vocab[Math.floor(rand() * vocab.length)];
    // Numbers and odd casing keep BPE from seeing the same few pieces over and over.
    const piece = rand() < 0.1 ? `${w}${Math.floor(rand() * 10000)}` : rand() < 0.1 ? w.toUpperCase() : w;
    out.push(piece);
    len += piece.length + 1;
  }
  return out.join(' ');
}

export interface GenerateOptions {
  requests: number;
  lineBytes: number;
  sharedPrompt: boolean;
  model?: string;
  seed?: number;
}

export async function generateRequests(path: string, o: GenerateOptions): Promise<void> {
  const rand = rng(o.seed ?? 42);
  const systemChars = Math.floor(o.lineBytes * 0.75);
  const shared = words(rand, systemChars, 0);
  const out = createWriteStream(path);
  for (let i = 0; i < o.requests; i++) {
    const system = o.sharedPrompt ? shared : words(rand, systemChars, 0.05);
    const user = words(rand, Math.floor(o.lineBytes * 0.2), i % 5 === 0 ? 0.6 : 0.02);
    const line = JSON.stringify({
      custom_id: `req-${i + 1}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: o.model ?? 'gpt-4o-mini', messages: [{ role: 'system', content: system }, { role: 'user', content: user }], max_tokens: 200 },
    });
    if (!out.write(line + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
