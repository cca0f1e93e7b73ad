import type { ChannelFingerprint } from './duplicate-matching.ts';
import { FingerprintError, fingerprintSamples } from './fpcalc-engine.ts';

/** One channel's samples, as the working copies give them (16 kHz mono, one rate for all). */
export interface ChannelAudio {
  channel: number;
  sampleRate: number;
  samples: Float32Array;
}

/**
 * The fingerprints of a call: one per channel and, with more than one channel, one of their mono
 * mix (a leak often mixes both sides down). Throws FingerprintError when fpcalc fails.
 */
export async function fingerprintChannels(channels: readonly ChannelAudio[]): Promise<ChannelFingerprint[]> {
  const result: ChannelFingerprint[] = [];
  for (const c of channels) {
    result.push({ channel: String(c.channel), ...(await fingerprintSamples(c.samples, c.sampleRate)) });
  }
  if (channels.length > 1) {
    const rate = channels[0]!.sampleRate;
    if (channels.some((c) => c.sampleRate !== rate))
      throw new FingerprintError('channels differ in sample rate');
    result.push({ channel: 'mix', ...(await fingerprintSamples(mixDown(channels), rate)) });
  }
  return result;
}

/** The mean of the channels, sample by sample. */
function mixDown(channels: readonly ChannelAudio[]): Float32Array {
  const length = Math.max(...channels.map((c) => c.samples.length));
  const mix = new Float32Array(length);
  for (const c of channels)
    for (let i = 0; i < c.samples.length; i++) mix[i]! += c.samples[i]! / channels.length;
  return mix;
}
