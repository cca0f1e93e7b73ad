import type { DatabaseHealth } from '../queries/health.ts';

export function presentHealthy(health: DatabaseHealth, versions: Record<string, string>) {
  return {
    status: 'ok' as const,
    database: {
      reachable: true,
      serverVersion: health.serverVersion,
      migrations: health.migrations,
    },
    versions,
    counts: health.counts,
    store: health.storeVerification
      ? {
          lastVerifiedAt: health.storeVerification.finishedAt.toISOString(),
          collection: health.storeVerification.collection,
          ok: health.storeVerification.ok,
          problems: health.storeVerification.problems.length,
          quarantined: health.quarantined.map((q) => ({
            recordingId: q.recordingId,
            kind: q.kind,
            quarantinedAt: q.quarantinedAt.toISOString(),
            quarantinePath: q.quarantinePath,
          })),
        }
      : null,
  };
}

export function presentUnhealthy(versions: Record<string, string>) {
  return {
    status: 'unavailable' as const,
    database: { reachable: false, serverVersion: null, migrations: [] },
    versions,
    counts: null,
    store: null,
  };
}
