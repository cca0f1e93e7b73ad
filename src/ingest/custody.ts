import type { Transaction } from 'kysely';
import type { CustodyAction, Database, JsonObject } from '../db/schema.ts';
import { toolVersions } from '../runtime/tool-versions.ts';

interface PendingEvent {
  action: CustodyAction;
  occurredAt: Date;
  details: JsonObject;
}

/**
 * The custody events of one source, collected as each action happens (with its own time) and
 * written in the same transaction as the rows they describe, so the log never tells of a
 * recording that was not stored, nor misses one that was.
 */
export class CustodyTrail {
  private events: PendingEvent[] = [];

  constructor(private readonly context: { batchId: string; actor: string; sourcePath: string }) {}

  add(action: CustodyAction, details: JsonObject): void {
    this.events.push({ action, occurredAt: new Date(), details });
  }

  /** Drops events that turned out not to apply (a recording stored by a concurrent source). */
  drop(actions: CustodyAction[]): void {
    this.events = this.events.filter((e) => !actions.includes(e.action));
  }

  actions(): CustodyAction[] {
    return this.events.map((e) => e.action);
  }

  async write(trx: Transaction<Database>, recordingId: string | null, sha256: string | null): Promise<void> {
    if (this.events.length === 0) return;
    const versions = JSON.stringify(toolVersions());
    await trx
      .insertInto('custody_events')
      .values(
        this.events.map((e) => ({
          recording_id: recordingId,
          batch_id: this.context.batchId,
          action: e.action,
          actor: this.context.actor,
          occurred_at: e.occurredAt,
          source_path: this.context.sourcePath,
          sha256,
          tool_versions: versions,
          details: JSON.stringify(e.details),
        })),
      )
      .execute();
  }
}
