import path from 'node:path';
import { repositoryRoot } from '../runtime/paths.ts';

/** The standalone verifier, copied byte for byte into every bundle as verify.mjs. */
export const verifierPath = path.join(repositoryRoot, 'src', 'evidence', 'verify.mjs');
