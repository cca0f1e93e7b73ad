import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The one loader of Az.js (Russian morphology with the OpenCorpora dictionaries shipped in the
 * `az` package). The matcher and the entity extractor both ask it for `Morph`, so the
 * dictionaries (tens of MB) are read once per process, on the first word parsed, and never by a
 * command that analyses nothing.
 *
 * Az only offers an asynchronous `Morph.init`, but analysis is synchronous (it runs inside
 * `analyseText`), so the dictionaries are read synchronously: Az reads every file through its
 * public `Az.load` hook, which is replaced with a reader that queues the callbacks and runs them
 * once `init` has registered all of its loads (running them inline would finish Az's load
 * counter early).
 */

/** The part of an Az.js tag that callers read: part of speech and grammemes as flags. */
export interface AzTag {
  readonly POST?: string;
  readonly POS?: string;
  readonly Anum?: boolean;
  readonly [grammeme: string]: unknown;
  toString(): string;
}

export interface AzParse {
  /** The form parsed; for a normalised parse, the dictionary form without a known prefix. */
  readonly word: string;
  readonly tag: AzTag;
  readonly score: number;
  /**
   * The dictionary form (false when Az cannot build one); its `toString()` keeps a known prefix
   * that `.word` drops («само|ранение»).
   */
  normalize(keepPartOfSpeech?: boolean): AzParse | false;
  /** The same word with these grammemes (e.g. ['gent']); false when Az cannot build it. */
  inflect(grammemes: string[]): AzParse | false;
  toString(): string;
}

export interface AzMorphConfig {
  ignoreCase?: boolean;
  parsers?: string[];
}

export type AzMorph = (word: string, config?: AzMorphConfig) => AzParse[];

type LoadCallback = (error: Error | null, data?: unknown) => void;

interface AzModule {
  load(url: string, responseType: string, callback: LoadCallback): void;
  Morph: AzMorph & { init(dictionaryPath: string, callback: (error: Error | null) => void): void };
}

let morph: AzMorph | undefined;

/** Az.js's `Morph`, its dictionaries loaded on the first call and kept for the process. */
export function azMorph(): AzMorph {
  morph ??= loadAzSynchronously();
  return morph;
}

function loadAzSynchronously(): AzMorph {
  const require = createRequire(import.meta.url);
  const az = require('az') as AzModule;
  const dictionaries = path.join(path.dirname(require.resolve('az/package.json')), 'dicts');
  const pending: Array<() => void> = [];
  az.load = (url, responseType, callback) => {
    pending.push(() => {
      const bytes = fs.readFileSync(url);
      if (responseType === 'json') callback(null, JSON.parse(bytes.toString('utf8')) as unknown);
      else callback(null, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    });
  };
  const outcome: { error: Error | null; ready: boolean } = { error: null, ready: false };
  az.Morph.init(dictionaries, (error) => {
    outcome.error = error;
    outcome.ready = true;
  });
  while (pending.length > 0) pending.shift()?.();
  if (outcome.error) {
    throw new Error(`could not load the Az.js dictionaries from ${dictionaries}: ${String(outcome.error)}`);
  }
  if (!outcome.ready) throw new Error('Az.js morphology did not finish loading its dictionaries');
  return az.Morph;
}
