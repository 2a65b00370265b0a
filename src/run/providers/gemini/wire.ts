// Gemini API (generativelanguage.googleapis.com v1beta) objects as they travel, in the camelCase JSON the REST API
// returns (ai.google.dev/api/generate-content, /api/batch-mode, /api/files, /api/tokens). Only the fields batchwise
// writes or reads are typed; everything else passes through untouched (a response is kept whole under
// `provider_response`).

export interface GeminiBlob {
  mimeType: string;
  /** base64 */
  data: string;
}

export interface GeminiFunctionCall {
  name: string;
  args?: Record<string, unknown>;
  id?: string;
}

export interface GeminiFunctionResponse {
  name: string;
  response: Record<string, unknown>;
  id?: string;
}

export interface GeminiPart {
  text?: string;
  inlineData?: GeminiBlob;
  fileData?: { mimeType?: string; fileUri: string };
  functionCall?: GeminiFunctionCall;
  functionResponse?: GeminiFunctionResponse;
  /** A summary of the model's thinking (only with includeThoughts): never part of the visible answer. */
  thought?: boolean;
  thoughtSignature?: string;
}

export interface GeminiContent {
  role?: 'user' | 'model';
  parts: GeminiPart[];
}

export interface GeminiFunctionDeclaration {
  name: string;
  description?: string;
  /** JSON Schema as written (the OpenAPI-subset `parameters` field is not used: it rejects much of JSON Schema). */
  parametersJsonSchema?: Record<string, unknown>;
}

export interface GeminiTool {
  functionDeclarations: GeminiFunctionDeclaration[];
}

export interface GeminiToolConfig {
  functionCallingConfig: { mode: 'AUTO' | 'ANY' | 'NONE'; allowedFunctionNames?: string[] };
}

export interface GeminiThinkingConfig {
  thinkingLevel?: 'minimal' | 'low' | 'medium' | 'high';
  thinkingBudget?: number;
}

export interface GeminiGenerationConfig {
  stopSequences?: string[];
  responseMimeType?: string;
  responseJsonSchema?: unknown;
  candidateCount?: number;
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  thinkingConfig?: GeminiThinkingConfig;
}

/** The body of models.generateContent, and the `request` of one batch file line. */
export interface GenerateContentRequest {
  contents: GeminiContent[];
  systemInstruction?: GeminiContent;
  tools?: GeminiTool[];
  toolConfig?: GeminiToolConfig;
  generationConfig?: GeminiGenerationConfig;
}

export interface GeminiUsageMetadata {
  /** All input tokens, cached ones included ("When cachedContent is set, this is still the total effective prompt
   *  size meaning this includes the number of tokens in the cached content"). */
  promptTokenCount?: number;
  cachedContentTokenCount?: number;
  candidatesTokenCount?: number;
  toolUsePromptTokenCount?: number;
  thoughtsTokenCount?: number;
  totalTokenCount?: number;
}

export interface GeminiCandidate {
  /** A candidate cut while thinking has a content without parts. */
  content?: { role?: 'user' | 'model'; parts?: GeminiPart[] };
  finishReason?: string;
  index?: number;
}

export interface GenerateContentResponse {
  candidates?: GeminiCandidate[];
  promptFeedback?: { blockReason?: string };
  usageMetadata?: GeminiUsageMetadata;
  modelVersion?: string;
  responseId?: string;
}

/** google.rpc.Status, as batch output lines and Operation.error carry it (`code` is the gRPC code there). */
export interface GeminiStatus {
  code?: number;
  message?: string;
  status?: string;
  details?: unknown[];
}

/** The error body of every failed HTTP call: `code` is the HTTP status, `status` the canonical name. */
export interface GeminiErrorBody {
  error: { code: number; message: string; status: string; details?: unknown[] };
}

/** int64 fields arrive as JSON strings; zero counts are left out (proto3 JSON). */
export interface GeminiBatchStats {
  requestCount?: string | number;
  successfulRequestCount?: string | number;
  failedRequestCount?: string | number;
  pendingRequestCount?: string | number;
}

/** The GenerateContentBatch a batch Operation carries as its metadata. */
export interface GeminiBatchMetadata {
  '@type'?: string;
  name?: string;
  model?: string;
  displayName?: string;
  inputConfig?: { fileName?: string };
  output?: { responsesFile?: string };
  createTime?: string;
  updateTime?: string;
  endTime?: string;
  batchStats?: GeminiBatchStats;
  /** BATCH_STATE_* on the wire (observed); the docs' samples and the SDKs say JOB_STATE_*: both are read. */
  state?: string;
}

/** google.longrunning.Operation as batches.get / list / batchGenerateContent return it. */
export interface GeminiOperation {
  name: string;
  metadata?: GeminiBatchMetadata;
  done?: boolean;
  error?: GeminiStatus;
  response?: { '@type'?: string; responsesFile?: string };
}

export interface GeminiFile {
  name: string;
  displayName?: string;
  mimeType?: string;
  sizeBytes?: string;
  createTime?: string;
  expirationTime?: string;
  uri?: string;
  state?: string;
}

/** One line of a batch's responses file. */
export interface GeminiResultLine {
  key?: string;
  response?: GenerateContentResponse;
  error?: GeminiStatus;
}
