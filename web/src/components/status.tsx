import type { StageRun } from '../api/recordings.ts';
import { categoryColor, categoryLabel } from '../api/categories.ts';

/**
 * An error, announced to screen readers: a page's (a box), or with `inline` a form's refusal,
 * said small under the form where the person is typing.
 */
export function ErrorMessage({ error, inline = false }: { error: string | null; inline?: boolean }) {
  if (!error) return null;
  return (
    <div className={inline ? 'error-inline' : 'error-box'} role="alert">
      {error}
    </div>
  );
}

/** One dot per pipeline stage; the title says which stage and why it failed or what it waits for. */
const PIPELINE_ORDER = ['decode', 'fingerprint', 'vad', 'transcribe', 'translate', 'analyse'];
function inPipelineOrder(stages: StageRun[]): StageRun[] {
  const rank = (stage: string) => {
    const at = PIPELINE_ORDER.indexOf(stage);
    return at < 0 ? PIPELINE_ORDER.length : at;
  };
  return [...stages].sort((a, b) => rank(a.stage) - rank(b.stage));
}

/** Programs a stage can wait for (src/jobs/tool-waits.ts), with the command that installs them. */
const TOOL_INSTALL: Record<string, string> = { fpcalc: 'apt install libchromaprint-tools' };

/** The command that installs a model (or program); the waiting stages then run by themselves. */
export function installCommand(model: string): string {
  return TOOL_INSTALL[model] ?? `earshot models install ${model}`;
}

/** Whether a wait is for a program (fpcalc) rather than a model. */
export function isProgramWait(name: string): boolean {
  return Object.hasOwn(TOOL_INSTALL, name);
}

/** What a waiting stage waits for, in words: "model X" or, for a program, its name. */
function waitedFor(name: string): string {
  return isProgramWait(name) ? name : `model ${name}`;
}

/** A stage's state in words: a waiting stage names its model (it is not a failure). */
function stageLabel(s: StageRun): string {
  return s.status === 'waiting' && s.waitingForModel
    ? `waiting for ${waitedFor(s.waitingForModel)}`
    : s.status;
}

function stageTitle(s: StageRun): string {
  if (s.status === 'waiting' && s.waitingForModel)
    return `${s.stage}: waiting for ${waitedFor(s.waitingForModel)}; install it with \`${installCommand(s.waitingForModel)}\` and the stage runs by itself`;
  if (s.error) return `${s.stage}: ${s.status} — ${s.error}`;
  return `${s.stage}: ${s.status}, attempt ${s.attempts}`;
}

export function StageDots({ stages }: { stages: StageRun[] }) {
  return (
    <span className="stage-dots">
      {inPipelineOrder(stages).map((s) => (
        <span
          key={s.stage}
          className={`stage-dot stage-${s.status}`}
          data-status={s.status}
          title={stageTitle(s)}
        />
      ))}
    </span>
  );
}

/**
 * The pipeline's stages that have no run for a call (nothing queued, nothing tried): the server
 * lists only stages that ran or are queued, and a missing chip read as "nothing to see".
 */
export function stagesNotStarted(stages: readonly StageRun[]): string[] {
  const seen = new Set(stages.map((s) => s.stage));
  return PIPELINE_ORDER.filter((stage) => !seen.has(stage));
}

export function StageChips({ stages }: { stages: StageRun[] }) {
  const ordered = inPipelineOrder(stages);
  const notStarted = stagesNotStarted(stages);
  const models = [
    ...new Set(
      ordered.flatMap((s) => (s.status === 'waiting' && s.waitingForModel ? [s.waitingForModel] : [])),
    ),
  ];
  return (
    <span className="stage-chips" data-testid="stage-chips">
      {ordered.map((s) => (
        <span
          key={s.stage}
          className={`stage-chip stage-${s.status}`}
          data-stage={s.stage}
          data-status={s.status}
          title={stageTitle(s)}
        >
          {s.stage}: {stageLabel(s)}
        </span>
      ))}
      {notStarted.map((stage) => (
        <span
          key={stage}
          className="stage-chip stage-not-started"
          data-stage={stage}
          data-status="not-started"
          title={`${stage}: not started — it runs once the stages before it have finished`}
        >
          {stage}: not started
        </span>
      ))}
      {models.map((model) => (
        <span key={model} className="install-hint" data-testid="install-hint">
          Install with <code>{installCommand(model)}</code>
        </span>
      ))}
    </span>
  );
}

/**
 * A category flag: solid when lexicon words fired it, dashed when it comes from meaning (the
 * classifier's machine judgement), so the two never read alike. `compact` (narrow table cells)
 * writes the meaning flag's label in italics instead of prefixing "meaning ·"; screen readers
 * hear "from meaning" either way.
 */
export function CategoryFlag({
  category,
  count,
  source = 'words',
  compact = false,
}: {
  category: string;
  count?: number;
  source?: 'words' | 'meaning';
  compact?: boolean;
}) {
  const meaning = source === 'meaning';
  return (
    <span
      className={meaning ? `flag meaning-flag${compact ? ' compact' : ''}` : 'flag'}
      style={{ borderColor: categoryColor(category), color: categoryColor(category) }}
      title={
        meaning
          ? 'From meaning: segments the classifier flags where no lexicon word does (machine judgement)'
          : 'From words: lexicon matches'
      }
      data-source={source}
    >
      {meaning && !compact ? <span className="chip-kind">meaning · </span> : null}
      {categoryLabel(category)}
      {count !== undefined && count > 1 ? ` ×${count}` : ''}
      {meaning && compact ? <span className="visually-hidden"> (from meaning)</span> : null}
    </span>
  );
}
