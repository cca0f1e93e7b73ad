// Types of the standalone verifier (verify.mjs: plain JavaScript, so that it runs from inside a
// bundle on any Node >= 18 without TypeScript or dependencies).

export declare const BUNDLE_FORMAT: 'earshot-evidence-bundle';
export declare const BUNDLE_FORMAT_VERSION: 1;

export type CheckId = 'manifest' | 'signature' | 'key' | 'order' | 'files' | 'unlisted' | 'custody';

export declare const CHECKS: ReadonlyArray<{ id: CheckId; title: string }>;

export interface VerificationProblem {
  /** Which check found it; 'zip' when the file is not a readable zip. */
  check: CheckId | 'zip';
  /** The bundle path the problem is about (null for an unreadable zip). */
  path: string | null;
  /** What is wrong, in words for a reader who is not a programmer. */
  message: string;
}

export interface VerificationReport {
  ok: boolean;
  /** 0 verified, 1 problems found, 2 not a readable zip. */
  exitCode: 0 | 1 | 2;
  /** The last line of the printed report: "VERIFIED: …" or "NOT VERIFIED: …". */
  verdict: string;
  bundle: {
    path: string;
    readable: boolean;
    kind: 'zip' | 'folder' | null;
    sizeBytes: number | null;
    entries: number | null;
    zip64: boolean;
  };
  manifest: {
    createdAt: string | null;
    createdBy: { userId: string | null; name: string } | null;
    software: { name: string; version: string } | null;
    scope: { recordings: string[] } | { collection: string } | null;
    recordings: number;
    files: number;
  } | null;
  key: {
    /** SHA-256 (hex) of the DER SPKI bytes of public-key.pem; null when missing or unreadable. */
    fingerprint: string | null;
    manifestNames: string | null;
    expected: string | null;
    matchesExpected: boolean | null;
  };
  checks: Array<{ id: CheckId; title: string; ok: boolean }>;
  problems: VerificationProblem[];
}

export interface VerifyOptions {
  /** The fingerprint the publishing organisation gave out (hex; spaces and colons ignored). */
  expectKey?: string | null;
  /** Called after each listed file is hashed. */
  onFile?: (path: string) => void;
}

/** Verifies a bundle (.zip, or the folder of an unpacked one); never throws for a bad bundle. */
export declare function verifyBundle(
  bundlePath: string,
  options?: VerifyOptions,
): Promise<VerificationReport>;

/** The report as a person reads it; its last line is the verdict. */
export declare function formatReport(report: VerificationReport): string;

/** RFC 8785 canonical JSON, as the audit log hashes its entries. */
export declare function canonicalJson(value: unknown): string;

/** The hash of one audit_log row (as exported, snake_case columns), as src/audit/audit-log.ts computes it. */
export declare function auditEntryHash(row: Record<string, unknown>): string;

export declare function normaliseFingerprint(text: string): string;

/** The command line: returns the exit code. */
export declare function main(
  argv: string[],
  out?: NodeJS.WritableStream,
  err?: NodeJS.WritableStream,
): Promise<number>;

export declare class UnreadableBundleError extends Error {}
