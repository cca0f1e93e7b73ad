#!/usr/bin/env node
// Entry point for `npx earshot`. The sources are TypeScript run through tsx, so a fresh clone
// needs no build step: register tsx's loader, then hand over to the CLI.
import { register } from 'tsx/esm/api';
import { register as registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

register();
// Registered after tsx, so it runs first: see the file for why.
registerHooks('./commonjs-builds.mjs', import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { main } = await import(path.join(root, 'src', 'cli', 'main.ts'));
process.exitCode = await main(process.argv);
