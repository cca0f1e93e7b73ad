import path from 'node:path';

/**
 * MIME type for an original, from what ffprobe said (container = format_name, codec = codec_name),
 * falling back to the file extension. Browsers choose a decoder from this, so Opus in Ogg and AMR
 * in 3GP get their specific types.
 */
export function audioContentType(input: {
  container: string | null;
  codec: string | null;
  filename: string;
}): string {
  const container = (input.container ?? '').toLowerCase();
  const codec = (input.codec ?? '').toLowerCase();
  const extension = path.extname(input.filename).slice(1).toLowerCase();
  const formats = container.split(',');

  if (formats.includes('wav')) return 'audio/wav';
  if (formats.includes('mp3')) return 'audio/mpeg';
  if (formats.includes('flac')) return 'audio/flac';
  if (formats.includes('ogg')) return codec === 'opus' ? 'audio/ogg; codecs=opus' : 'audio/ogg';
  if (formats.includes('amr')) return codec === 'amr_wb' ? 'audio/amr-wb' : 'audio/amr';
  if (formats.includes('webm') || formats.includes('matroska')) return 'audio/webm';
  // ffprobe names the whole ISO-BMFF family at once; the extension tells 3GP from MP4.
  if (formats.includes('mp4') || formats.includes('mov')) {
    return extension === '3gp' || extension === '3gpp' || codec.startsWith('amr')
      ? 'audio/3gpp'
      : 'audio/mp4';
  }
  return EXTENSION_TYPES[extension] ?? 'application/octet-stream';
}

const EXTENSION_TYPES: Record<string, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg; codecs=opus',
  oga: 'audio/ogg',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  amr: 'audio/amr',
  '3gp': 'audio/3gpp',
  flac: 'audio/flac',
  webm: 'audio/webm',
};
