import { ApiError, getJson, noticeNotSignedIn, writeHeaders, type ApiErrorBody } from './http.ts';
import type { GetResponse, PostResponse } from './openapi.ts';

// GET /api/ingest/limits and POST /api/ingest (src/api/schemas/ingest.ts): the upload is sent with
// XMLHttpRequest, whose upload events give a progress bar that fetch cannot.

export type UploadLimits = GetResponse<'/api/ingest/limits'>;
export type IngestResult = PostResponse<'/api/ingest', 200>;

export function getUploadLimits(signal?: AbortSignal): Promise<UploadLimits> {
  return getJson('/api/ingest/limits', signal);
}

/** A file to send, under its path relative to what was dropped or picked ("leak/2022/a.wav"). */
export interface UploadFile {
  path: string;
  file: File;
}

export interface UploadRequest {
  collection: string;
  files: UploadFile[];
  metadata: File | null;
  onProgress: (sent: number, total: number) => void;
}

export interface RunningUpload {
  done: Promise<IngestResult>;
  cancel(): void;
}

export function uploadFiles(request: UploadRequest): RunningUpload {
  const form = new FormData();
  // Text fields first: the server reads the form as a stream, in order.
  form.append('collection', request.collection);
  form.append('fileCount', String(request.files.length));
  if (request.metadata) form.append('metadata', request.metadata, request.metadata.name);
  for (const f of request.files) form.append('files', f.file, f.path);
  const xhr = new XMLHttpRequest();
  const done = new Promise<IngestResult>((resolve, reject) => {
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) request.onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status === 200 && body) resolve(body as IngestResult);
      else {
        const error = asApiError(xhr.status, body);
        noticeNotSignedIn(error);
        reject(error);
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, {
          error: 'http_error',
          message:
            'The upload was cut off (the server refused it or stopped); nothing may have been ingested.',
        }),
      );
    xhr.onabort = () => reject(new ApiError(0, { error: 'http_error', message: 'Upload cancelled.' }));
  });
  xhr.open('POST', '/api/ingest');
  xhr.setRequestHeader('accept', 'application/json');
  for (const [name, value] of Object.entries(writeHeaders())) xhr.setRequestHeader(name, value);
  xhr.send(form);
  return { done, cancel: () => xhr.abort() };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function asApiError(status: number, body: unknown): ApiError {
  const b = body as Partial<ApiErrorBody> | null;
  if (b && typeof b.message === 'string')
    return new ApiError(status, { error: b.error ?? 'http_error', message: b.message, issues: b.issues });
  return new ApiError(status, { error: 'http_error', message: `The server answered ${status}.` });
}
