import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { ModelProfile } from '../db/schema.ts';
import { modelOfStage, stageModelsFor } from '../models/model-profile.ts';
import { missingModels } from '../models/model-store.ts';
import type { JobQueue } from './queue.ts';
import { scheduleStage } from './scheduling.ts';

export interface ResumedWait {
  stage: string;
  model: string;
  scheduled: number;
}

/**
 * Runs that wait for a model go back on the queue once the model their stage would use now is
 * installed: installing a model is all a user does, no retry command. Cheap enough to call every
 * few seconds (one indexed query; the file checks only where something waits).
 */
export async function resumeRunsWaitingForModels<N extends string>(
  queue: JobQueue<N>,
  db: Db,
  config: EarshotConfig,
): Promise<ResumedWait[]> {
  const waiting = await db
    .selectFrom('stage_runs as s')
    .innerJoin('recordings as r', 'r.id', 's.recording_id')
    .innerJoin('collections as c', 'c.id', 'r.collection_id')
    .select(['s.stage', 's.recording_id', 'c.model_profile'])
    .where('s.status', '=', 'waiting')
    .execute();
  const groups = new Map<string, { stage: N; profile: ModelProfile; ids: string[] }>();
  for (const row of waiting) {
    if (!queue.registry.has(row.stage)) continue;
    const key = `${row.model_profile} ${row.stage}`;
    const group = groups.get(key) ?? { stage: row.stage, profile: row.model_profile, ids: [] };
    group.ids.push(row.recording_id);
    groups.set(key, group);
  }
  const resumed: ResumedWait[] = [];
  for (const { stage, profile, ids } of groups.values()) {
    const models = stageModelsFor(profile, config);
    const model = modelOfStage(models, stage);
    if (model === undefined || missingModels(models.modelsDir, [model]).length > 0) continue;
    resumed.push({ stage, model, scheduled: await scheduleStage(queue, db, stage, ids) });
  }
  return resumed;
}
