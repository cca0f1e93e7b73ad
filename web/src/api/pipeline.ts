import { getJson, postJson } from './http.ts';
import type { GetResponse, PostBody, PostResponse } from './openapi.ts';

// GET /api/pipeline and POST /api/pipeline/retry (src/api/schemas/pipeline.ts).

export type PipelineStatus = GetResponse<'/api/pipeline'>;
export type StageCounts = PipelineStatus['stages'][number];
export type FailureGroup = PipelineStatus['failures'][number];
export type WaitGroup = PipelineStatus['waits'][number];
export type RetryRequest = PostBody<'/api/pipeline/retry'>;
export type RetryResult = PostResponse<'/api/pipeline/retry', 200>;

export function getPipelineStatus(signal?: AbortSignal): Promise<PipelineStatus> {
  return getJson('/api/pipeline', signal);
}

export function retryFailed(request: RetryRequest): Promise<RetryResult> {
  return postJson('/api/pipeline/retry', request);
}
