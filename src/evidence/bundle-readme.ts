import type { ManifestHead } from './bundle-writer.ts';

/** README.txt of a bundle: what it is and how anyone checks it, in plain words. */
export function bundleReadme(head: ManifestHead, fingerprint: string, fileName: string): string {
  const scope =
    'collection' in head.scope
      ? `every call of the collection "${head.scope.collection}"`
      : `${head.recordings.length} call(s) named by id`;
  return [
    'EARSHOT EVIDENCE BUNDLE (format version 1)',
    '',
    `Exported ${head.createdAt} by ${head.createdBy.name} with ${head.software.name} ${head.software.version}:`,
    `${scope}, ${head.recordings.length} call(s) in all.`,
    '',
    'What is inside',
    '  originals/<sha256>      each call exactly as received, named by its SHA-256',
    '  recordings/<id>/        per call: recording.json (metadata as stored), working/ (working copies),',
    '                          transcripts/, translations/, analyses/ (each version, with what made it),',
    '                          custody.json (chain of custody), audit.json (audit log entries about the',
    '                          call), case/ (verification case file and its attachments)',
    '  manifest.json           every file of the bundle with its SHA-256 and size, and for derived files',
    '                          the stage, tool, model, parameters and time that produced them',
    '  manifest.sig            Ed25519 signature over manifest.json',
    '  public-key.pem          the public key of the Earshot instance that signed it',
    '  verify.mjs              a verifier that needs nothing but Node.js 18 or later',
    '',
    'How to verify',
    `  node verify.mjs ${fileName}        (or, in the unpacked folder: node verify.mjs)`,
    `  node verify.mjs ${fileName} --expect-key ${fingerprint}`,
    '',
    `The signing key's fingerprint (SHA-256 of its public key, DER SPKI) is`,
    `  ${fingerprint}`,
    'Compare it with the fingerprint the exporting organisation published: a bundle signed by another',
    'key is not theirs, whatever else checks out.',
    '',
  ].join('\n');
}
