import type { EarshotConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { ModelProfile } from '../db/schema.ts';
import { DEMO_MODELS, missingStageModels, stageModelsFor } from '../models/model-profile.ts';

/**
 * What `earshot start` says about models before the workers start: for each kind of collection
 * that holds recordings, the models its stages need that are not installed, with the exact
 * command. Stages that lack them wait (they are not failed) and go on once they are installed.
 */
export async function describeMissingModels(db: Db, config: EarshotConfig): Promise<string[]> {
  const rows = await db
    .selectFrom('collections as c')
    .innerJoin('recordings as r', 'r.collection_id', 'c.id')
    .select(['c.model_profile', 'c.name'])
    .distinct()
    .execute();
  const lines: string[] = [];
  for (const profile of ['configured', 'demo'] as const satisfies readonly ModelProfile[]) {
    const collections = rows.filter((r) => r.model_profile === profile).map((r) => `"${r.name}"`);
    if (collections.length === 0) continue;
    const models = stageModelsFor(profile, config);
    const missing = missingStageModels(models);
    if (missing.length === 0) continue;
    lines.push(
      profile === 'demo'
        ? `The demo models ${missing.join(', ')} are missing from ${DEMO_MODELS.dir}: the demo ` +
            'collection waits for them. They are part of the repository: `git checkout -- demo/models` restores them.'
        : `Models not installed in ${models.modelsDir}: ${missing.join(', ')}. The stages of ` +
            `${collections.join(', ')} that need them wait for them (they have not failed). Install them with ` +
            '`npx earshot models install --defaults`; the waiting stages then run by themselves.',
    );
  }
  return lines;
}
