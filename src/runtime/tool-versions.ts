import { createRequire } from 'node:module';
import { mediaToolVersions } from '../media/ffmpeg-binaries.ts';

const require = createRequire(import.meta.url);
const earshotVersion = (require('../../package.json') as { version: string }).version;

/** Versions recorded with every custody event: Earshot itself, Node, and the media tools. */
export function toolVersions(): Record<string, string> {
  return { earshot: earshotVersion, node: process.versions.node, ...mediaToolVersions() };
}
