import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ffprobePath } from '../../media/ffmpeg-binaries.ts';

/**
 * The metadata an audio container carries (ID3 title and artist, RIFF INFO, MP4 and Vorbis
 * comments, per stream and per chapter) as ffprobe reads it. The leak check reads audio only
 * through these: the sound itself is checked by the recogniser, not by reading bytes.
 */

const run = promisify(execFile);

export interface AudioTag {
  /** Where the tag is: "format title", "stream 0 handler_name", "chapter 2 title". */
  tag: string;
  value: string;
}

interface ProbeJson {
  format?: { tags?: Record<string, string> };
  streams?: Array<{ tags?: Record<string, string> }>;
  chapters?: Array<{ tags?: Record<string, string> }>;
}

/** Every tag of a media file; an error naming the file when ffprobe cannot read it. */
export async function audioTags(file: string): Promise<AudioTag[]> {
  let stdout: string;
  try {
    // The file: prefix keeps a name starting with '-' or 'http:' from being read as an option.
    ({ stdout } = await run(
      ffprobePath(),
      [
        '-v',
        'error',
        '-print_format',
        'json',
        '-show_format',
        '-show_streams',
        '-show_chapters',
        `file:${file}`,
      ],
      { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
    ));
  } catch (error) {
    throw new Error(
      `the leak check could not read the container tags of ${file}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const probe = JSON.parse(stdout) as ProbeJson;
  const tags: AudioTag[] = [];
  const add = (where: string, record: Record<string, string> | undefined): void => {
    for (const [key, value] of Object.entries(record ?? {}))
      tags.push({ tag: `${where} ${key}`, value: `${key}=${value}` });
  };
  add('format', probe.format?.tags);
  probe.streams?.forEach((stream, index) => add(`stream ${index}`, stream.tags));
  probe.chapters?.forEach((chapter, index) => add(`chapter ${index}`, chapter.tags));
  return tags;
}
