import { describe, expect, it } from 'vitest';
import type { StageCounts } from './operations.ts';
import { estimateEta } from './pipeline-eta.ts';

const counts = (stage: string, c: Partial<StageCounts> = {}): StageCounts => ({
  stage,
  pending: 0,
  running: 0,
  done: 0,
  failed: 0,
  waiting: 0,
  missing: 0,
  ...c,
});

describe('estimateEta', () => {
  it('is zero when nothing is pending or running', () => {
    const eta = estimateEta([counts('decode', { done: 3 }), counts('vad', { failed: 2 })], {
      timings: [],
      parallelism: null,
    });
    expect(eta).toMatchObject({ seconds: 0, remainingRuns: 0 });
  });

  it('says there is too little data when no stage with work left has three timed runs', () => {
    const eta = estimateEta([counts('decode', { pending: 4 }), counts('vad')], {
      timings: [
        { stage: 'decode', seconds: [1, 1] },
        { stage: 'vad', seconds: [2] },
      ],
      parallelism: 2,
    });
    expect(eta).toMatchObject({ seconds: null, lowerBound: false, remainingRuns: 8 });
    expect(eta.basis).toMatch(/Too little data.*decode \(2\), vad \(1\)/);
  });

  it('gives a lower bound when only some stages with work left are timed', () => {
    const eta = estimateEta([counts('decode', { pending: 4 }), counts('vad')], {
      timings: [
        { stage: 'decode', seconds: [1, 1, 1] },
        { stage: 'vad', seconds: [2] },
      ],
      parallelism: 2,
    });
    expect(eta).toMatchObject({ seconds: 2, lowerBound: true, remainingRuns: 8 });
    expect(eta.basis).toMatch(/lower bound.*vad \(1\)/);
  });

  it('counts every later stage of a call still in the pipeline, at the median duration, over the parallelism', () => {
    // Two calls at decode (each needs decode and vad), one at vad: 2×decode + 3×vad.
    const eta = estimateEta([counts('decode', { pending: 1, running: 1 }), counts('vad', { pending: 1 })], {
      timings: [
        { stage: 'decode', seconds: [1, 2, 100] },
        { stage: 'vad', seconds: [4, 4, 4, 4] },
      ],
      parallelism: 2,
    });
    expect(eta).toMatchObject({ seconds: (2 * 2 + 3 * 4) / 2, lowerBound: false, remainingRuns: 5 });
    expect(eta.basis).toMatch(/2\.0 runs at a time/);
  });

  it('assumes one run at a time when recent parallelism is unknown', () => {
    const eta = estimateEta([counts('decode', { pending: 2 })], {
      timings: [{ stage: 'decode', seconds: [3, 3, 3] }],
      parallelism: null,
    });
    expect(eta.seconds).toBe(6);
    expect(eta.basis).toMatch(/assuming one run at a time/);
  });
});
