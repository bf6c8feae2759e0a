/**
 * `npm run texts`: writes shared/texts/ (read at run time by shared/text-files.ts) from the
 * TypeScript the texts are authored in, where the compiler checks them: the questionnaires in
 * English and Welsh side by side (shared/questionnaires/<audience>.ts, every version) and each
 * question bank: its criteria, its questions' structure, their texts and its interview set
 * (shared/bank/<version>.criteria.ts, .structure.ts, .ts, interviews-<version>.ts) and the report's fixed
 * appendices published with it (appendices-<version>.ts). test/unit/texts.test.ts fails when a file
 * here is stale, missing or left over.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appendices2008_1 } from '#bank/appendices-2008.1';
import { interviews2008_1 } from '#bank/interviews-2008.1';
import { interviews2008_1Cy } from '#bank/interviews-2008.1.cy';
import { omi2008_1TextsCy } from '#bank/omi-2008.1.cy';
import { omi2008_1Texts } from '#bank/omi-2008.1';
import { omi2008_1Criteria } from '#bank/omi-2008.1.criteria';
import { omi2008_1Structure } from '#bank/omi-2008.1.structure';
import * as offender from '#questionnaires/offender';
import { summaryPhrasesCyByAudience } from '#questionnaires/phrases-cy';
import * as sentencer from '#questionnaires/sentencer';
import * as victim from '#questionnaires/victim';
import { summaryPhrasesOf } from '#schemas/questionnaire';

export const TEXTS_DIR = fileURLToPath(new URL('../shared/texts/', import.meta.url));

/** Every text file, by its path under shared/texts/, with its contents. */
export function textFiles(): Map<string, string> {
  const files = new Map<string, unknown>();
  for (const audience of [offender, victim, sentencer]) {
    for (const { en, cy } of audience.versions) {
      files.set(`questionnaires/${en.version}.en.json`, en);
      files.set(`questionnaires/${cy.version}.cy.json`, cy);
    }
    files.set(`questionnaires/${audience.source.version}.phrases.json`, summaryPhrasesOf(audience.source));
    files.set(`questionnaires/${audience.source.version}.phrases.cy.json`, summaryPhrasesCyByAudience[audience.source.audience]);
  }
  files.set('bank/omi-2008.1.criteria.json', omi2008_1Criteria);
  files.set('bank/omi-2008.1.questions.json', omi2008_1Structure.questions);
  files.set('bank/omi-2008.1.texts.json', omi2008_1Texts);
  files.set('bank/omi-2008.1.interviews.json', interviews2008_1);
  files.set('bank/omi-2008.1.appendices.json', appendices2008_1);
  files.set('bank/omi-2008.1.texts.cy.json', omi2008_1TextsCy);
  files.set('bank/omi-2008.1.interviews.cy.json', interviews2008_1Cy);
  return new Map([...files].map(([path, value]) => [path, `${JSON.stringify(value)}\n`]));
}

/** The paths of the files now under shared/texts/. */
export function writtenTextFiles(dir = TEXTS_DIR): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [relative(dir, join(d, e.name))]));
  return walk(dir).sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  rmSync(TEXTS_DIR, { recursive: true, force: true });
  for (const [path, text] of textFiles()) {
    mkdirSync(dirname(join(TEXTS_DIR, path)), { recursive: true });
    writeFileSync(join(TEXTS_DIR, path), text);
  }
  console.log(`wrote ${textFiles().size} files to ${relative(process.cwd(), TEXTS_DIR)}`);
}
