import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The instance's Ed25519 key pair that signs evidence bundles. Created on first use in
 * config.keysDir (folder 0700, private key 0600) and never replaced: a court compares the
 * fingerprint of a bundle's key with the one published when the key was made, so a second key
 * would make every earlier bundle look foreign. Creation is atomic: the key is written to a
 * temporary file and hard-linked under its final name, which fails if another process got
 * there first; the loser then reads the winner's key.
 */

const PRIVATE_KEY_FILE = 'evidence-signing-key.pem';
const PUBLIC_KEY_FILE = 'evidence-signing-key.pub.pem';

export interface SigningKey {
  privateKey: KeyObject;
  /** SPKI PEM of the public key, as shipped in every bundle (public-key.pem). */
  publicKeyPem: string;
  /** Lower-case hex SHA-256 of the DER SPKI bytes: the key's published fingerprint. */
  fingerprint: string;
  /** Where the private key lives. */
  privateKeyPath: string;
}

export class SigningKeyError extends Error {}

/** SHA-256 (hex) of a public key's DER SPKI bytes. */
export function publicKeyFingerprint(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha256').update(der).digest('hex');
}

/** The key pair, made on first use; `onCreated` hears of a key made by this call. */
export function loadOrCreateSigningKey(keysDir: string, onCreated?: (key: SigningKey) => void): SigningKey {
  const privateKeyPath = path.join(keysDir, PRIVATE_KEY_FILE);
  if (!fs.existsSync(privateKeyPath)) {
    if (createKey(keysDir, privateKeyPath)) {
      const key = readKey(keysDir, privateKeyPath);
      onCreated?.(key);
      return key;
    }
  }
  return readKey(keysDir, privateKeyPath);
}

/** The existing key, or undefined before the first export (read-only: makes nothing). */
export function existingSigningKey(keysDir: string): SigningKey | undefined {
  const privateKeyPath = path.join(keysDir, PRIVATE_KEY_FILE);
  return fs.existsSync(privateKeyPath) ? readKey(keysDir, privateKeyPath) : undefined;
}

/** Writes a new key under its final name unless one is there; true when this call made it. */
function createKey(keysDir: string, privateKeyPath: string): boolean {
  fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(keysDir, 0o700);
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  const temporary = path.join(keysDir, `.${PRIVATE_KEY_FILE}.${process.pid}.${crypto.randomUUID()}`);
  fs.writeFileSync(temporary, pem, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temporary, privateKeyPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

function readKey(keysDir: string, privateKeyPath: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = crypto.createPrivateKey(fs.readFileSync(privateKeyPath));
  } catch (error) {
    throw new SigningKeyError(
      `The evidence signing key ${privateKeyPath} cannot be read (${(error as Error).message}); ` +
        'it is never replaced automatically: restore it from a backup.',
    );
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(`The evidence signing key ${privateKeyPath} is not an Ed25519 key.`);
  }
  const publicKey = crypto.createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  storePublicKey(keysDir, publicKeyPem);
  return { privateKey, publicKeyPem, fingerprint: publicKeyFingerprint(publicKey), privateKeyPath };
}

/** The public half beside the private one, for whoever publishes the fingerprint. */
function storePublicKey(keysDir: string, publicKeyPem: string): void {
  const file = path.join(keysDir, PUBLIC_KEY_FILE);
  try {
    if (fs.readFileSync(file, 'utf8') === publicKeyPem) return;
  } catch {
    // not written yet
  }
  try {
    fs.writeFileSync(file, publicKeyPem, { mode: 0o644 });
  } catch {
    // A read-only keys folder still signs; the public key ships in every bundle anyway.
  }
}

/** Ed25519 signature (base64, one line) over the exact bytes given. */
export function signBytes(key: SigningKey, bytes: Buffer): string {
  return crypto.sign(null, bytes, key.privateKey).toString('base64');
}
