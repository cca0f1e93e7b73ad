// Placeholder: the standalone bundle verifier (plain Node, no dependencies) is written by the
// verifier part of issue 13 and replaces this file. It is copied verbatim into every evidence
// bundle as verify.mjs.
export async function verifyBundle() {
  throw new Error('verify.mjs is not written yet');
}
