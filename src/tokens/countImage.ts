import { imageRuleForModel } from './imageRules.ts';
import { readDataUrlImageSize } from './imageSize.ts';
import { imageTokens } from './imageTokens.ts';
import type { ImageDetail, TokenCount } from './types.ts';

/**
 * Adds one image to `count`. `url` is a data: URL (size read from its header), an http(s) URL or undefined
 * (a file id): the latter two have no size offline and are counted at the maximum.
 */
export function addImage(count: TokenCount, model: string, url: string | undefined, detail: unknown): void {
  const rule = imageRuleForModel(model);
  const level = toDetail(detail);
  const size = url ? readDataUrlImageSize(url) : null;
  count.images += 1;
  // A low-detail tile image costs the same at any size: nothing is unknown about it.
  if (!size && !(rule.kind === 'tile' && level === 'low')) count.unknown_size_images += 1;
  count.input_tokens += imageTokens(rule, size, level);
}

function toDetail(detail: unknown): ImageDetail {
  return detail === 'low' || detail === 'high' ? detail : 'auto';
}
