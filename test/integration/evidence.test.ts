/**
 * Evidence beyond the case file (issue 14), through the local server: second marking and the
 * summary's moderation, offender-manager interviews, performance figures, the area's caseload.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectProblem } from '#support/api';
import { page, signIn } from '#support/workbench';
import { bank, createInspection, makeCase } from '#support/fixtures';
import { moderationOf } from '#scoring/agreement';
import type { CaseInput } from '#schemas/case';

const put = (path: string, json: unknown, as: 'inspector' | 'admin' | 'staff' = 'inspector') => call(path, { method: 'PUT', as, json });
const putCsv = (path: string, body: string) => call(path, { method: 'PUT', as: 'inspector', body, headers: { 'content-type': 'text/csv' } });
const summaryOf = async (id: string) => {
  const res = await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' });
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  return res.json;
};

describe('second marking and moderation', () => {
  let id: string;
  const cases: Record<string, CaseInput> = {};
  beforeAll(async () => {
    id = await createInspection('Moderation');
    for (let i = 1; i <= 6; i++) {
      const input = makeCase(i % 2 ? 'community' : 'licence', i);
      input.profile.assessor = i <= 3 ? 'area' : 'hmi';
      cases[`M-${i}`] = input;
      expect((await put(`/inspections/${id}/cases/M-${i}`, input)).status).toBe(201);
    }
  });

  it('answers 404 for a case with no first marking, 409 for the first marker, and stores nothing', async () => {
    const none = expectProblem(await put(`/inspections/${id}/cases/M-99/second-marking`, { answers: {} }, 'admin'), 404);
    expect(none.detail).toMatch(/no first marking/);
    const same = expectProblem(await put(`/inspections/${id}/cases/M-1/second-marking`, { answers: cases['M-1']!.answers }, 'inspector'), 409);
    expect(same.detail).toMatch(/someone else/);
    const bad = expectProblem(
      await put(`/inspections/${id}/cases/M-1/second-marking`, { answers: { '9.9.9': 'yes', '1.1.1': 'maybe' } }, 'admin'),
      400,
    );
    expect(bad.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['answers.1.1.1']));
    const unknown = expectProblem(await put(`/inspections/${id}/cases/M-1/second-marking`, { answers: { '9.9.9': 'yes' } }, 'admin'), 400);
    expect(unknown.errors).toEqual([expect.objectContaining({ path: 'answers.9.9.9' })]);
    expectProblem(await put(`/inspections/${id}/cases/M-1/second-marking`, { answers: {} }, 'staff'), 403);
    const summary = await summaryOf(id);
    expect(summary.moderation).toMatchObject({ cases: 0, agreement: null, kappa: null, flagged: [] });
  });

  it('gives agreement, kappa, by criterion and by assessor, and flags summary-question disagreements, as the independent calculation does', async () => {
    const b = bank();
    const summaryQuestion = b.questions.find((q) => q.summary && q.criterion === '1.2')!.id;
    const summaries = new Set(b.questions.filter((q) => q.summary).map((q) => q.id));
    // M-1: identical. M-2: the 1.2 summary judgement differs. M-4 (an HMI case): every third answer flipped, summary judgements kept.
    const second: Record<string, CaseInput['answers']> = {
      'M-1': { ...cases['M-1']!.answers },
      'M-2': { ...cases['M-2']!.answers, [summaryQuestion]: cases['M-2']!.answers[summaryQuestion] === 'yes' ? 'no' : 'yes' },
      'M-4': Object.fromEntries(
        Object.entries(cases['M-4']!.answers).map(([q, a], i) => [
          q,
          i % 3 === 0 && a !== 'na' && !summaries.has(q) ? (a === 'yes' ? 'no' : 'yes') : a,
        ]),
      ),
    };
    for (const [ref, answers] of Object.entries(second)) {
      expect((await put(`/inspections/${id}/cases/${ref}/second-marking`, { answers }, 'admin')).status).toBe(201);
    }
    // A second marking replaced: 200, and the summary uses the newest.
    expect((await put(`/inspections/${id}/cases/M-1/second-marking`, { answers: second['M-1'] }, 'admin')).status).toBe(200);
    const summary = await summaryOf(id);
    const expected = moderationOf(
      b,
      Object.entries(second).map(([caseRef, answers]) => ({
        caseRef,
        assessor: cases[caseRef]!.profile.assessor!,
        first: cases[caseRef]!.answers,
        second: answers,
      })),
    );
    expect(summary.moderation).toEqual(expected);
    expect(summary.moderation.cases).toBe(3);
    expect(summary.moderation.flagged).toEqual(['M-2']);
    expect(summary.moderation.kappa).toBeGreaterThan(0);
    expect(summary.moderation.kappa).toBeLessThan(1);
    const byAssessor = Object.fromEntries(summary.moderation.byAssessor.map((a: { assessor: string }) => [a.assessor, a]));
    expect(byAssessor.area).toMatchObject({ cases: 2 });
    expect(byAssessor.hmi).toMatchObject({ cases: 1 });
    expect(byAssessor.hmi.agreement).toBeLessThan(byAssessor.area.agreement);
  });
});

describe('offender-manager interviews', () => {
  let id: string;
  beforeAll(async () => {
    id = await createInspection('Interviews');
    for (let i = 1; i <= 10; i++) expect((await put(`/inspections/${id}/cases/I-${i}`, makeCase('community', i))).status).toBe(201);
  });

  it('serves the interview question set with the bank', async () => {
    const res = await call('/question-bank', { as: 'staff' });
    expect(res.json.interviewQuestions.version).toBe('interviews-2008.1');
    expect(res.json.interviewQuestions.questions.map((q: { id: string }) => q.id)).toContain('om.informed');
  });

  it('refuses an interview for a case not in the sample (404), unknown questions and bad answers (400), storing nothing', async () => {
    expectProblem(await put(`/inspections/${id}/interviews/NOPE-1`, { answers: { 'om.informed': 'yes' } }), 404);
    const bad = expectProblem(await put(`/inspections/${id}/interviews/I-1`, { answers: { 'om.nope': 'yes', 'om.other': 'no' } }), 400);
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['answers.om.nope', 'answers.om.other']);
    expectProblem(await put(`/inspections/${id}/interviews/I-1`, { answers: { 'om.informed': 'perhaps' } }), 400);
    const summary = await summaryOf(id);
    expect(summary.interviews.count).toBe(0);
    expect(summary.interviews.questions[0]).toMatchObject({ id: 'om.informed', answered: 0, positive: 0, percent: null });
  });

  it('counts each question over those who answered yes or no, with a sentence in the inspectorate words', async () => {
    // 10 interviews: 7 well informed; 4 had an appraisal, 3 of them linked to the business plan.
    for (let i = 1; i <= 10; i++) {
      const appraisal = i <= 4;
      const answers = {
        'om.informed': i <= 7 ? 'yes' : 'no',
        'om.appraisal': appraisal ? 'yes' : 'no',
        'om.appraisal-linked': appraisal ? (i <= 3 ? 'yes' : 'no') : 'na',
      };
      expect((await put(`/inspections/${id}/interviews/I-${i}`, { answers })).status).toBe(201);
    }
    expect(
      (
        await put(
          `/inspections/${id}/interviews/I-10`,
          { answers: { 'om.informed': 'no', 'om.appraisal': 'no', 'om.appraisal-linked': 'na' } },
          'admin',
        )
      ).status,
    ).toBe(200);
    const summary = await summaryOf(id);
    const q = Object.fromEntries(summary.interviews.questions.map((x: { id: string }) => [x.id, x]));
    expect(summary.interviews.count).toBe(10);
    expect(q['om.informed']).toMatchObject({ answered: 10, positive: 7, percent: 70 });
    expect(q['om.informed'].sentence).toBe(
      'Most of the 10 offender managers interviewed (70%) felt well informed about policies and procedures in their area.',
    );
    expect(q['om.appraisal-linked']).toMatchObject({ answered: 4, positive: 3, percent: 75 });
    expect(q['om.appraisal-linked'].sentence).toBe(
      'All but one of the four offender managers who had had an appraisal (75%) confirmed that it was linked to the Area Business Plan.',
    );
    expect(q['om.role']).toMatchObject({ answered: 0, percent: null });
  });
});

describe('performance figures', () => {
  let id: string;
  beforeAll(async () => {
    id = await createInspection('Performance');
  });
  const path = () => `/inspections/${id}/performance-figures`;

  it('names every problem (bad numbers, duplicate measures, missing columns) and stores nothing', async () => {
    const csv = [
      'measure,target,area,national,period',
      'Victim contact,85%,98%,93%,2007 Q2',
      'Victim contact,85%,ninety,93%,2007 Q2',
      'Enforcement,,92%,94%,2007 Q2',
      'Sickness,9.0,12.7,11.7,',
    ].join('\r\n');
    const p = expectProblem(await putCsv(path(), csv), 400);
    expect(p.errors.map((e) => e.path).sort()).toEqual(['row 3.area', 'row 3.measure', 'row 4.target', 'row 5.period']);
    expect(p.errors.find((e) => e.path === 'row 3.measure')!.message).toMatch(/appears twice \(first on row 2\)/);
    const header = expectProblem(await putCsv(path(), 'measure,target,area\r\nX,1,2\r\n'), 400);
    expect(header.errors.map((e) => e.path).sort()).toEqual(['header.national', 'header.period']);
    expect((await summaryOf(id)).performanceFigures).toBeNull();
  });

  it('stores good figures whole and marks the measures that missed their target', async () => {
    const csv = [
      'measure,target,area,national,period,better',
      'Victim contact,85%,98%,93%,April-September 2007,',
      '% Orders / Licences Successfully Completed,75%,68%,63%,April-September 2007,higher',
      'Sickness absence (days),9.0,12.7,11.7,April-September 2007,lower',
      '"Budget variance",10074,"10,339","414,618",April-September 2007,',
    ].join('\r\n');
    const res = await putCsv(path(), csv);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ inspectionId: id, measures: 4 });
    const figures = (await summaryOf(id)).performanceFigures;
    expect(figures.map((f: { measure: string; missedTarget: boolean }) => [f.measure, f.missedTarget])).toEqual([
      ['Victim contact', false],
      ['% Orders / Licences Successfully Completed', true],
      ['Sickness absence (days)', true],
      ['Budget variance', false],
    ]);
    expect(figures[3]).toMatchObject({ target: 10074, area: 10339, national: 414618 });
    // A bad upload later leaves the good figures in place.
    expectProblem(await putCsv(path(), 'measure,target,area,national,period\r\nX,1,two,3,Q2\r\n'), 400);
    expect((await summaryOf(id)).performanceFigures).toHaveLength(4);
  });
});

describe('the area context and the sample balance', () => {
  let id: string;
  beforeAll(async () => {
    id = await createInspection('Context');
    for (let i = 1; i <= 4; i++) {
      const input = makeCase('community', i);
      input.profile.gender = i === 1 ? 'female' : 'male';
      input.profile.ethnicity = 'white';
      expect((await put(`/inspections/${id}/cases/B-${i}`, input)).status).toBe(201);
    }
  });

  it('is null before any context, and refuses parts that do not add up, naming each', async () => {
    expect((await summaryOf(id)).sample.balance).toBeNull();
    const p = expectProblem(
      await put(`/inspections/${id}/context`, {
        caseload: 5559,
        byGender: { male: 5000, female: 534 },
        byEthnicity: { white: 5187, black: 10 },
        byCaseType: { community: 5559 },
      }),
      400,
    );
    expect(p.errors.map((e) => e.path).sort()).toEqual(['byEthnicity', 'byGender']);
    expect(p.errors.find((e) => e.path === 'byGender')!.message).toBe('byGender adds up to 5534, not the caseload of 5559');
    const shape = expectProblem(await put(`/inspections/${id}/context`, { caseload: -1, byGender: { robot: 3 } }), 400);
    expect(shape.errors.length).toBeGreaterThanOrEqual(2);
    expect((await summaryOf(id)).sample.balance).toBeNull();
  });

  it('sets the sample beside the caseload', async () => {
    const res = await put(`/inspections/${id}/context`, {
      caseload: 5559,
      byGender: { male: 5025, female: 534 },
      byEthnicity: { white: 5187, black: 150, asian: 122, mixed: 60, other: 40 },
    });
    expect(res.status, res.text).toBe(200);
    const balance = (await summaryOf(id)).sample.balance;
    expect(balance).toMatchObject({ caseload: 5559, sampleCases: 4, byCaseType: null });
    expect(balance.byGender).toEqual([
      { key: 'male', caseload: 5025, caseloadPercent: 90.4, sample: 3, samplePercent: 75 },
      { key: 'female', caseload: 534, caseloadPercent: 9.6, sample: 1, samplePercent: 25 },
      // Not given by the area: not known, never 0.
      { key: 'not-recorded', caseload: null, caseloadPercent: null, sample: 0, samplePercent: 0 },
    ]);
    expect(balance.byEthnicity[0]).toEqual({ key: 'white', caseload: 5187, caseloadPercent: 93.3, sample: 4, samplePercent: 100 });
  });
});

describe('the report', () => {
  const reportOf = async (id: string) => {
    await summaryOf(id);
    const res = await call(`/inspections/${id}/report`, { as: 'staff' });
    expect(res.status).toBe(200);
    return res.text;
  };

  it('makes no claim about the caseload without a context, and says what is missing', async () => {
    const id = await createInspection('Report without evidence');
    expect((await put(`/inspections/${id}/cases/R-1`, makeCase('community', 1))).status).toBe(201);
    const page = await reportOf(id);
    expect(page).not.toMatch(/takes into account|caseload/i);
    expect(page).toContain('No offender managers have been interviewed yet.');
    expect(page).toContain('No performance figures were provided for this inspection.');
    expect(page).toContain('No case has been marked a second time.');
  });

  it('shows section 4 interview figures, the moderation table, Appendix 1 with missed targets in words, and the caseload beside the sample', async () => {
    const id = await createInspection('Report with evidence');
    for (let i = 1; i <= 3; i++) {
      const input = makeCase('licence', i);
      input.profile.assessor = 'area';
      input.profile.ethnicity = 'white';
      expect((await put(`/inspections/${id}/cases/E-${i}`, input)).status).toBe(201);
      expect((await put(`/inspections/${id}/interviews/E-${i}`, { answers: { 'om.role': i < 3 ? 'yes' : 'no' } })).status).toBe(201);
    }
    expect((await put(`/inspections/${id}/cases/E-1/second-marking`, { answers: makeCase('licence', 1).answers }, 'admin')).status).toBe(201);
    expect(
      (
        await putCsv(
          `/inspections/${id}/performance-figures`,
          'measure,target,area,national,period\r\nOrders successfully completed,75%,68%,63%,2007 Q2\r\nVictim contact,85%,98%,93%,2007 Q2\r\n',
        )
      ).status,
    ).toBe(200);
    expect((await put(`/inspections/${id}/context`, { caseload: 5559, byEthnicity: { white: 5187, black: 372 } })).status).toBe(200);
    const page = await reportOf(id);
    expect(page).toContain('We interviewed three individual offender managers.');
    expect(page).toContain(
      'All but one of the three offender managers interviewed (67%) were clear about their role within the offender management model.',
    );
    expect(page).toMatch(/id="moderation-summary"[\s\S]*First marked by area assessors[\s\S]*100%[\s\S]*1\.000/);
    expect(page).toMatch(/Appendix 1: Performance figures[\s\S]*The area missed one target of the two below\./);
    expect(page).toMatch(/Orders successfully completed<\/th>[\s\S]*?<strong>Missed<\/strong>/);
    expect(page).toMatch(/Victim contact<\/th>[\s\S]*?>Met</);
    expect(page).toContain('The area’s caseload was 5,559 cases (93.3% white); the tables below set the sample beside it.');
    expect(page).toMatch(/id="balance-byEthnicity"[\s\S]*White[\s\S]*5,559|id="balance-byEthnicity"[\s\S]*5,187[\s\S]*93.3%/);
    expect(page).not.toContain('takes into account');
  });
});

describe('the minimums the sample must hold', () => {
  it('are set beside the cases entered, and the dashboard warns while one is short', async () => {
    const id = await createInspection('Minimums');
    for (let i = 1; i <= 3; i++) {
      const input = makeCase('licence', i);
      input.profile.gender = i === 1 ? 'female' : 'male';
      input.profile.ppo = true;
      expect((await put(`/inspections/${id}/cases/N-${i}`, input)).status).toBe(201);
    }
    expect((await put(`/inspections/${id}/context`, { caseload: 100, minimums: { female: 3, ppo: 2 } })).status).toBe(200);
    const balance = (await summaryOf(id)).sample.balance;
    expect(balance.minimums).toEqual([
      { id: 'female', wanted: 3, entered: 1, met: false },
      { id: 'ppo', wanted: 2, entered: 3, met: true },
    ]);
    const { cookie } = await signIn('staff');
    const dashboard = await page(`/workbench/inspections/${id}`, { cookie });
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toContain('id="sample-minimums"');
    expect(dashboard.text).toContain('two more women&#39;s cases (1 of the 3 wanted)');
    expect(dashboard.text).not.toContain('PPO cases (');
    expectProblem(await put(`/inspections/${id}/context`, { caseload: 100, minimums: { women: 3 } }), 400);
  });
});

describe('the workbench moderation page', () => {
  it('shows each flagged case with its two markings side by side, only where they differ', async () => {
    const id = await createInspection('Moderation page');
    const first = makeCase('community', 7);
    const b = bank();
    const overall = b.questions.find((q) => q.summary && q.criterion === '1.3')!;
    first.answers[overall.id] = 'yes';
    expect((await put(`/inspections/${id}/cases/F-1`, first)).status).toBe(201);
    expect((await put(`/inspections/${id}/cases/F-2`, makeCase('community', 8))).status).toBe(201);
    expect((await put(`/inspections/${id}/cases/F-1/second-marking`, { answers: { ...first.answers, [overall.id]: 'no' } }, 'admin')).status).toBe(
      201,
    );
    expect((await put(`/inspections/${id}/cases/F-2/second-marking`, { answers: makeCase('community', 8).answers }, 'admin')).status).toBe(201);
    expect((await summaryOf(id)).moderation.flagged).toEqual(['F-1']);
    const { cookie } = await signIn('staff');
    const res = await page(`/workbench/inspections/${id}/moderation`, { cookie });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Case F-1');
    expect(res.text).not.toContain('Case F-2');
    expect(res.text).toMatch(
      new RegExp(
        `${overall.id.replace(/\./g, '\\.')} <strong class="govuk-tag govuk-tag--orange">Overall judgement</strong>[\\s\\S]*?<td class="govuk-table__cell">Yes</td>\\s*<td class="govuk-table__cell">No</td>`,
      ),
    );
    // Token users never signed in, so they have no name: the page says their role (issue 27), never the account id.
    expect(res.text).toContain('First marked by An inspector');
    expect(res.text).toContain('second marked by An inspector');
    expect(res.text).not.toMatch(/test-(inspector|admin)/);
    // Signed out: to sign in, never the page.
    expect((await page(`/workbench/inspections/${id}/moderation`)).status).toBe(303);
  });
});
