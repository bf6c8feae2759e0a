/**
 * The texts read from disk (shared/text-files.ts) are found in a bundle's layout: a bundle
 * built with the CDK app's options into a folder far from the source tree, with the files
 * EXTRA_FILES copies beside it, serves the same questionnaires and bank as the source tree;
 * without them it fails rather than falling back on the source tree.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, readsTexts } from '#infra/build';
import { TEXT_FILES } from '#infra/stacks/extra-files';
import { bankTextsCy, getBank } from '#bank/index';
import { interviewSetCyFor, interviewSetFor } from '#bank/interviews';
import { getQuestionnaire, getQuestionnaireVersion, summaryPhrasesCyFor, summaryPhrasesFor } from '#questionnaires/index';
import { fixedAppendicesFor } from '#bank/appendices';

const ROOT = new URL('../../', import.meta.url).pathname;
type Entry = typeof import('#bench/texts-entry');

let dir: string;
let bare: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'omi-texts-'));
  const result = await bundle(join(ROOT, 'bench/texts-entry.ts'), join(dir, 'with'));
  expect(readsTexts(result.metafile)).toBe(true);
  cpSync(join(ROOT, TEXT_FILES.from), join(dir, 'with', TEXT_FILES.to), { recursive: true });
  await bundle(join(ROOT, 'bench/texts-entry.ts'), join(dir, 'without'));
  bare = join(dir, 'without');
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const load = (folder: string): Promise<Entry> => import(pathToFileURL(join(folder, 'index.mjs')).href);

describe('texts beside a bundle', () => {
  it('are read from ./texts/ next to index.mjs, and equal the source tree', async () => {
    const built = await load(join(dir, 'with'));
    expect(built.getQuestionnaire('victim', 'cy')).toEqual(getQuestionnaire('victim', 'cy'));
    expect(built.getQuestionnaireVersion('offender-2008.1', 'en')).toEqual(getQuestionnaireVersion('offender-2008.1', 'en'));
    expect(built.summaryPhrasesFor('sentencer')).toEqual(summaryPhrasesFor('sentencer'));
    expect(built.getBank('omi-2008.1')).toEqual(getBank('omi-2008.1'));
    expect(built.interviewSetFor('omi-2008.1')).toEqual(interviewSetFor('omi-2008.1'));
    expect(built.fixedAppendicesFor('omi-2008.1')).toEqual(fixedAppendicesFor('omi-2008.1'));
    // The Welsh beside the English: the bank's questions, the interview set, the service users' sentences.
    expect(built.bankTextsCy('omi-2008.1')).toEqual(bankTextsCy('omi-2008.1'));
    expect(built.interviewSetCyFor('omi-2008.1')).toEqual(interviewSetCyFor('omi-2008.1'));
    expect(built.summaryPhrasesCyFor('victim')).toEqual(summaryPhrasesCyFor('victim'));
    expect(built.getQuestionnaireVersion('../../package', 'en')).toBeUndefined();
  });

  it('are missed loudly when not copied (no fallback on the source tree)', async () => {
    const built = await load(bare);
    expect(() => built.getQuestionnaire('victim', 'en')).toThrow(/ENOENT/);
    expect(() => built.getBank('omi-2008.1')).toThrow(/ENOENT/);
    expect(() => built.fixedAppendicesFor('omi-2008.1')).toThrow(/ENOENT/);
    expect(() => built.bankTextsCy('omi-2008.1')).toThrow(/ENOENT/);
  });
});
