/**
 * The write-up's sections are the whole document (shared/schemas/write-up-sections.ts): put
 * every section of a document into an empty one and it is that document again, whatever it
 * holds; a problem's path in the document is found again in its section's content.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_WRITE_UP, type WriteUp } from '#schemas/write-up';
import { canonicalJson, pathInSection, sectionContent, sectionIds, withSectionContent } from '#schemas/write-up-sections';

const text = fc.string({ minLength: 1, maxLength: 12 });
const criterionId = fc.constantFrom('1.1', '1.2', '2.3', '3.2', '4.1');
const paragraph = fc.record({ text, textCy: fc.option(text, { nil: undefined }) }, { requiredKeys: ['text'] });

const writeUp: fc.Arbitrary<WriteUp> = fc.record(
  {
    summary: fc.array(fc.record({ section: fc.constantFrom('1', '2', '3', '4', 'roh' as const), text }), { maxLength: 3 }),
    criteria: fc.dictionary(
      criterionId,
      fc.record({ strengths: fc.array(fc.oneof(text, fc.record({ text })), { maxLength: 2 }), improvements: fc.array(text, { maxLength: 2 }) }),
    ),
    recommendations: fc.array(fc.record({ text, criteria: fc.array(criterionId, { minLength: 1, maxLength: 2 }) }), { maxLength: 2 }),
    goodPractice: fc.array(fc.record({ title: text, text, criteria: fc.array(criterionId, { minLength: 1, maxLength: 2 }) }), { maxLength: 2 }),
    rohTablesInternal: fc.boolean(),
    sentNotStated: fc.array(fc.constantFrom('offender', 'victim', 'sentencer' as const), { maxLength: 2 }),
    cover: fc.record({ publicationMonth: fc.constant('2008-02') }),
    foreword: fc.record({ paragraphs: fc.array(paragraph, { maxLength: 2 }) }),
    acknowledgements: fc.array(paragraph, { maxLength: 2 }),
    inspectionTeam: fc.array(fc.record({ role: paragraph, names: text }), { maxLength: 2 }),
    abbreviations: fc.array(fc.record({ term: text, meaning: paragraph }), { maxLength: 2 }),
    nextSteps: fc.record({ decision: fc.constantFrom('no-further-inspection', 'further-inspection' as const) }),
  },
  { requiredKeys: ['summary', 'criteria', 'recommendations', 'goodPractice'] },
) as fc.Arbitrary<WriteUp>;

describe('the write-up as sections', () => {
  it('puts a document together again from its sections, whatever it holds', () => {
    fc.assert(
      fc.property(writeUp, (doc) => {
        const rebuilt = sectionIds(Object.keys(doc.criteria)).reduce((w, s) => withSectionContent(w, s, sectionContent(doc, s)), EMPTY_WRITE_UP);
        expect(canonicalJson(rebuilt)).toBe(canonicalJson(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('changes one section and leaves every other as it was', () => {
    fc.assert(
      fc.property(writeUp, writeUp, fc.constantFrom(...sectionIds(['1.1', '1.2', '2.3', '3.2', '4.1'])), (doc, other, section) => {
        const changed = withSectionContent(doc, section, sectionContent(other, section));
        expect(canonicalJson(sectionContent(changed, section))).toBe(canonicalJson(sectionContent(other, section)));
        for (const s of sectionIds(['1.1', '1.2', '2.3', '3.2', '4.1']))
          if (s !== section) expect(canonicalJson(sectionContent(changed, s))).toBe(canonicalJson(sectionContent(doc, s)));
      }),
      { numRuns: 300 },
    );
  });

  it("finds a problem of the document in its section's content", () => {
    expect(pathInSection('criterion-1.2', 'criteria.1.2.strengths.0.drafted.question'.split('.'))).toBe('content.strengths.0.drafted.question');
    expect(pathInSection('criterion-1.2', ['criteria', '1.2'])).toBe('content');
    expect(pathInSection('criterion-1.2', 'criteria.1.3.strengths.0'.split('.'))).toBeUndefined();
    expect(pathInSection('good-practice', ['goodPractice', 1, 'title'])).toBe('content.1.title');
    expect(pathInSection('settings', ['rohTablesInternal'])).toBe('content.rohTablesInternal');
    expect(pathInSection('summary', ['recommendations', 0])).toBeUndefined();
  });
});
