import type { InjectOptions } from 'fastify';

/** A file of a case step: its bytes (or a stream's worth), its name and declared type. */
export interface StepFile {
  bytes: Uint8Array;
  name: string;
  type?: string;
}

export interface StepFields {
  action: string;
  expectedStatus: string;
  to?: string;
  note?: string;
  reason?: string;
  links?: string[];
}

/**
 * A POST of a case step as the desk sends it: multipart/form-data, fields first, then files. The
 * body is written by hand so that a test can send what no browser would: a file name with a
 * path, control characters or a direction override, byte for byte (only `"` is escaped).
 */
export function caseStepRequest(
  recordingId: string,
  fields: StepFields,
  files: StepFile[] = [],
): InjectOptions {
  const boundary = `----earshot-test-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  const part = (headers: string, body: Uint8Array | string) => {
    chunks.push(Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`, 'utf8'));
    chunks.push(typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body));
    chunks.push(Buffer.from('\r\n'));
  };
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value])
      part(`Content-Disposition: form-data; name="${name}"`, String(item));
  }
  for (const file of files) {
    const name = file.name.replace(/"/g, '%22');
    part(
      `Content-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}`,
      file.bytes,
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    method: 'POST',
    url: `/api/recordings/${recordingId}/case/steps`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(chunks),
  };
}
