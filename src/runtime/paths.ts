import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or installed package) root: where demo/ and web/dist live. */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
