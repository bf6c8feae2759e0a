/**
 * Writing together under interleaving (issue 27): fast-check `commands` through the real local
 * server. Each command is a burst of one to four section saves sent at once by different
 * people, each on the version of its section the model holds (as opened) or an older one, or a
 * whole-document PUT on the current or an old ETag. The model is a plain map from section to
 * its version and content, written apart from the code; after every burst the whole document
 * read through GET .../write-up must equal it. So:
 *   - a save that was answered 200 is never lost: its content is what is stored, until a later
 *     save of the same section lands;
 *   - of several saves of one section on one version, exactly one lands; the others get 409
 *     section-changed carrying the landed content;
 *   - saves of different sections never refuse each other;
 *   - a stale version or ETag changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { createInspection } from '#support/fixtures';

type Who = 'inspector' | 'admin' | ['inspector', 'admin'];
const PEOPLE: Who[] = ['inspector', 'admin', ['inspector', 'admin']];

/** Each section the model plays with, and the document part its words go into: written here, apart from the code's own mapping. */
const SECTIONS = {
  summary: (w: string) => [{ section: '1', text: w }],
  'criterion-1.1': (w: string) => ({ strengths: [w], improvements: [] }),
  'criterion-2.1': (w: string) => ({ strengths: [], improvements: [w] }),
  'good-practice': (w: string) => [{ title: 'Example', text: w, criteria: ['2.5'] }],
} as const;
type SectionId = keyof typeof SECTIONS;
const SECTION_IDS = Object.keys(SECTIONS) as SectionId[];

interface Model {
  sections: Record<SectionId, { version: number; words?: string }>;
  /** The whole document's version: every landed save moves it by one. */
  version: number;
}

/** The whole document the model says is stored. */
function expectedDocument(model: Model) {
  const words = (s: SectionId) => model.sections[s].words;
  const criteria: Record<string, unknown> = {};
  if (words('criterion-1.1') !== undefined) criteria['1.1'] = SECTIONS['criterion-1.1'](words('criterion-1.1')!);
  if (words('criterion-2.1') !== undefined) criteria['2.1'] = SECTIONS['criterion-2.1'](words('criterion-2.1')!);
  return {
    summary: words('summary') === undefined ? [] : SECTIONS.summary(words('summary')!),
    criteria,
    recommendations: [],
    goodPractice: words('good-practice') === undefined ? [] : SECTIONS['good-practice'](words('good-practice')!),
  };
}

type Save = { section: SectionId; who: number; stale: boolean; seed: number };
type Step = { kind: 'sections'; saves: Save[] } | { kind: 'whole'; stale: boolean; seed: number };

let counter = 0;
const freshWords = (seed: number) => `Words ${++counter} (${seed}).`;

class Burst implements fc.AsyncCommand<Model, { id: string }> {
  constructor(readonly step: Step) {}
  check = () => true;
  async run(model: Model, real: { id: string }): Promise<void> {
    const { id } = real;
    if (this.step.kind === 'whole') {
      const words = freshWords(this.step.seed);
      const next = { ...expectedDocument(model), summary: SECTIONS.summary(words) };
      const etag = `"wu-${this.step.stale ? model.version - 1 : model.version}"`;
      const res = await call(`/inspections/${id}/write-up`, { method: 'PUT', as: 'admin', headers: { 'if-match': etag }, json: next });
      if (this.step.stale) {
        expect(res.status, res.text.slice(0, 200)).toBe(412);
      } else {
        expect(res.status, res.text.slice(0, 200)).toBe(200);
        model.version += 1;
        // Only the summary changed, so only its version moves.
        if (model.sections.summary.words !== words) model.sections.summary = { version: model.sections.summary.version + 1, words };
      }
    } else {
      const sent = this.step.saves.map((s) => {
        const opened = model.sections[s.section].version;
        const expectedVersion = s.stale && opened > 0 ? opened - 1 : opened;
        return { ...s, expectedVersion, words: freshWords(s.seed) };
      });
      const answers = await Promise.all(
        sent.map((s) =>
          call(`/inspections/${id}/write-up/sections/${s.section}`, {
            method: 'PUT',
            as: PEOPLE[s.who % PEOPLE.length]!,
            json: { expectedVersion: s.expectedVersion, content: SECTIONS[s.section](s.words) },
          }),
        ),
      );
      for (const section of SECTION_IDS) {
        const mine = sent.flatMap((s, i) => (s.section === section ? [{ ...s, answer: answers[i]! }] : []));
        if (!mine.length) continue;
        const onCurrent = mine.filter((s) => s.expectedVersion === model.sections[section].version);
        const landed = mine.filter((s) => s.answer.status === 200);
        for (const s of mine) expect([200, 409], s.answer.text.slice(0, 200)).toContain(s.answer.status);
        // Exactly one save on the current version lands; every stale one is refused.
        expect(landed.length, `${section}: saves landed`).toBe(onCurrent.length ? 1 : 0);
        expect(
          landed.every((s) => s.expectedVersion === model.sections[section].version),
          `${section}: a stale save landed`,
        ).toBe(true);
        const winner = landed[0];
        const before = model.sections[section];
        if (winner) {
          expect(winner.answer.json.version, `${section}: the version answered`).toBe(before.version + 1);
          model.sections[section] = { version: before.version + 1, words: winner.words };
          model.version += 1;
        }
        // Every refusal names the section as stored when it was refused: before this burst's winner landed, or after.
        const asStored = (v: { words?: string }) => (v.words === undefined ? null : SECTIONS[section](v.words));
        for (const s of mine.filter((x) => x.answer.status === 409)) {
          expect(s.answer.json.type).toBe('urn:omi:problem:section-changed');
          const named = s.answer.json.current;
          expect([before.version, model.sections[section].version], `${section}: the version a refusal names`).toContain(named.version);
          expect(named.version, `${section}: a refusal of a save on the version stored`).not.toBe(s.expectedVersion);
          expect(named.content).toEqual(asStored(named.version === before.version ? before : model.sections[section]));
        }
      }
    }
    const stored = await call(`/inspections/${id}/write-up`, { as: 'staff' });
    expect(stored.json, 'the stored document against the model').toEqual(expectedDocument(model));
    expect(stored.headers.get('etag')).toBe(`"wu-${model.version}"`);
  }
  toString = () => JSON.stringify(this.step);
}

const save: fc.Arbitrary<Save> = fc.record({
  section: fc.constantFrom(...SECTION_IDS),
  who: fc.nat({ max: 2 }),
  stale: fc.constantFrom(false, false, false, true),
  seed: fc.nat({ max: 99 }),
});
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('sections' as const), saves: fc.array(save, { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('whole' as const), stale: fc.boolean(), seed: fc.nat({ max: 99 }) }) },
);

describe('section saves through random interleavings', () => {
  it("never loses a landed save, and lands exactly one of each section's rival saves", { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands([step.map((s) => new Burst(s))], { maxCommands: 8 }), async (cmds) => {
        const id = await createInspection('Sections model');
        const model: Model = { sections: Object.fromEntries(SECTION_IDS.map((s) => [s, { version: 0 }])) as Model['sections'], version: 0 };
        await fc.asyncModelRun(() => ({ model, real: { id } }), cmds);
      }),
      { numRuns: 12, endOnFailure: true },
    );
  });
});
