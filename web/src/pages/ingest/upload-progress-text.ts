import { formatBytes } from '../../format.ts';

/** Bytes sent so far in words; once all are sent, the server's ingest, which has no byte count. */
export function uploadProgressText(sent: number, total: number): string {
  if (total > 0 && sent >= total) return 'Uploaded; checking, hashing and storing the files…';
  const percent = total > 0 ? Math.floor((100 * sent) / total) : 0;
  return `${formatBytes(sent)} of ${formatBytes(total)} sent (${percent}%)`;
}
