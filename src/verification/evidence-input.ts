import { checkName } from '../ingest/printable-name.ts';

/**
 * Checks of what a user hands in as evidence of a case step: links and the names of attached
 * files. Each refusal names the problem and the value (made printable), and nothing is stored.
 */

/** Evidence the workflow cannot take as given (400). */
export class EvidenceRejected extends Error {}

export const MAX_LINKS = 50;
const MAX_LINK_LENGTH = 2000;
const MAX_FILE_NAME_BYTES = 255;

/** http and https URLs only: a javascript: or file: link in a case file is a trap for its readers. */
export function checkLinks(links: readonly string[]): string[] {
  if (links.length > MAX_LINKS) throw new EvidenceRejected(`A step takes at most ${MAX_LINKS} links.`);
  return links.map((raw) => {
    const link = raw.trim();
    const shown = checkName(link.slice(0, 200)).printable;
    if (link.length > MAX_LINK_LENGTH)
      throw new EvidenceRejected(`The link "${shown}…" is longer than ${MAX_LINK_LENGTH} characters.`);
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw new EvidenceRejected(`"${shown}" is not a URL: give a full http:// or https:// address.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new EvidenceRejected(`The link "${shown}" is not http or https: only web addresses are taken.`);
    if (checkName(link).problem || BIDI_CONTROLS.test(link))
      throw new EvidenceRejected(`The link "${shown}" holds control characters.`);
    return url.href;
  });
}

/** Characters that reorder how text is shown (U+202E makes "gpj.exe" read "exe.jpg"). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * The name an attachment is listed and downloaded under. The stored file is named by its
 * SHA-256, so the name never reaches the file system; still, a name that hides what the file is
 * (direction overrides), that names a path, or that cannot be printed is refused, not repaired.
 */
export function checkAttachmentName(raw: string): string {
  const check = checkName(raw);
  const refuse = (why: string) =>
    new EvidenceRejected(`Refused file name "${check.printable.slice(0, 300)}": ${why}. Nothing was stored.`);
  if (raw.trim() === '') throw refuse('the name is empty');
  if (check.problem) throw refuse(check.problem);
  if (BIDI_CONTROLS.test(raw))
    throw refuse('the name holds characters that reverse how it is shown (right-to-left override)');
  if (/[/\\]/.test(raw)) throw refuse('a file name may not hold a path separator (/ or \\)');
  if (raw === '.' || raw === '..') throw refuse('"." and ".." are not file names');
  if (Buffer.byteLength(raw) > MAX_FILE_NAME_BYTES)
    throw refuse(`the name is longer than ${MAX_FILE_NAME_BYTES} bytes`);
  return check.text;
}

/** A media type as the browser declared it, when it looks like one; anything else is bytes. */
export function declaredMediaType(mimetype: string | undefined): string {
  const type = (mimetype ?? '').trim().toLowerCase();
  return /^[a-z0-9][\w.+-]{0,63}\/[a-z0-9][\w.+-]{0,127}$/.test(type) ? type : 'application/octet-stream';
}

/** Types an attachment is served as; anything else leaves as application/octet-stream. */
const SERVED_TYPES =
  /^(image\/(png|jpeg|gif|webp)|audio\/[\w.+-]+|video\/[\w.+-]+|application\/pdf|text\/plain)$/;

export function servedMediaType(stored: string): string {
  return SERVED_TYPES.test(stored) ? stored : 'application/octet-stream';
}

/**
 * Content-Disposition for a download: always `attachment`, an ASCII fallback name and the
 * UTF-8 name (RFC 6266 / RFC 8187), so that no name can break out of the header.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\w.\- ]/g, '_').slice(0, 200) || 'attachment';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
