import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Bytes } from '../runtime/file-hash.ts';

/** 32 random bytes, URL-safe: session cookies, CSRF tokens and one-time sign-in links. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored for a token: its SHA-256, so a copy of the database signs nobody in. */
export function tokenDigest(token: string): string {
  return sha256Bytes(token);
}

/** Constant-time comparison of two tokens (a CSRF header against the session's). */
export function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
