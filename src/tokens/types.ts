// Plain data of the tokens stage.

/** The two tokenizers of the models batchwise prices (the older p50k/r50k models cannot be batched). */
export type EncodingName = 'o200k_base' | 'cl100k_base';

export interface TokenCount {
  /** What the API will report as prompt_tokens / input_tokens. */
  input_tokens: number;
  /** Image parts seen. */
  images: number;
  /** http(s) / file_id images whose size is unknown offline: counted at the model's maximum for that detail. */
  unknown_size_images: number;
}

export type ImageDetail = 'low' | 'high' | 'auto';

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * How a model turns an image into tokens (OpenAI "Images and vision" guide, "Calculating costs"):
 * tile models count 512px tiles after resizing; patch models count 32px patches times a multiplier.
 */
export type ImageRule =
  | { kind: 'tile'; base: number; tile: number }
  | { kind: 'patch'; multiplier: number };

/** A function definition as every API shape reduces to it (chat tools, legacy functions, responses tools). */
export interface FunctionDefinition {
  name: string;
  description?: string;
  parameters?: unknown;
}
