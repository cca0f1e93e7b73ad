import type { CollectionWithCount } from '../queries/collections.ts';
import { iso } from './dates.ts';

export function presentCollection(c: CollectionWithCount) {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    recordingCount: Number(c.recording_count),
    createdAt: iso(c.created_at),
  };
}
