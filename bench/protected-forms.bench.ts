// Protected-identity matcher speed: `npm run bench:forms [-- --identities 1000 --words 100000]`.
// Builds a register of people (first name, patronymic, surname from small pools, so names
// repeat as in a real register), towns and phone numbers, times building their forms and the
// matcher, then times findMentions over a text of ordinary intercept Russian with some of the
// register's names, towns and numbers mixed in, and the leak check over ten copies of that text
// in one file (read in 1 MiB chunks). Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildIdentityMatcher } from '../src/publication/forms/identity-matcher.ts';
import { protectedForms } from '../src/publication/forms/protected-forms.ts';
import { scanExportFiles } from '../src/publication/leak-check/scan-export.ts';
import type { ProtectedIdentity } from '../src/publication/protected-identity.ts';

const { values: args } = parseArgs({
  options: { identities: { type: 'string', default: '1000' }, words: { type: 'string', default: '100000' } },
});
const identityCount = Number(args.identities);
const wordCount = Number(args.words);

const FIRST = [
  'Дмитрий',
  'Александр',
  'Николай',
  'Сергей',
  'Андрей',
  'Иван',
  'Михаил',
  'Юрий',
  'Павел',
  'Евгений',
];
const PATRONYMIC = ['Петрович', 'Иванович', 'Сергеевич', 'Александрович', 'Николаевич'];
const SURNAME_STEMS = [
  'Ковал',
  'Петр',
  'Иван',
  'Сидор',
  'Кузнец',
  'Мороз',
  'Бондар',
  'Ткач',
  'Шевч',
  'Мельник',
];
const SURNAME_ENDINGS = ['енко', 'ов', 'ук', 'ский', 'ин'];
const TOWNS = ['Купянск', 'Русская Лозовая', 'Харьков', 'Изюм', 'Белгород', 'Валуйки', 'Лиман', 'Сватово'];
const FILLER =
  'ну короче я тебе говорю там всё нормально мы стоим на позиции завтра поедем обратно скажи маме что всё хорошо связи нет'.split(
    ' ',
  );

function register(): ProtectedIdentity[] {
  const out: ProtectedIdentity[] = [];
  for (let i = 0; i < identityCount; i++) {
    const base = { id: `i${i}`, collectionId: 'c', pseudonym: `P${i}` };
    if (i % 10 === 8)
      out.push({ ...base, kind: 'place', label: `${TOWNS[i % TOWNS.length]}${i > 80 ? `-${i}` : ''}` });
    else if (i % 10 === 9)
      out.push({ ...base, kind: 'phone', label: `+7916${String(1_000_000 + i).slice(1)}` });
    else {
      const firstName = FIRST[i % FIRST.length]!;
      const patronymic = PATRONYMIC[(i >> 1) % PATRONYMIC.length]!;
      const surname = `${SURNAME_STEMS[i % SURNAME_STEMS.length]}${SURNAME_ENDINGS[(i >> 2) % 5]}${i >= 50 ? `ц${i}` : ''}`;
      out.push({
        ...base,
        kind: 'person',
        label: `${firstName} ${surname}`,
        person: { firstName, patronymic, surname },
      });
    }
  }
  return out;
}

function corpus(): string {
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) {
    if (i % 500 === 0) words.push('Дмитрию Коваленко');
    else if (i % 700 === 0) words.push('из Купянска');
    else if (i % 900 === 0) words.push('восемь девятьсот шестнадцать ноль ноль ноль ноль ноль девять');
    else words.push(FILLER[i % FILLER.length]!);
  }
  return words.join(' ');
}

const identities = register();
let started = performance.now();
let formCount = 0;
for (const identity of identities) formCount += protectedForms(identity).length;
const formsMs = performance.now() - started;
started = performance.now();
const matcher = buildIdentityMatcher(identities);
const buildMs = performance.now() - started;
const text = corpus();
matcher.findMentions(text.slice(0, 10_000));
const runs = 5;
started = performance.now();
let mentions = 0;
for (let run = 0; run < runs; run++) mentions = matcher.findMentions(text).length;
const searchMs = (performance.now() - started) / runs;
const memoryMb = process.memoryUsage().heapUsed / 1024 / 1024;

console.log(
  `identities: ${identities.length}, forms: ${formCount} (${(formCount / identities.length).toFixed(0)} each)`,
);
console.log(
  `forms of every identity (first run, Az dictionaries loading included): ${formsMs.toFixed(0)} ms`,
);
console.log(`buildIdentityMatcher (forms again, then trie): ${buildMs.toFixed(0)} ms`);
console.log(
  `findMentions over ${wordCount} words (${text.length} characters): ${searchMs.toFixed(1)} ms, ${mentions} mentions`,
);
console.log(`heap used: ${memoryMb.toFixed(0)} MB`);

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-forms-'));
try {
  const file = path.join(folder, 'transcript.txt');
  fs.writeFileSync(file, Array.from({ length: 10 }, () => text).join('\n'));
  const bytes = fs.statSync(file).size;
  started = performance.now();
  const hits = await scanExportFiles(folder, matcher);
  const scanMs = performance.now() - started;
  console.log(
    `scanExportFiles over ${(bytes / 1024 / 1024).toFixed(1)} MiB of text: ${scanMs.toFixed(0)} ms ` +
      `(${(bytes / 1024 / 1024 / (scanMs / 1000)).toFixed(1)} MiB/s), ${hits.length} hits`,
  );
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
