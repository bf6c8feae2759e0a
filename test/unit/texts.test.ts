/**
 * The texts functions read from disk (shared/texts/, see shared/text-files.ts) against the
 * TypeScript they are authored in: none stale, missing or left over, each in its schema, and
 * their ids exactly those of the structure the bundles carry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXTS_DIR, textFiles, writtenTextFiles } from '#infra/texts';
import { getBank } from '#bank/index';
import { omi2008_1 } from '#bank/omi-2008.1';
import { bankStructureVersions, getBankStructure } from '#bank/structure';
import * as offender from '#questionnaires/offender';
import * as sentencer from '#questionnaires/sentencer';
import * as victim from '#questionnaires/victim';
import { getQuestionnaireVersion, languages, shippedQuestionnaireVersions } from '#questionnaires/index';
import { QuestionnaireDefinition } from '#schemas/questionnaire';
import { readTextFile } from '#shared/text-files';

describe('shared/texts/', () => {
  it('holds exactly what `npm run texts` writes from the sources (run it after changing a text)', () => {
    const expected = textFiles();
    expect(writtenTextFiles()).toEqual([...expected.keys()].sort());
    for (const [path, text] of expected) expect(readFileSync(join(TEXTS_DIR, path), 'utf8'), path).toBe(text);
  });

  it('has a definition in each language for every version shipped, and only those', () => {
    const authored = [offender, victim, sentencer].flatMap((a) => a.versions.map((v) => v.en.version));
    expect([...shippedQuestionnaireVersions].sort()).toEqual(authored.sort());
    for (const version of shippedQuestionnaireVersions) {
      const [en, cy] = languages.map((l) => getQuestionnaireVersion(version, l)!);
      for (const def of [en!, cy!]) expect(QuestionnaireDefinition.safeParse(def).success, `${version} ${def.language}`).toBe(true);
      const shape = (d: QuestionnaireDefinition) => d.questions.map((q) => [q.id, q.type, q.options?.map((o) => o.value), q.showIf]);
      expect(shape(cy!), version).toEqual(shape(en!));
    }
  });

  it('gives every question of each bank a text, and no id the structure lacks', () => {
    for (const version of bankStructureVersions()) {
      const texts = readTextFile(`bank/${version}.texts.json`) as Record<string, string>;
      const ids = getBankStructure(version)!.questions.map((q) => q.id);
      expect(Object.keys(texts).sort(), version).toEqual([...ids].sort());
      for (const q of getBank(version)!.questions) expect(q.text.trim(), q.id).not.toBe('');
      // and the structure read from disk is the one authored (no question or criterion lost on the way).
      expect(getBank(version)).toEqual(version === 'omi-2008.1' ? omi2008_1 : undefined);
    }
  });

  it('names no file from a version that was never shipped', () => {
    for (const version of ['victim-2008.9', '../../package', 'victim-2008.2.en.json/..', '']) {
      expect(getQuestionnaireVersion(version, 'en'), version).toBeUndefined();
    }
    expect(getQuestionnaireVersion('victim-2008.2', 'fr' as 'en')).toBeUndefined();
    expect(() => readTextFile('../package.json')).toThrow(/not a text file path/);
    expect(() => readTextFile('bank/../../package.json')).toThrow(/not a text file path/);
  });
});
