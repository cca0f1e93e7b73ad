import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { MediaDecodeError } from '../../media/transcode.ts';
import { ModelError } from '../../models/model-store.ts';
import type { FileTranscription } from '../../speech/transcribe-file.ts';
import type { SegmentTranslator } from '../../translation/segment-translator.ts';
import type { SegmentTranslation } from '../../translation/translator.ts';
import type { CommandContext } from '../command-context.ts';
import { UserError } from '../exit-codes.ts';

interface TranscribeOptions {
  model?: string;
  vad?: string;
  threads?: string;
  json?: boolean;
  translate?: boolean;
  translationModel?: string;
}

/** What --json prints per segment under --translate: always machine output, always traceable. */
interface SegmentTranslationSummary {
  text: string | null;
  model: string | null;
  modelSha256: string | null;
  status: SegmentTranslation['status'];
}

type TranslatedTranscription = Omit<FileTranscription, 'segments'> & {
  segments: (FileTranscription['segments'][number] & { translation?: SegmentTranslationSummary })[];
};

export function registerTranscribeCommand(program: Command, context: CommandContext): void {
  program
    .command('transcribe')
    .description('Transcribe one audio file without ingesting it (decode, VAD, recognition per lane)')
    .argument('<file>', 'audio file (any format ffmpeg reads)')
    .option('--model <name>', 'recogniser model (default: EARSHOT_ASR_MODEL)')
    .option('--vad <name>', 'VAD model: silero-vad-v6.2 or silero-vad-v5 (default: EARSHOT_VAD_MODEL)')
    .option('--threads <n>', 'CPU threads per engine (default: EARSHOT_SPEECH_THREADS)')
    .option('--json', 'print machine-readable JSON')
    .option('--translate', 'add a machine translation into English under each segment')
    .option('--translation-model <name>', 'translation model (default: EARSHOT_TRANSLATION_MODEL)')
    .action(async (file: string, options: TranscribeOptions) => {
      const [{ decodeFileChannels, transcribeFile }, { openSegmentTranslator }] = await Promise.all([
        import('../../speech/transcribe-file.ts'),
        import('../../translation/segment-translator.ts'),
      ]);
      const config = context.config();
      const input = path.resolve(file);
      if (!fs.existsSync(input) || !fs.statSync(input).isFile()) throw new UserError(`no such file: ${file}`);
      const threads = options.threads === undefined ? config.speechThreads : Number(options.threads);
      if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
        throw new UserError(`--threads must be a whole number from 1 to 64, got "${options.threads}"`);
      }
      // Locate the translation model before recognition so a missing one is reported at once;
      // its engine only loads on first use, so nothing needs closing if recognition fails.
      // Whisper translates from the audio: it decodes the file once more (the transcription's
      // working copies are gone by then).
      const translator = options.translate
        ? await openSegmentTranslator(
            {
              modelsDir: config.modelsDir,
              model: options.translationModel ?? config.translationModel,
              threads,
              whisperBuild: config.whisperBuild,
              loadAudio: () => decodeFileChannels(input),
            },
            (message) => new UserError(message),
          ).catch((error: unknown) => {
            throw error instanceof ModelError ? new UserError(error.message) : error;
          })
        : undefined;
      let transcription: TranslatedTranscription;
      try {
        transcription = await transcribeFile({
          file: input,
          modelsDir: config.modelsDir,
          threads,
          whisperBuild: config.whisperBuild,
          asrModel: options.model ?? config.asrModel,
          vadModel: options.vad ?? config.vadModel,
        });
      } catch (error) {
        if (error instanceof ModelError) {
          throw new UserError(error.message);
        }
        if (error instanceof MediaDecodeError) throw new UserError(`${file}: ${error.message}`);
        throw error;
      }
      if (translator) {
        try {
          transcription = await translateSegments(transcription, translator);
        } finally {
          await translator.close();
        }
      }
      context.out.write(
        options.json ? JSON.stringify(transcription, null, 2) + '\n' : formatText(transcription),
      );
    });
}

async function translateSegments(
  transcription: FileTranscription,
  translator: SegmentTranslator,
): Promise<TranslatedTranscription> {
  const translations = await translator.translate(
    transcription.segments.map((s, index) => ({
      id: index,
      text: s.text,
      language: s.language,
      channel: s.channel,
      start: s.start,
      end: s.end,
    })),
  );
  return {
    ...transcription,
    segments: transcription.segments.map((segment, index) => {
      const t = translations[index]!;
      return {
        ...segment,
        translation: { text: t.text, model: t.model, modelSha256: t.modelSha256, status: t.status },
      };
    }),
  };
}

function formatTranslation(t: SegmentTranslationSummary | undefined, indent: string): string {
  if (!t || t.status === 'empty-source') return '';
  if (t.status !== 'translated') return `\n${indent}(not translated: ${t.status})`;
  return `\n${indent}EN, machine translation (${t.model}): ${t.text}`;
}

/** mm:ss.s (hours are added when a recording is that long). */
function formatClock(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const h = Math.floor(tenths / 36_000);
  const m = Math.floor((tenths % 36_000) / 600);
  const s = (tenths % 600) / 10;
  const mmss = `${String(m).padStart(2, '0')}:${s.toFixed(1).padStart(4, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

function formatText(t: TranslatedTranscription): string {
  const lanes = [...new Set(t.segments.map((s) => s.lane))];
  const header =
    `${path.basename(t.file)}: ${t.channels} channel${t.channels === 1 ? '' : 's'}, ` +
    `${t.durationSeconds.toFixed(1)} s. Machine transcript (unreviewed): ${t.recogniser.model}, ` +
    `VAD ${t.vad.model}` +
    (t.channels === 1 && !t.diarisation.used ? `; one lane, speaker unknown (${t.diarisation.reason})` : '') +
    '\n';
  if (t.segments.length === 0) return header + 'No speech found.\n';
  const width = Math.max(...lanes.map((l) => l.length));
  const lines = t.segments.map(
    (s) =>
      `[${formatClock(s.start)}–${formatClock(s.end)}] ${s.lane.padEnd(width)}  ${s.text}` +
      formatTranslation(s.translation, ' '.repeat(17 + width)),
  );
  return header + lines.join('\n') + '\n';
}
