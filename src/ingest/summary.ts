import type { IngestBatchStatus, JsonObject } from '../db/schema.ts';
import type { RejectionCode } from './types.ts';

export interface RejectionLine {
  sourcePath: string;
  code: RejectionCode;
  reason: string;
  /** True when this same rejection was already recorded by an earlier run. */
  recordedBefore: boolean;
}

/** What one ingest run did, file by file, as counted for the closing summary. */
export class IngestSummary {
  ingested = 0;
  duplicates = 0;
  alreadyKnown = 0;
  bytesIngested = 0;
  readonly newRecordingIds: string[] = [];
  readonly rejections: RejectionLine[] = [];
  readonly metadataWarnings: string[] = [];

  get rejected(): number {
    return this.rejections.length;
  }

  /** How a batch that ran to the end closes: a refused input is never hidden behind 'finished'. */
  closingStatus(): Extract<IngestBatchStatus, 'finished' | 'finished_with_rejections'> {
    return this.rejected > 0 ? 'finished_with_rejections' : 'finished';
  }

  headline(): string {
    return `${this.ingested} new, ${this.duplicates} duplicate${this.duplicates === 1 ? '' : 's'}, ${this.alreadyKnown} already known, ${this.rejected} rejected`;
  }

  toJson(): JsonObject {
    return {
      headline: this.headline(),
      ingested: this.ingested,
      duplicates: this.duplicates,
      alreadyKnown: this.alreadyKnown,
      rejected: this.rejected,
      bytesIngested: this.bytesIngested,
      rejections: this.rejections.map((r) => ({ ...r })),
      metadataWarnings: [...this.metadataWarnings],
    };
  }

  /** The closing summary for a person: counts, then every rejection and warning on its own line. */
  format(): string {
    const lines = [`Ingest: ${this.headline()}.`];
    if (this.rejections.length > 0) {
      lines.push('Rejected:');
      for (const r of this.rejections) {
        lines.push(
          `  ${r.sourcePath}: ${r.reason} [${r.code}]${r.recordedBefore ? ' (recorded before)' : ''}`,
        );
      }
    }
    if (this.metadataWarnings.length > 0) {
      lines.push('Metadata warnings (audio ingested; values kept raw):');
      for (const w of this.metadataWarnings) lines.push(`  ${w}`);
    }
    return `${lines.join('\n')}\n`;
  }
}
