import { z } from 'zod';

const peakValues = (what: string) =>
  z.array(z.number().min(-1).max(1)).describe(`${what} of each span, in [-1, 1] (full scale of the PCM)`);

export const workingPeaksResponseSchema = z
  .object({
    recordingId: z.string().describe('Recording id (UUID)'),
    channel: z.number().int().describe('Channel of the original (0-based) whose working copy this is'),
    sha256: z.string().describe('SHA-256 of the working copy the peaks were taken from'),
    sampleRate: z.number().describe('Sample rate of the working copy (Hz)'),
    samplesPerPeak: z
      .number()
      .int()
      .describe('Samples each min/max pair covers; the last pair may cover fewer'),
    peaksPerSecond: z
      .number()
      .describe(
        'Pairs per second of audio: 100, or fewer for calls over 200 s so no answer exceeds 20 000 pairs',
      ),
    durationSeconds: z.number().describe('Length of the working copy, from its decoded sample count'),
    min: peakValues('Lowest sample'),
    max: peakValues('Highest sample'),
  })
  .describe(
    'Waveform of one channel as min/max pairs at a fixed resolution (machine output, computed from ' +
      'the working copy with ffmpeg and cached beside it): enough to draw the call without downloading its audio',
  );

export type WorkingPeaksResponse = z.infer<typeof workingPeaksResponseSchema>;
