import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../runtime/paths.ts';
import { existingSigningKey, loadOrCreateSigningKey, signBytes, SigningKeyError } from './signing-key.ts';

// The instance's signing key: made once with private permissions, never replaced, the same key
// for two processes that start at once.

const dirs: string[] = [];
function keysDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-keys-'));
  dirs.push(dir);
  return path.join(dir, 'keys');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A child process that loads (or makes) the key and prints its fingerprint. */
function fingerprintInChild(dir: string): Promise<string> {
  const script =
    `import { loadOrCreateSigningKey } from './src/evidence/signing-key.ts';` +
    `console.log(loadOrCreateSigningKey(${JSON.stringify(dir)}).fingerprint);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repositoryRoot,
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(out)))),
  );
}

describe('the evidence-signing key', () => {
  it('is made on first use, private, and the same key afterwards', () => {
    const dir = keysDir();
    expect(existingSigningKey(dir)).toBeUndefined();
    const made: string[] = [];
    const key = loadOrCreateSigningKey(dir, (k) => made.push(k.fingerprint));
    expect(made).toEqual([key.fingerprint]);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(key.privateKeyPath).mode & 0o777).toBe(0o600);
    const der = crypto.createPublicKey(key.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(key.fingerprint).toBe(crypto.createHash('sha256').update(der).digest('hex'));

    const again = loadOrCreateSigningKey(dir, (k) => made.push(k.fingerprint));
    expect(made).toHaveLength(1);
    expect(again.fingerprint).toBe(key.fingerprint);
    const bytes = Buffer.from('manifest');
    const signature = Buffer.from(signBytes(again, bytes), 'base64');
    expect(crypto.verify(null, bytes, crypto.createPublicKey(key.publicKeyPem), signature)).toBe(true);
  });

  it('is one key when two processes make it at the same moment', async () => {
    const dir = keysDir();
    const [a, b, c] = await Promise.all([
      fingerprintInChild(dir),
      fingerprintInChild(dir),
      fingerprintInChild(dir),
    ]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect([b, c]).toEqual([a, a]);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses a damaged key and never replaces it', () => {
    const dir = keysDir();
    const key = loadOrCreateSigningKey(dir);
    fs.writeFileSync(key.privateKeyPath, 'not a key');
    expect(() => loadOrCreateSigningKey(dir)).toThrow(SigningKeyError);
    expect(() => loadOrCreateSigningKey(dir)).toThrow(/cannot be read .*restore it from a backup/);
    expect(fs.readFileSync(key.privateKeyPath, 'utf8')).toBe('not a key');
  });
});
