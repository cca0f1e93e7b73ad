import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEXICON_FILE } from '../../analysis/lexicon/lexicon-data.ts';
import { runEarshot, type CliResult } from '../../../test/helpers/cli-in-process.ts';

let root: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-cli-lexicon-'));
  // No DATABASE_URL and no data: the lexicon commands need neither.
  env = { EARSHOT_DATA_DIR: path.join(root, 'data') };
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const earshot = (...args: string[]): Promise<CliResult> => runEarshot(env, ...args);

describe('earshot lexicon', () => {
  it('lists entries, filtered by category, as text or JSON', async () => {
    const all = await earshot('lexicon', 'list');
    expect(all.code).toBe(0);
    expect(all.out).toMatch(/^dvukhsotyi\tдвухсотый\tcasualties_killed\t/m);
    const killed = await earshot('lexicon', 'list', '--category', 'casualties_killed', '--json');
    const parsed = JSON.parse(killed.out) as { version: string; entries: Array<{ category: string }> };
    expect(parsed.version).toMatch(/^[0-9a-f]{12}$/);
    expect(parsed.entries.length).toBeGreaterThan(3);
    expect(new Set(parsed.entries.map((e) => e.category))).toEqual(new Set(['casualties_killed']));
  });

  it('rejects an unknown category', async () => {
    const result = await earshot('lexicon', 'list', '--category', 'killed');
    expect(result.code).toBe(2);
    expect(result.err).toContain('unknown category "killed"');
  });

  it('shows an entry by id, headword, variant or inflected form', async () => {
    for (const term of ['dvukhsotyi', 'Двухсотый', 'двухсотых', '200-х']) {
      const result = await earshot('lexicon', 'show', term);
      expect(result.code, term).toBe(0);
      expect(result.out, term).toMatch(/^двухсотый {2}\(dvukhsotyi\)/);
      expect(result.out).toContain('code:      200');
    }
    const json = await earshot('lexicon', 'show', 'груз-200', '--json');
    expect((JSON.parse(json.out) as { id: string }).id).toBe('gruz-200');
    const missing = await earshot('lexicon', 'show', 'самовар');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no lexicon entry for "самовар"');
  });

  it('checks the bundled lexicon and names the problems of a broken one', async () => {
    const ok = await earshot('lexicon', 'check');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^lexicon OK: \d+ entries/);

    const data = JSON.parse(fs.readFileSync(LEXICON_FILE, 'utf8')) as {
      entries: Array<Record<string, unknown>>;
    };
    const [first, second, third] = data.entries;
    second!.id = first!.id;
    second!.category = 'killed';
    second!.source = [];
    second!.gloss = ' ';
    second!.variants = [...(second!.variants as string[]), '!!!'];
    third!.variants = [...(third!.variants as string[]), (first!.variants as string[])[0]!];
    const broken = path.join(root, 'broken.json');
    fs.writeFileSync(broken, JSON.stringify(data));
    const result = await earshot('lexicon', 'check', '--file', broken);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${first!.id as string}: duplicate id`);
    expect(result.err).toContain('unknown category "killed"');
    expect(result.err).toContain('missing source');
    expect(result.err).toContain('missing English gloss');
    expect(result.err).toContain('variant "!!!" has no words after normalisation');
    expect(result.err).toContain(
      `${third!.id as string}: variant "${(first!.variants as string[])[0]!}" also belongs to`,
    );
  });

  it('reports unreadable lexicon files', async () => {
    const bad = path.join(root, 'bad.json');
    fs.writeFileSync(bad, '{ not json');
    const result = await earshot('lexicon', 'check', '--file', bad);
    expect(result.code).toBe(2);
    expect(result.err).toContain('cannot read lexicon JSON');
  });
});
