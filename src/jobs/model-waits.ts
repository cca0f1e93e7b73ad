import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { ModelProfile } from '../db/schema.ts';
import { modelOfStage, stageModelsFor } from '../models/model-profile.ts';
import { missingModels } from '../models/model-store.ts';
import type { JobQueue } from './queue.ts';
import { scheduleStage } from './scheduling.ts';
import { toolWait } from './tool-waits.ts';

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
    .select(['s.stage', 's.recording_id', 's.waiting_for_model', 'c.model_profile'])
    .where('s.status', '=', 'waiting')
    .execute();
  const resumed: ResumedWait[] = await resumeToolWaits(queue, db, waiting);
  const groups = new Map<string, { stage: N; profile: ModelProfile; ids: string[] }>();
  for (const row of waiting) {
    if (!queue.registry.has(row.stage) || toolWait(row.waiting_for_model ?? '')) continue;
    const key = `${row.model_profile} ${row.stage}`;
    const group = groups.get(key) ?? { stage: row.stage, profile: row.model_profile, ids: [] };
    group.ids.push(row.recording_id);
    groups.set(key, group);
  }
  for (const { stage, profile, ids } of groups.values()) {
    const models = stageModelsFor(profile, config);
    const model = modelOfStage(models, stage);
    if (model === undefined || missingModels(models.modelsDir, [model]).length > 0) continue;
    resumed.push({ stage, model, scheduled: await scheduleStage(queue, db, stage, ids) });
  }
  return resumed;
}

/** Runs waiting for a program (./tool-waits.ts) go back on the queue once it can be used. */
async function resumeToolWaits<N extends string>(
  queue: JobQueue<N>,
  db: Db,
  waiting: readonly { stage: string; recording_id: string; waiting_for_model: string | null }[],
): Promise<ResumedWait[]> {
  const groups = new Map<string, { stage: N; tool: string; ids: string[] }>();
  for (const row of waiting) {
    const tool = row.waiting_for_model ?? '';
    if (!queue.registry.has(row.stage) || !toolWait(tool)?.available()) continue;
    const key = `${tool} ${row.stage}`;
    const group = groups.get(key) ?? { stage: row.stage, tool, ids: [] };
    group.ids.push(row.recording_id);
    groups.set(key, group);
  }
  const resumed: ResumedWait[] = [];
  for (const { stage, tool, ids } of groups.values()) {
    resumed.push({ stage, model: tool, scheduled: await scheduleStage(queue, db, stage, ids) });
  }
  return resumed;
}
