import { describe, expect, it } from 'vitest';
import type { StageRun } from '../api/recordings.ts';
import { stagesNotStarted } from './status.tsx';

const run = (stage: string, status: StageRun['status']): StageRun => ({
  stage,
  status,
  attempts: 1,
  error: null,
  waitingForModel: null,
  startedAt: null,
  finishedAt: null,
  updatedAt: '2024-01-01T00:00:00.000Z',
});

describe('stage chips', () => {
  it('names, in pipeline order, the stages a call has no run of', () => {
    expect(
      stagesNotStarted([run('vad', 'failed'), run('decode', 'done'), run('fingerprint', 'done')]),
    ).toEqual(['transcribe', 'translate', 'analyse']);
    expect(stagesNotStarted([])).toEqual([
      'decode',
      'fingerprint',
      'vad',
      'transcribe',
      'translate',
      'analyse',
    ]);
    const all = ['decode', 'fingerprint', 'vad', 'transcribe', 'translate', 'analyse'].map((s) =>
      run(s, 'done'),
    );
    expect(stagesNotStarted(all)).toEqual([]);
  });
});
