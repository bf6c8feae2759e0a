/**
 * The demo inspection's data (infra/local/demo-data.ts), checked without a server: scores near
 * the Kent report's, a valid upload, valid questionnaire answers that read like the report.
 */
import { describe, expect, it } from 'vitest';
import {
  demoBank,
  demoCasesCsv,
  KENT_CRITERION_MISSES,
  KENT_FIGURE_CONFLICTS,
  KENT_UNQUANTIFIED,
  kentDemoCases,
  kentDemoLeadership,
  kentSentencerAnswers,
  kentVictimAnswers,
} from '#infra/local/demo-data';
import {
  countsFor,
  KENT_INTERVIEWS,
  kentInterviewMisses,
  kentContext,
  kentDemoInterviews,
  kentInterviewPercents,
  kentPerformanceCsv,
  kentSecondMarkings,
} from '#infra/local/demo-evidence';
import { KENT_MET, kentDemoMeetings } from '#infra/local/demo-meetings';
import { KENT_DRAFTED, kentDemoWriteUp } from '#infra/local/demo-write-up';
import { MeetingInput } from '#schemas/meeting';
import { summariseMeetings } from '#summaries/meetings';
import { interviews2008_1 } from '#bank/interviews-2008.1';
import { parsePerformanceCsv } from '#cases/performance-csv';
import { contextProblems } from '#cases/context';
import { moderationOf } from '#scoring/agreement';
import { summariseInterviews } from '#summaries/evidence';
import {
  kentCriterionPercents,
  kentLeadershipGrades,
  kentQuestionPercents,
  kentRohThreadPercent,
  kentSectionPercents,
} from '#infra/local/kent-reference';
import { parseCasesCsv } from '#cases/csv';
import { getQuestionnaire } from '#questionnaires/index';
import { validateAnswers } from '#questionnaires/validate';
import { createScoreAccumulator, describeSample } from '#scoring/index';
import { breakdownBySentencerKind, summariseAudience } from '#summaries/index';

describe('the Kent demo cases', () => {
  const bank = demoBank();
  const cases = kentDemoCases(bank);
  const scores = (() => {
    const acc = createScoreAccumulator(bank);
    acc.addAll(cases);
    return acc.result();
  })();

  it('are the same every time (a seeded PRNG)', () => {
    expect(kentDemoCases(bank)).toEqual(cases);
  });

  it('score every criterion as printed, but for the misses the demo documents (where the seed contradicts itself)', () => {
    for (const c of scores.criteria) {
      expect(c.percent, c.id).toBe(KENT_CRITERION_MISSES[c.id]?.demo ?? kentCriterionPercents[c.id]);
      if (KENT_CRITERION_MISSES[c.id]) expect(KENT_CRITERION_MISSES[c.id]!.printed, c.id).toBe(kentCriterionPercents[c.id]);
    }
    expect(scores.rohThread.percent).toBe(KENT_CRITERION_MISSES.roh!.demo);
    expect(KENT_CRITERION_MISSES.roh!.printed).toBe(kentRohThreadPercent);
    // Sections are not printed (Chart 1 is an image); the misses of 2.1 and 2.5 lift section 2 by two points.
    for (const s of scores.sections) expect(Math.abs(s.percent! - kentSectionPercents[s.id]), `section ${s.id}`).toBeLessThanOrEqual(2);
  });

  it("carry every question's figure exactly, but where the seed's own figures conflict (documented)", () => {
    for (const q of scores.questions) {
      const kent = kentQuestionPercents[q.id];
      if (kent === undefined || q.percent === null || KENT_FIGURE_CONFLICTS[q.id] !== undefined) continue;
      expect(q.percent, `${q.id}: ${q.yes} of ${q.yes + q.no}`).toBe(kent);
    }
  });

  it('keep the unquantified questions within what the words allow: "a small number" without offence-focused work, "good access" to ETE advice', () => {
    for (const q of scores.questions) {
      const words = KENT_UNQUANTIFIED[q.id];
      if (!words || q.yes + q.no === 0) continue;
      const p = q.yes / (q.yes + q.no);
      expect(p, q.id).toBeGreaterThanOrEqual(words[0] - 1e-9);
      expect(p, q.id).toBeLessThanOrEqual(words[1] + 1e-9);
    }
    const p = (id: string) => scores.questions.find((q) => q.id === id)!.percent!;
    expect(p('2.5.4')).toBeGreaterThanOrEqual(60);
    expect(p('2.5.7')).toBeGreaterThanOrEqual(65);
  });

  it('draft the findings the seed ties to a question from the figure the data carries, so the figures-and-words check covers them', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    expect(Object.keys(KENT_DRAFTED).length).toBeGreaterThanOrEqual(70);
    for (const [key, drafted] of Object.entries(KENT_DRAFTED)) {
      const [, criterion, kind, letter] = /^(\d\.\d) (strength|improvement) \(([a-z])\)$/.exec(key)!;
      const finding = kentDemoWriteUp.criteria[criterion!]![kind === 'strength' ? 'strengths' : 'improvements'][letters.indexOf(letter!)];
      expect(finding, key).toMatchObject({ drafted });
      expect(bank.questions.find((q) => q.id === drafted.question)?.criterion, key).toBe(criterion);
      const [field, value] = (drafted.group ?? ':').split(':');
      const among = cases.filter(
        (c) =>
          !field ||
          String((c.profile as Record<string, unknown>)[field!] === true ? 'yes' : (c.profile as Record<string, unknown>)[field!]) === value,
      );
      const yes = among.filter((c) => c.answers[drafted.question] === 'yes').length;
      const no = among.filter((c) => c.answers[drafted.question] === 'no').length;
      expect(Math.floor((200 * yes + yes + no) / (2 * (yes + no))), `${key}: ${yes} of ${yes + no}`).toBe(drafted.percent);
    }
  });

  it('have the Appendix 2 sample: 40 licence, 60 community, 10 custody, and its sub-groups', () => {
    const s = describeSample(cases);
    expect(s.byCaseType).toMatchObject({ licence: 40, community: 60, custody: 10 });
    expect(s.byGender.female).toBe(11);
    expect(s.ppo).toBe(9);
    expect(s.approvedPremises).toBe(3);
    expect(s.statutoryVictimContact).toBe(23);
    expect(s.byRoh.high + s.byRoh['very-high']).toBe(15);
    expect(s.byAssessor.area).toBe(37);
  });

  it('upload as one CSV without a single problem', () => {
    const parsed = parseCasesCsv(bank, demoCasesCsv(cases, bank));
    expect(parsed.problems).toEqual([]);
    expect(parsed.cases).toHaveLength(110);
    expect(parsed.cases[0]!.input).toEqual({ profile: cases[0]!.profile, answers: cases[0]!.answers });
  });

  it('come with the grades of Table 1', () => {
    for (const [id, grade] of Object.entries(kentLeadershipGrades)) expect(kentDemoLeadership[id]!.grade).toBe(grade);
  });
});

describe('the Kent demo questionnaire answers', () => {
  it('split the sentencers by kind with small numbers suppressed: six magistrates shown, the rest "[c]"', () => {
    const b = breakdownBySentencerKind(
      kentSentencerAnswers().map((answers) => ({ answers, language: 'en' })),
      getQuestionnaire('sentencer', 'en'),
    );
    expect(b.returned).toEqual({ magistrate: '6', 'district-judge': '[c]', judge: '[c]', 'legal-adviser': '[c]', total: '11' });
    expect(b.notSaid).toBe(0);
    const leadership = b.questions.find((q) => q.id === 'manager-leadership')!;
    // Six magistrates all said yes; the other kinds' two, one and one (of whom one "no") are hidden.
    expect(leadership.positive).toEqual({ magistrate: '6', 'district-judge': '[c]', judge: '[c]', 'legal-adviser': '[c]', total: '9' });
    expect(b.questions.some((q) => q.id === 'sentencer-kind' || q.id === 'comments')).toBe(false);
  });

  it('are valid answers to the victim and sentencer questionnaires', () => {
    for (const answers of kentVictimAnswers()) expect(validateAnswers(getQuestionnaire('victim', 'en'), answers).ok).toBe(true);
    for (const answers of kentSentencerAnswers()) expect(validateAnswers(getQuestionnaire('sentencer', 'en'), answers).ok).toBe(true);
  });

  it('give the findings of the report', () => {
    const victims = summariseAudience(
      getQuestionnaire('victim', 'en'),
      21,
      kentVictimAnswers().map((answers) => ({ answers, language: 'en' })),
    );
    const v = (id: string) => victims.questions.find((q) => q.id === id)!;
    expect(victims.returnedSentence).toBe('Seven of the 21 questionnaires sent to victims were returned.');
    expect(v('agreed-contact')).toMatchObject({ answered: 7, positive: 5 });
    expect(v('satisfaction')).toMatchObject({ answered: 5, positive: 5, quantity: 'all' });
    expect(v('role-explained')).toMatchObject({ answered: 5, positive: 5 });
    expect(v('needs-considered')).toMatchObject({ answered: 5, positive: 5 });
    expect(v('offender-information')).toMatchObject({ answered: 5, quantity: 'all but one' });
    expect(v('safety')).toMatchObject({ answered: 5, quantity: 'all but one' });
    // What the report heard from the three victims interviewed is not put into their questionnaires (issue 29).
    for (const id of ['contact-prompt', 'regular-updates', 'influence-licence', 'breach-know', 'mappa-aware', 'first-time-asked']) {
      expect(v(id), id).toMatchObject({ answered: 0 });
    }

    const sentencers = summariseAudience(
      getQuestionnaire('sentencer', 'en'),
      16,
      kentSentencerAnswers().map((answers) => ({ answers, language: 'en' })),
    );
    const s = (id: string) => sentencers.questions.find((q) => q.id === id)!;
    expect(sentencers.returned).toBe(11);
    expect(s('sdr-quality')).toMatchObject({ quantity: 'the vast majority' });
    expect(s('fdr-quality')).toMatchObject({ quantity: 'the vast majority' });
    expect((s('sdr-timeliness') as { percent: number }).percent).toBeLessThan((s('sdr-quality') as { percent: number }).percent);
    expect((s('fdr-timeliness') as { percent: number }).percent).toBeLessThan((s('sdr-timeliness') as { percent: number }).percent);
    expect((s('breach-effective') as { counts: Record<string, number> }).counts['in-part']).toBe(5);
    expect(s('liaison-effective')).toMatchObject({ quantity: 'half' });
    expect(s('policy-information')).toMatchObject({ quantity: 'just over half' });
    expect(s('lcjb-engagement')).toMatchObject({ percent: 67 });
    expect((s('court-staffing') as { counts: Record<string, number> }).counts.no).toBe(2);
    expect(s('proposal-monitoring')).toMatchObject({ positive: 0, quantity: 'none' });
  });
});

describe('the Kent demo evidence beyond the case file (issue 14)', () => {
  const cases = kentDemoCases();
  const interviews = kentDemoInterviews(cases);

  it('interviews 87 offender managers of sample cases, giving section 4 percentages exactly', () => {
    expect(interviews).toHaveLength(KENT_INTERVIEWS);
    const refs = new Set(cases.map((c) => c.caseRef));
    for (const i of interviews) expect(refs.has(i.caseRef)).toBe(true);
    const summary = summariseInterviews(
      interviews2008_1,
      interviews.map((i) => i.answers),
    );
    // Every figure exact but the two no count of 87 can give (65% and 81%), which are one point off.
    for (const q of summary.questions) expect(q.percent, q.id).toBe(kentInterviewMisses[q.id] ?? kentInterviewPercents[q.id]);
    for (const q of summary.questions) if (q.id !== 'om.appraisal-linked') expect(q.answered, q.id).toBe(87);
    // "of those": only those who had an appraisal answer whether it was linked to the business plan.
    for (const i of interviews) if (i.answers['om.appraisal'] !== 'yes') expect(i.answers['om.appraisal-linked']).toBe('na');
    expect(summary.questions.find((q) => q.id === 'om.informed')).toMatchObject({ answered: 87, positive: 61 });
  });

  it('finds the counts for a percentage no count of 87 rounds to', () => {
    expect(countsFor(70, 87)).toEqual({ answered: 87, positive: 61 });
    expect(countsFor(65, 87)).toEqual({ answered: 87, positive: 57 });
  });

  it('uploads Appendix 1 as a valid CSV and the caseload as a valid context', () => {
    const parsed = parsePerformanceCsv(kentPerformanceCsv());
    expect(parsed.problems).toEqual([]);
    expect(parsed.figures).toHaveLength(39); // 34 measures and the five scores of 4.2
    expect(contextProblems(kentContext)).toEqual([]);
  });

  it('second-marks a third of the sample with realistic agreement, lower with area assessors', () => {
    const seconds = kentSecondMarkings(cases);
    expect(seconds).toHaveLength(37);
    const m = moderationOf(
      demoBank(),
      seconds.map((s) => {
        const c = cases.find((x) => x.caseRef === s.caseRef)!;
        return { caseRef: s.caseRef, assessor: c.profile.assessor!, first: c.answers, second: s.answers };
      }),
    );
    expect(m.kappa).toBeGreaterThan(0.7);
    expect(m.kappa).toBeLessThan(0.95);
    const [hmi, area] = m.byAssessor;
    expect(area!.kappa!).toBeLessThan(hmi!.kappa!);
    expect(m.flagged.length).toBeGreaterThan(0);
    expect(m.flagged.length).toBeLessThan(seconds.length / 2);
    expect(kentSecondMarkings(cases)).toEqual(seconds);
  });
});

describe("the Kent demo's meetings (issue 29)", () => {
  const meetings = Object.entries(kentDemoMeetings).map(([meetingId, m]) => ({ meetingId, ...m }));
  const of = (audience: string) => summariseMeetings(meetings, {}).find((a) => a.audience === audience)!;

  it('are valid meetings', () => {
    for (const [id, m] of Object.entries(kentDemoMeetings)) expect(MeetingInput.safeParse(m).success, id).toBe(true);
  });

  it('met the people the report met: 20 offenders (12 one by one, 8 in two groups) and three victims, with the report’s quote', () => {
    expect(of('offender')).toMatchObject({ met: { individually: 12, inGroups: 8 }, groups: 2 });
    expect(of('offender').findings).toHaveLength(4);
    expect(of('offender').quotes).toEqual([{ text: 'offender managers made the transition easy and minimised the risk of getting stressed out' }]);
    expect(of('victim')).toMatchObject({ met: { individually: 3, inGroups: 0 }, groups: 0 });
    expect(of('victim').findings[0]).toMatch(/^A similarly high level of satisfaction was expressed\. Two out of the three victims/);
    for (const audience of ['key-worker', 'partner', 'other']) expect(of(audience).findings.length, audience).toBeGreaterThan(0);
    expect(KENT_MET.offender.individually + KENT_MET.offender.inGroups).toBe(20);
  });
});
