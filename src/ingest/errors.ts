/** A problem with how ingest was asked for (missing path, unreadable sidecar): nothing was ingested. */
export class IngestUsageError extends Error {}

/** A source that must be rejected, raised from deep inside reading or checking it. */
export class SourceRejection extends Error {
  constructor(
    readonly code: import('./types.ts').RejectionCode,
    reason: string,
  ) {
    super(reason);
  }
}
