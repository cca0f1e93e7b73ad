import path from 'node:path';
import { MAJOR_CATEGORIES } from '../../eval/analysis/report.ts';
import { analyseText } from '../../src/analysis/analyse-text.ts';
import { COUNTED_CONFIDENCE } from '../../src/analysis/types.ts';
import { CORPUS_DIR, readCorpusDirectory } from './corpus-format.ts';

/**
 * `npx tsx tools/analysis-corpus/lexicon-coverage.ts`: how much of the corpus the lexicon alone
 * misses. Per major category, the written Russian sentences labelled with it that the analyser does
 * not flag with it (confidence ≥ 0.5): meaning said in other words, what the classifier is for.
 * Also how many hard negatives the lexicon flags with the category they are negative for.
 */

const count = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);
const positives = new Map<string, number>();
const unseen = new Map<string, number>();
const negatives = new Map<string, number>();
const flaggedNegatives = new Map<string, number>();
for (const lines of readCorpusDirectory(path.join(process.cwd(), CORPUS_DIR)).values()) {
  for (const line of lines.filter((l) => l.style === 'written' && l.lang === 'ru')) {
    const flagged = new Set<string>(
      analyseText(line.text)
        .matches.filter((match) => match.confidence >= COUNTED_CONFIDENCE)
        .map((match) => match.category),
    );
    for (const category of line.labels) {
      count(positives, category);
      if (!flagged.has(category)) count(unseen, category);
    }
    for (const category of line.hardNegativeFor) {
      count(negatives, category);
      if (flagged.has(category)) count(flaggedNegatives, category);
    }
  }
}
console.log('| category | positives | lexicon does not flag | hard negatives | lexicon flags |');
console.log('| --- | ---: | ---: | ---: | ---: |');
let all = 0;
let allUnseen = 0;
for (const category of MAJOR_CATEGORIES) {
  const p = positives.get(category) ?? 0;
  const u = unseen.get(category) ?? 0;
  all += p;
  allUnseen += u;
  const share = p > 0 ? Math.round((100 * u) / p) : 0;
  console.log(
    `| ${category} | ${p} | ${u} (${share} %) | ${negatives.get(category) ?? 0} | ${flaggedNegatives.get(category) ?? 0} |`,
  );
}
console.log(`| all major | ${all} | ${allUnseen} (${Math.round((100 * allUnseen) / all)} %) | | |`);
