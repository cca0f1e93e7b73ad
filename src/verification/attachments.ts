import { Transform, type Readable } from 'node:stream';
import { formatBytes } from '../ingest/progress-reporter.ts';
import {
  blobRelativePath,
  commitStaged,
  discardStaged,
  stageStream,
  type StagedFile,
} from '../ingest/content-store.ts';
import { checkAttachmentName, declaredMediaType, EvidenceRejected } from './evidence-input.ts';

/**
 * Evidence files of case steps go to their own write-once store (config.attachmentsDir), through
 * the same content store as originals: streamed into a temp file while hashed, then linked under
 * `<aa>/<bb>/<sha256>` (blobRelativePath, relative to the attachments directory), read-only, in
 * sealed directories. A file is never held in memory.
 */

/** An attachment over the size limit (413); what was streamed of it is removed. */
export class AttachmentTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(
      `The attached file is larger than the limit of ${formatBytes(maxBytes)} (${maxBytes} bytes, ` +
        'EARSHOT_ATTACHMENT_MAX_BYTES); nothing was stored.',
    );
  }
}

export interface StagedAttachment {
  staged: StagedFile;
  fileName: string;
  mediaType: string;
}

/** Stops the stream as soon as it passes the limit, so a huge file is never written whole. */
function limitBytes(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new AttachmentTooLarge(maxBytes));
      else done(null, chunk);
    },
  });
}

/**
 * Checks the name, then streams the file into the store's temp space with its SHA-256. An empty
 * file, or one over `maxBytes`, leaves nothing behind. The caller commits or discards it.
 */
export async function stageAttachment(
  attachmentsDir: string,
  file: { stream: Readable; fileName: string; mimetype?: string },
  maxBytes: number,
): Promise<StagedAttachment> {
  let fileName: string;
  try {
    fileName = checkAttachmentName(file.fileName);
  } catch (error) {
    file.stream.resume();
    throw error;
  }
  const limited = file.stream.pipe(limitBytes(maxBytes));
  // The source's own errors (the client went away) reach the limiter, and so stageStream.
  file.stream.once('error', (error) => limited.destroy(error));
  const staged = await stageStream(attachmentsDir, limited);
  if (staged.sizeBytes === 0) {
    discardStaged(staged);
    throw new EvidenceRejected(`The file "${fileName}" is empty; nothing was stored.`);
  }
  return { staged, fileName, mediaType: declaredMediaType(file.mimetype) };
}

export function discardAttachments(attachments: readonly StagedAttachment[]): void {
  for (const a of attachments) discardStaged(a.staged);
}

/** Links a staged attachment into the store; the path is relative to `attachmentsDir`. */
export function commitAttachment(attachmentsDir: string, attachment: StagedAttachment): string {
  return commitStaged(attachmentsDir, attachment.staged, blobRelativePath(attachment.staged.sha256))
    .storePath;
}
