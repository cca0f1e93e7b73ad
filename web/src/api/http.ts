import type { GetResponse } from './openapi.ts';

/** Every route's 4xx/5xx body (src/api/schemas/common.ts): a code and a sentence for people. */
type ServerErrorBody = GetResponse<'/api/recordings', 400>;

/** The server's error body, or 'http_error' for an answer that is not the API's own JSON. */
export type ApiErrorBody = Omit<ServerErrorBody, 'error'> & {
  error: ServerErrorBody['error'] | 'http_error';
};

/** A non-2xx answer from the API, carrying the server's own explanation. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }

  /** The server's message plus each invalid value, as one readable line. */
  describe(): string {
    const issues = this.body.issues?.map((i) => `${i.path}: ${i.message}`) ?? [];
    return issues.length > 0 ? `${this.body.message} (${issues.join('; ')})` : this.body.message;
  }
}

// The session's CSRF token (GET /api/session), sent with every write; the server refuses a write
// without it (403), so a page on another site cannot make the browser write for the user.
let csrfToken: string | null = null;
const notSignedInListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Headers every write carries: the session's CSRF token. */
export function writeHeaders(): Record<string, string> {
  return csrfToken ? { 'x-earshot-csrf': csrfToken } : {};
}

/** Called when any request answers 401 not_signed_in (session ended): the desk shows sign-in. */
export function onNotSignedIn(listener: () => void): () => void {
  notSignedInListeners.add(listener);
  return () => notSignedInListeners.delete(listener);
}

/** A 401 from any route means the session is over: every listener learns of it. */
export function noticeNotSignedIn(error: ApiError): void {
  if (error.status !== 401 || error.body.error !== 'not_signed_in') return;
  csrfToken = null;
  for (const listener of notSignedInListeners) listener();
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds a query string, leaving out empty values so that defaults stay the server's. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function readError(response: Response): Promise<ApiError> {
  const error = await parseError(response);
  noticeNotSignedIn(error);
  return error;
}

async function parseError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<ApiErrorBody>;
    if (typeof body.message === 'string') {
      return new ApiError(response.status, {
        error: body.error ?? 'http_error',
        message: body.message,
        issues: body.issues,
      });
    }
  } catch {
    // Not JSON: a proxy or a route that is not there yet; fall through to the status line.
  }
  return new ApiError(response.status, {
    error: 'http_error',
    message: `${response.status} ${response.statusText || 'error'} from ${response.url}`,
  });
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw await readError(response);
  return (await response.json()) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...writeHeaders() },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await readError(response);
  // 204 (signing out) has no body.
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** PUT or DELETE with an optional JSON body; answers the route's JSON. */
export async function sendJson<T>(method: 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers:
      body === undefined
        ? { accept: 'application/json', ...writeHeaders() }
        : { 'content-type': 'application/json', accept: 'application/json', ...writeHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await readError(response);
  return (await response.json()) as T;
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.describe();
  if (error instanceof Error) return error.message;
  return String(error);
}

/** POST a multipart form (fields, then files); the browser streams the files and sets the boundary. */
export async function postForm<T>(path: string, form: FormData): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', ...writeHeaders() },
    body: form,
  });
  if (!response.ok) throw await readError(response);
  return (await response.json()) as T;
}
