import type { IngestSource } from '../types.ts';
import { buildCallMetadata, type CallMetadata, type MetadataOptions } from './call-metadata.ts';
import type { NamePattern } from './name-pattern.ts';
import type { SidecarIndex } from './sidecar.ts';

/**
 * Where a file's call metadata comes from: its sidecar row when there is one (it is what the
 * source of the leak wrote down), else its file name read with the name pattern.
 */
export function createMetadataResolver(
  sidecar: SidecarIndex | null,
  pattern: NamePattern | null,
  options: MetadataOptions,
): (source: IngestSource) => CallMetadata | null {
  return (source) => {
    const row = sidecar?.lookup(source.relativePath, source.basename);
    if (row) return buildCallMetadata(row, 'sidecar', options);
    const fromName = pattern?.match(source.basename);
    if (fromName) return buildCallMetadata(fromName, 'filename', options);
    return null;
  };
}
