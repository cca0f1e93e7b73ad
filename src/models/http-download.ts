import fs from 'node:fs';
import { ModelError } from './model-store.ts';

export class DownloadError extends ModelError {}

export interface DownloadRequest {
  url: string;
  /** Bytes already here are kept and the rest is asked for with a Range request. */
  partialPath: string;
  expectedSize: number | null;
  /** Called with the bytes on disk so far (including those kept from an earlier attempt). */
  onProgress?: (bytesOnDisk: number, totalBytes: number | null) => void;
}

/**
 * Downloads one URL into `partialPath`, resuming from what an interrupted attempt left there
 * (HTTP Range). Uses Node's built-in fetch: no proxy support (HTTPS_PROXY is ignored), no
 * cookies, no telemetry; redirects are followed, as release hosts (GitHub, Hugging Face) use them.
 * The caller verifies the checksum and renames the file into place.
 */
export async function downloadResumable(
  request: DownloadRequest,
): Promise<{ bytes: number; resumedFrom: number }> {
  const { url, partialPath, expectedSize } = request;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new DownloadError(`refusing to download ${url}: only http(s) URLs are supported`);
  }
  let offset = existingSize(partialPath);
  if (expectedSize !== null && offset > expectedSize) {
    fs.rmSync(partialPath, { force: true });
    offset = 0;
  }
  if (expectedSize !== null && offset === expectedSize && offset > 0) {
    return { bytes: offset, resumedFrom: offset };
  }

  let response = await fetchOrExplain(url, offset);
  if (response.status === 416 && offset > 0) {
    // The server cannot serve from our offset: the partial file is stale. Start again.
    await response.body?.cancel();
    fs.rmSync(partialPath, { force: true });
    offset = 0;
    response = await fetchOrExplain(url, 0);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new DownloadError(
      `download of ${url} failed: HTTP ${response.status} ${response.statusText}`.trim(),
    );
  }
  if (response.status === 206) {
    const start = contentRangeStart(response.headers.get('content-range'));
    if (start !== offset) {
      await response.body?.cancel();
      throw new DownloadError(
        `download of ${url} failed: the server answered a request for bytes from ${offset} with a range starting at ${String(start)}`,
      );
    }
  } else {
    offset = 0; // 200: the server ignored Range and sends the whole file.
  }
  const length = Number(response.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(length) ? offset + length : expectedSize;
  if (!response.body) throw new DownloadError(`download of ${url} failed: the response has no body`);

  // Each chunk is written before the next is read, so whatever arrived before an interruption is
  // on disk for the next attempt to resume from.
  let onDisk = offset;
  request.onProgress?.(onDisk, total);
  const handle = await fs.promises.open(partialPath, offset > 0 ? 'a' : 'w');
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      await handle.write(chunk);
      onDisk += chunk.length;
      request.onProgress?.(onDisk, total);
    }
  } catch (error) {
    throw new DownloadError(
      `download of ${url} was interrupted after ${onDisk} bytes (${describe(error)}). ` +
        'Run the same install command again to resume from there',
    );
  } finally {
    await handle.close();
  }
  if (total !== null && onDisk < total) {
    throw new DownloadError(
      `download of ${url} ended early at ${onDisk} of ${total} bytes. Run the same install command again to resume`,
    );
  }
  return { bytes: onDisk, resumedFrom: offset };
}

async function fetchOrExplain(url: string, offset: number): Promise<Response> {
  try {
    return await fetch(url, {
      headers: offset > 0 ? { Range: `bytes=${offset}-` } : {},
      redirect: 'follow',
    });
  } catch (error) {
    throw new DownloadError(`cannot reach ${url}: ${describe(error)}`);
  }
}

function contentRangeStart(header: string | null): number | null {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header?.trim() ?? '');
  return match ? Number(match[1]) : null;
}

function existingSize(filePath: string): number {
  try {
    return fs.statSync(filePath).size;
  } catch {
    return 0;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
