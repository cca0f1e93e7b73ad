import { describe, expect, it } from 'vitest';
import { audioContentType } from './content-type.ts';

describe('audioContentType', () => {
  it('maps ffprobe containers and codecs to MIME types', () => {
    const cases: [string | null, string | null, string, string][] = [
      ['wav', 'pcm_s16le', 'a.wav', 'audio/wav'],
      ['mp3', 'mp3', 'a.mp3', 'audio/mpeg'],
      ['ogg', 'opus', 'a.ogg', 'audio/ogg; codecs=opus'],
      ['ogg', 'vorbis', 'a.ogg', 'audio/ogg'],
      ['mov,mp4,m4a,3gp,3g2,mj2', 'aac', 'a.m4a', 'audio/mp4'],
      ['mov,mp4,m4a,3gp,3g2,mj2', 'amr_nb', 'a.3gp', 'audio/3gpp'],
      ['amr', 'amr_nb', 'a.amr', 'audio/amr'],
      ['flac', 'flac', 'a.flac', 'audio/flac'],
    ];
    for (const [container, codec, filename, expected] of cases) {
      expect(audioContentType({ container, codec, filename }), filename).toBe(expected);
    }
  });

  it('falls back to the extension, then to octet-stream', () => {
    expect(audioContentType({ container: null, codec: null, filename: 'x.amr' })).toBe('audio/amr');
    expect(audioContentType({ container: null, codec: null, filename: 'x.bin' })).toBe(
      'application/octet-stream',
    );
  });
});
