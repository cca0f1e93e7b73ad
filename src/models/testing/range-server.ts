import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedFile {
  body: Buffer;
  /** Send only this many bytes of the first response for this path, then drop the connection. */
  dropFirstResponseAfter?: number;
  /** Answer with 200 and the whole body even when a Range is asked for. */
  ignoreRange?: boolean;
}

export interface RangeServer {
  baseUrl: string;
  files: Map<string, ServedFile>;
  /** Every request seen: path and Range header. */
  requests: Array<{ path: string; range: string | undefined }>;
  close(): Promise<void>;
}

/** A loopback HTTP server for download tests: serves in-memory files with Range support and can misbehave on purpose. */
export async function startRangeServer(): Promise<RangeServer> {
  const files = new Map<string, ServedFile>();
  const requests: RangeServer['requests'] = [];
  const dropped = new Set<string>();
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push({ path: urlPath, range: req.headers.range });
    const file = files.get(urlPath);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const size = file.body.length;
    let start = 0;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (range && !file.ignoreRange) {
      start = Number(range[1]);
      if (start >= size) {
        res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      res.writeHead(206, {
        'content-length': String(size - start),
        'content-range': `bytes ${start}-${size - 1}/${size}`,
        'accept-ranges': 'bytes',
      });
    } else {
      res.writeHead(200, { 'content-length': String(size), 'accept-ranges': 'bytes' });
    }
    const slice = file.body.subarray(start);
    if (file.dropFirstResponseAfter !== undefined && !dropped.has(urlPath)) {
      dropped.add(urlPath);
      res.write(slice.subarray(0, file.dropFirstResponseAfter), () => {
        // Close the connection half way (FIN, not RST, so the bytes sent all arrive first).
        res.socket?.end();
      });
      return;
    }
    res.end(slice);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    files,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
