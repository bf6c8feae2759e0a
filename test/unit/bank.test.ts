import { describe, expect, it } from 'vitest';
import { CaseType, QuestionBank } from '#schemas/bank';
import {
  CURRENT_BANK_VERSION,
  bankVersions,
  getBank,
  gradedCriteria,
  questionApplies,
  questionsOf,
  rohQuestions,
  scoredCriteria,
  summaryQuestionOf,
} from '#bank/index';
import { omi2008_1 } from '#bank/omi-2008.1';
import {
  kentCriterionPercents,
  kentLeadershipGrades,
  kentQuestionFindings,
  kentQuestionPercents,
  kentRohThreadPercent,
  kentSample,
  kentSectionPercents,
} from '#infra/local/kent-reference';

const bank = omi2008_1;
const SCORED = ['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '3.1', '3.2'];
const GRADED = ['4.1', '4.2', '4.3', '4.4', '4.5', '4.6'];
const sectionOf = (id: string) => Number(id.split('.')[0]);
const criterionOfQuestionId = (id: string) => id.split('.').slice(0, 2).join('.');
/** numerator / denominator rounded half up, exact for integers. */
const roundHalfUp = (numerator: number, denominator: number) => Math.floor((2 * numerator + denominator) / (2 * denominator));

describe('the omi-2008.1 question bank', () => {
  it('parses with the QuestionBank schema', () => {
    expect(() => QuestionBank.parse(bank)).not.toThrow();
    expect(bank.version).toBe('omi-2008.1');
  });

  it('has all 20 criteria, in order, each in the section its id names', () => {
    expect(bank.criteria.map((c) => c.id)).toEqual([...SCORED, ...GRADED]);
    for (const c of bank.criteria) {
      expect(c.section, c.id).toBe(sectionOf(c.id));
      expect(c.title.trim(), c.id).not.toBe('');
      expect(c.statement.trim(), c.id).not.toBe('');
    }
  });

  it('writes criterion titles in sentence case and statements as sentences', () => {
    for (const c of bank.criteria) {
      expect(c.title, c.id).toMatch(/^[A-Z][a-z]/);
      expect(c.title, c.id).not.toMatch(/^[A-Z ]+$/);
      expect(c.statement, c.id).toMatch(/^[A-Z].*\.$/);
    }
    expect(bank.criteria.find((c) => c.id === '1.1')).toEqual({
      id: '1.1',
      section: 1,
      title: 'Preparing for sentence',
      statement: 'Activity in the phase leading up to sentence is timely, purposeful and effective.',
    });
  });

  it('has unique question ids', () => {
    const ids = bank.questions.map((q) => q.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('puts every question under an existing scored criterion (1.1-3.2)', () => {
    const criteria = new Map(bank.criteria.map((c) => [c.id, c]));
    for (const q of bank.questions) {
      const c = criteria.get(q.criterion);
      expect(c, `${q.id} -> ${q.criterion}`).toBeDefined();
      expect(c?.section, q.id).not.toBe(4);
    }
  });

  it('prefixes every question id with its criterion id and numbers them 1, 2, 3... in order', () => {
    for (const q of bank.questions) expect(criterionOfQuestionId(q.id), q.id).toBe(q.criterion);
    for (const id of SCORED) {
      const numbers = questionsOf(bank, id).map((q) => Number(q.id.split('.')[2]));
      expect(numbers, id).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it('gives every scored criterion exactly one summary question, last, and at least 3 others', () => {
    for (const id of SCORED) {
      const qs = questionsOf(bank, id);
      const summaries = qs.filter((q) => q.summary);
      expect(
        summaries.map((q) => q.id),
        id,
      ).toHaveLength(1);
      expect(qs.at(-1)?.summary, `${id}: summary last`).toBe(true);
      expect(qs.length - 1, `${id}: individual questions`).toBeGreaterThanOrEqual(3);
      expect(summaries[0]?.text, id).toMatch(/^Overall, /);
    }
  });

  it('gives section 4 no questions', () => {
    expect(bank.questions.filter((q) => sectionOf(q.criterion) === 4)).toEqual([]);
  });

  it('marks no question in section 3 (or 4) as Risk of Harm', () => {
    expect(bank.questions.filter((q) => sectionOf(q.criterion) >= 3).length).toBeGreaterThan(0);
    expect(bank.questions.filter((q) => q.roh && sectionOf(q.criterion) >= 3).map((q) => q.id)).toEqual([]);
  });

  it('counts 1.2 and 2.2 as mostly Risk of Harm, summaries included, and RoH questions as about RoH', () => {
    for (const id of ['1.2', '2.2']) {
      const qs = questionsOf(bank, id);
      expect(qs.filter((q) => q.roh).length / qs.length, id).toBeGreaterThan(0.75);
      expect(summaryQuestionOf(bank, id)?.roh, id).toBe(true);
    }
    for (const q of rohQuestions(bank)) {
      expect(q.text, q.id).toMatch(/Risk of Harm|risk|MAPPA|self-harm|safeguarding|victim safety|public/i);
    }
    // A question that names Risk of Harm in sections 1-2 is a Risk of Harm question, except the ones
    // judged to be about something else (recall explanations, licence proportionality).
    const notRoh = bank.questions.filter((q) => sectionOf(q.criterion) <= 2 && /Risk of Harm/.test(q.text) && !q.roh);
    expect(notRoh.map((q) => q.id)).toEqual(['2.6.4']);
  });

  it('gives every question a non-empty list of distinct case types', () => {
    for (const q of bank.questions) {
      expect(q.appliesTo.length, q.id).toBeGreaterThan(0);
      expect(new Set(q.appliesTo).size, q.id).toBe(q.appliesTo.length);
      for (const t of q.appliesTo) expect(CaseType.options, q.id).toContain(t);
    }
  });

  it('asks court report questions of community and custody cases only', () => {
    const qs = questionsOf(bank, '1.1');
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect([...q.appliesTo].sort(), q.id).toEqual(['community', 'custody']);
  });

  it('leaves every case type something to answer in every scored criterion', () => {
    for (const id of SCORED) {
      for (const caseType of CaseType.options) {
        if (id === '1.1' && caseType === 'licence') continue;
        expect(
          questionsOf(bank, id).some((q) => questionApplies(q, caseType)),
          `${id} ${caseType}`,
        ).toBe(true);
      }
    }
  });

  it('phrases every question as a plain question naming no offender', () => {
    for (const q of bank.questions) {
      expect(q.text, q.id).toMatch(/^[A-Z].*\?$/);
      expect(q.text, q.id).not.toMatch(/\b(Jean|David|Rodney|Jane)\b/);
    }
  });

  it('is frozen once published', () => {
    const published = getBank('omi-2008.1');
    expect(published).toBeDefined();
    expect(Object.isFrozen(published)).toBe(true);
    expect(Object.isFrozen(published?.questions[0]?.appliesTo)).toBe(true);
    expect(() => {
      (published!.questions as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe('bank registry and helpers', () => {
  it('serves the current bank by version and nothing for an unknown version', () => {
    expect(getBank(CURRENT_BANK_VERSION)).toEqual(omi2008_1);
    expect(getBank(CURRENT_BANK_VERSION)).toBe(getBank(CURRENT_BANK_VERSION));
    expect(bankVersions()).toContain(CURRENT_BANK_VERSION);
    expect(getBank('omi-1999.1')).toBeUndefined();
    expect(getBank('')).toBeUndefined();
    expect(getBank('toString')).toBeUndefined();
  });

  it('lists every registered bank under its own version', () => {
    for (const v of bankVersions()) expect(getBank(v)?.version).toBe(v);
  });

  it('splits criteria into scored (1.1-3.2) and graded (4.1-4.6)', () => {
    expect(scoredCriteria(bank).map((c) => c.id)).toEqual(SCORED);
    expect(gradedCriteria(bank).map((c) => c.id)).toEqual(GRADED);
  });

  it('finds the questions and the summary of one criterion', () => {
    const qs = questionsOf(bank, '2.6');
    expect(qs.map((q) => q.id)).toEqual(['2.6.1', '2.6.2', '2.6.3', '2.6.4', '2.6.5', '2.6.6']);
    expect(summaryQuestionOf(bank, '2.6')?.id).toBe('2.6.6');
    expect(questionsOf(bank, '4.1')).toEqual([]);
    expect(summaryQuestionOf(bank, '4.1')).toBeUndefined();
  });

  it('says whether a question applies to a case type', () => {
    const q = bank.questions.find((x) => x.id === '1.1.1');
    expect(q).toBeDefined();
    if (!q) return;
    expect(questionApplies(q, 'community')).toBe(true);
    expect(questionApplies(q, 'custody')).toBe(true);
    expect(questionApplies(q, 'licence')).toBe(false);
    expect(questionApplies({ appliesTo: [] }, 'community')).toBe(false);
  });
});

describe('the Kent reference figures', () => {
  const questionIds = new Set(bank.questions.map((q) => q.id));

  it('gives a percentage for exactly the scored criteria', () => {
    expect(Object.keys(kentCriterionPercents)).toEqual(SCORED);
    expect(kentCriterionPercents['1.1']).toBe(79);
    expect(kentCriterionPercents['1.2']).toBe(61);
  });

  it('grades exactly the section 4 criteria, as Table 1 does', () => {
    expect(kentLeadershipGrades).toEqual({
      '4.1': 'satisfactorily-met',
      '4.2': 'satisfactorily-met',
      '4.3': 'partly-met',
      '4.4': 'partly-met',
      '4.5': 'partly-met',
      '4.6': 'partly-met',
    });
  });

  it('works out each section as the mean of its criteria, rounded half up', () => {
    for (const section of [1, 2, 3] as const) {
      const percents = SCORED.filter((id) => sectionOf(id) === section).map((id) => kentCriterionPercents[id] ?? NaN);
      const sum = percents.reduce((a, b) => a + b, 0);
      expect(kentSectionPercents[section], `section ${section}`).toBe(roundHalfUp(sum, percents.length));
    }
  });

  it('keys question figures by questions that exist, with whole percentages', () => {
    expect(Object.keys(kentQuestionPercents).length).toBeGreaterThan(50);
    for (const [id, percent] of Object.entries(kentQuestionPercents)) {
      expect(questionIds.has(id), id).toBe(true);
      expect(Number.isInteger(percent) && percent >= 0 && percent <= 100, `${id}: ${percent}`).toBe(true);
      expect(kentQuestionFindings[id]?.finding.trim(), id).toBeTruthy();
    }
    expect(kentQuestionPercents['1.1.12']).toBe(86);
  });

  it('puts the Risk of Harm questions the report quantifies near the printed thread score', () => {
    const rohPercents = rohQuestions(bank)
      .map((q) => kentQuestionPercents[q.id])
      .filter((p): p is number => p !== undefined);
    expect(rohPercents.length).toBeGreaterThan(15);
    const mean = rohPercents.reduce((a, b) => a + b, 0) / rohPercents.length;
    expect(Math.abs(mean - kentRohThreadPercent)).toBeLessThan(5);
  });

  it('describes the sample as 40 licence, 60 community and 10 custody cases', () => {
    expect(kentSample.byCaseType).toEqual({ licence: 40, community: 60, custody: 10 });
    const total = Object.values(kentSample.byCaseType).reduce((a, b) => a + b, 0);
    expect(total).toBe(kentSample.cases);
  });
});
