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
  };
}

export function presentUnhealthy(versions: Record<string, string>) {
  return {
    status: 'unavailable' as const,
    database: { reachable: false, serverVersion: null, migrations: [] },
    versions,
    counts: null,
  };
}
