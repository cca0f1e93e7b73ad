import fs from 'node:fs';
import type { Command } from 'commander';
import type { LexiconEntry } from '../../analysis/lexicon/lexicon-data.ts';
import { normaliseWord } from '../../analysis/matching/normalise.ts';
import { CATEGORIES, isCategory } from '../../analysis/types.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode, UserError } from '../exit-codes.ts';

/* `earshot lexicon list|show|check`: read and validate the code-word lexicon. No database. */
export function registerLexiconCommand(program: Command, context: CommandContext): void {
  const lexicon = program
    .command('lexicon')
    .description(
      'List, look up and validate the code-word lexicon (src/analysis/lexicon/lexicon.json and lexicon-uk.json)',
    );

  lexicon
    .command('list')
    .description('List entries: id, headword, category, English gloss')
    .option('--category <category>', `only this category (${CATEGORIES.join(', ')})`)
    .option('--json', 'print machine-readable JSON')
    .action(async (options: { category?: string; json?: boolean }) => {
      const { bundledLexicon } = await import('../../analysis/lexicon/lexicon-data.ts');
      const { entries, version } = bundledLexicon();
      if (options.category !== undefined && !isCategory(options.category)) {
        throw new UserError(`unknown category "${options.category}"; known: ${CATEGORIES.join(', ')}`);
      }
      const shown = entries.filter((e) => options.category === undefined || e.category === options.category);
      if (options.json) {
        context.out.write(JSON.stringify({ version, entries: shown }, null, 2) + '\n');
        return;
      }
      for (const e of shown) context.out.write(`${e.id}\t${e.term}\t${e.category}\t${e.gloss}\n`);
      context.out.write(`${shown.length} of ${entries.length} entries (lexicon ${version})\n`);
    });

  lexicon
    .command('show')
    .description('Show one entry, found by id, headword or any variant or inflected form')
    .argument('<term>', 'id, headword, variant or any form of it («двухсотых», «груз-200»)')
    .option('--json', 'print machine-readable JSON')
    .action(async (term: string, options: { json?: boolean }) => {
      const entry = await findEntry(term);
      if (!entry) throw new UserError(`no lexicon entry for "${term}" (try: earshot lexicon list)`);
      context.out.write(options.json ? JSON.stringify(entry, null, 2) + '\n' : formatEntry(entry));
    });

  lexicon
    .command('check')
    .description('Validate the lexicon data; exits 1 naming every problem')
    .option('--file <path>', 'check this lexicon file instead of the bundled one')
    .action(async (options: { file?: string }) => {
      const [{ LEXICON_FILES }, { checkLexicon }] = await Promise.all([
        import('../../analysis/lexicon/lexicon-data.ts'),
        import('../../analysis/lexicon/check-lexicon.ts'),
      ]);
      // Without --file: every bundled file (Russian, then Ukrainian).
      const files = options.file ? [options.file] : [...LEXICON_FILES];
      let failed = false;
      for (const file of files) {
        let json: unknown;
        try {
          json = JSON.parse(fs.readFileSync(file, 'utf8'));
        } catch (error) {
          throw new UserError(`${file}: cannot read lexicon JSON: ${(error as Error).message}`);
        }
        const problems = checkLexicon(json);
        if (problems.length === 0) {
          const count = (json as { entries: unknown[] }).entries.length;
          context.out.write(`lexicon OK: ${count} entries (${file})\n`);
          continue;
        }
        for (const p of problems) context.err.write(`lexicon problem: ${p.message}\n`);
        context.err.write(`${problems.length} problem(s) in ${file}\n`);
        failed = true;
      }
      if (failed) context.setExitCode(ExitCode.SomeRejected);
    });
}

/**
 * By id or headword first, then by what the matcher reads in the term itself, so every form
 * the analyser recognises («двухсотых», «200-х», «е**шить») finds its entry.
 */
async function findEntry(term: string): Promise<LexiconEntry | undefined> {
  const [{ bundledLexicon }, { analyseText }] = await Promise.all([
    import('../../analysis/lexicon/lexicon-data.ts'),
    import('../../analysis/analyse-text.ts'),
  ]);
  const { entries } = bundledLexicon();
  const wanted = normaliseWord(term.trim());
  const direct = entries.find((e) => e.id === wanted || normaliseWord(e.term) === wanted);
  if (direct) return direct;
  const matches = analyseText(term.trim()).matches;
  const whole = matches.find((m) => m.start === 0 && m.end === term.trim().length) ?? matches[0];
  return whole ? entries.find((e) => e.id === whole.termId) : undefined;
}

function formatEntry(e: LexiconEntry): string {
  const lines = [
    `${e.term}  (${e.id})`,
    `  category:  ${e.category}`,
    `  gloss:     ${e.gloss}`,
    `  lemmas:    ${e.lemmas.join('; ') || '-'}`,
    `  variants:  ${e.variants.join('; ') || '-'}`,
  ];
  if (e.numberCode !== undefined) lines.push(`  code:      ${e.numberCode} (in code contexts only)`);
  if (e.countable) lines.push('  counts:    a number before it is a casualty count');
  if (e.context?.ambiguous) {
    const confirm = e.context.confirmedBy?.join(', ');
    lines.push(`  ambiguous: low confidence unless confirmed${confirm ? ` (by: ${confirm})` : ''}`);
  }
  if (e.ambiguity) lines.push(`  notes:     ${e.ambiguity}`);
  lines.push(...e.source.map((s, i) => `  ${i === 0 ? 'source:   ' : '          '} ${s}`));
  return lines.join('\n') + '\n';
}
