// npm postinstall: lets every user run the bundled ffmpeg and ffprobe.
//
// @ffprobe-installer/linux-x64 ships ffprobe as 0744 and its own postinstall only does
// `chmod u+x`, so when one account installs Earshot (root, or an admin) and another runs it (a
// dedicated `earshot` user, as the README advises), ffprobe cannot be executed and every ingest
// stops. Whoever can read the binary may execute it: that is all this adds. Never fails the
// install: a platform without these packages, or files owned by someone else, are left as they are.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

for (const name of ['@ffmpeg-installer/ffmpeg', '@ffprobe-installer/ffprobe']) {
  try {
    const binary = require(name).path;
    const mode = fs.statSync(binary).mode & 0o777;
    // Execute for each class that may read it (r bit 0o4 → x bit 0o1, per class).
    const executable = mode | ((mode & 0o444) >> 2);
    if (executable !== mode) fs.chmodSync(binary, executable);
  } catch (error) {
    console.warn(
      `earshot postinstall: ${name} left as it is (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
