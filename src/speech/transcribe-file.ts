import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeWorkingCopies } from '../media/transcode.ts';
import {
  dominantLanguage,
  transcribeRecording,
  type DiarisationOutcome,
  type SegmentDraft,
} from './channel-transcription.ts';
import type { ModelPrecision } from './model-location.ts';
import {
  openDiariser,
  openRecogniser,
  openVad,
  type OpenedRecogniser,
  type OpenedVad,
  type SpeechEngineSettings,
} from './speech-engines.ts';
import { DEFAULT_REGION_PADDING, type RegionPadding } from './speech-regions.ts';
import { readMonoPcm16Wav } from './wav-samples.ts';

/** What `earshot transcribe FILE` produces: the same decode → vad → recognise path as the stages. */
export interface FileTranscription {
  file: string;
  channels: number;
  durationSeconds: number;
  recogniser: Pick<OpenedRecogniser, 'model' | 'modelFiles' | 'decoding'>;
  vad: Pick<OpenedVad, 'model' | 'modelFiles' | 'params'>;
  padding: RegionPadding;
  diarisation: DiarisationOutcome;
  language: string;
  segments: SegmentDraft[];
}

export interface TranscribeFileRequest extends SpeechEngineSettings {
  file: string;
  asrModel: string;
  precision?: ModelPrecision;
  vadModel: string;
  padding?: RegionPadding;
}

/**
 * Transcribes one file without ingesting it: working copies go to a temporary folder that is
 * removed afterwards; the file itself is only read.
 */
export async function transcribeFile(request: TranscribeFileRequest): Promise<FileTranscription> {
  // Open the models first: a missing model should be reported before minutes of decoding.
  const vad = openVad(request, request.vadModel);
  const recogniser = openRecogniser(request, request.asrModel, request.precision);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-transcribe-'));
  try {
    const decoded = await makeWorkingCopies({ inputPath: request.file, outputDir: scratch });
    const channels = decoded.copies.map((copy) => ({
      channel: copy.channel,
      ...readMonoPcm16Wav(copy.path),
    }));
    const regionsByChannel = new Map(
      channels.map((c) => [c.channel, vad.detector.detect(c.samples, c.sampleRate)]),
    );
    const diariser = channels.length === 1 ? openDiariser(request) : undefined;
    const padding = request.padding ?? DEFAULT_REGION_PADDING;
    const { segments, diarisation } = await transcribeRecording({
      channels,
      regionsByChannel,
      padding,
      recogniser: recogniser.recogniser,
      language: recogniser.language,
      ...(diariser ? { diariser } : {}),
    });
    return {
      file: request.file,
      channels: channels.length,
      durationSeconds: decoded.copies[0]?.durationSeconds ?? 0,
      recogniser: {
        model: recogniser.model,
        modelFiles: recogniser.modelFiles,
        decoding: recogniser.decoding,
      },
      vad: { model: vad.model, modelFiles: vad.modelFiles, params: vad.params },
      padding,
      diarisation,
      language: dominantLanguage(segments) ?? recogniser.language,
      segments,
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The channels of a file as the decode stage makes them (16 kHz mono), for engines that need the
 * audio again after recognition (Whisper's translate task). The file itself is only read.
 */
export async function decodeFileChannels(
  file: string,
): Promise<{ channel: number; sampleRate: number; samples: Float32Array }[]> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-decode-'));
  try {
    const decoded = await makeWorkingCopies({ inputPath: file, outputDir: scratch });
    return decoded.copies.map((copy) => ({ channel: copy.channel, ...readMonoPcm16Wav(copy.path) }));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
