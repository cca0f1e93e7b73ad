import { describe, expect, it } from 'vitest';
import { randomSpeakerModel, type SpeakerModelKind } from './random-speaker-models.ts';

// The stand-ins are installed and run by src/models/catalog-install-run.test.ts; here only that
// their bytes depend on nothing but the kind and the seed.
const KINDS: SpeakerModelKind[] = ['pyannote-segmentation', 'wespeaker-embedding', 'nemo-embedding'];

describe('random speaker models', () => {
  it.each(KINDS)('%s: the same seed gives the same bytes, another seed other bytes', (kind) => {
    const first = randomSpeakerModel(kind, 0);
    expect(Buffer.from(randomSpeakerModel(kind, 0)).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(randomSpeakerModel(kind, 1)).equals(Buffer.from(first))).toBe(false);
  });

  it('writes the metadata sherpa-onnx reads as plain strings in the file', () => {
    const text = Buffer.from(randomSpeakerModel('pyannote-segmentation')).toString('latin1');
    for (const key of ['window_size', 'receptive_field_shift', 'powerset_max_classes', 'num_classes']) {
      expect(text).toContain(key);
    }
    expect(Buffer.from(randomSpeakerModel('nemo-embedding')).toString('latin1')).toContain('framework');
  });
});
