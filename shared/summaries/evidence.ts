/**
 * The summary's figures from the evidence beyond the case file (issue 14): the offender
 * managers' interviews in the inspectorate's words, and the sample set beside the area's
 * caseload. Pure.
 */
import type { AreaContext, InterviewQuestionSet, PerformanceFigure } from '#schemas/evidence';
import { AREA_FIGURE_KEYS, CONTEXT_KEYS, MINIMUM_KINDS } from '#schemas/vocabulary';
import type { InterviewsSummary, PerformanceFigureSummary, SampleBalance, SampleComposition } from '#schemas/summary';
import type { Judgement } from '#schemas/case';
import { questionSentence } from './service-users';
import { capitalise, numberWord, percentHalfUp, quantityWord } from './words';

const INTERVIEWED = 'offender managers interviewed';

/**
 * One interview question's line, over those who answered it yes or no, with the percentage as
 * the Kent report gives it: "Most of the 87 offender managers interviewed (70%) felt well
 * informed about policies and procedures in their area." One or two answers take exact words.
 */
export function interviewSentence(finding: string, positive: number, answered: number, group = INTERVIEWED): string {
  const word = quantityWord(positive, answered);
  if (word === null) return `No ${group} answered this question.`;
  if (answered <= 2)
    return questionSentence({ singular: group.replace(/^offender managers/, 'offender manager'), plural: group }, finding, positive, answered);
  const n = numberWord(answered);
  const percent = percentHalfUp(positive, answered);
  if (word === 'all') return `All ${n} ${group} ${finding}.`;
  if (word === 'none') return `None of the ${n} ${group} ${finding}.`;
  return `${capitalise(word)} of the ${n} ${group} (${percent}%) ${finding}.`;
}

export function summariseInterviews(set: InterviewQuestionSet, interviews: readonly Readonly<Record<string, Judgement>>[]): InterviewsSummary {
  return {
    version: set.version,
    count: interviews.length,
    questions: set.questions.map((q) => {
      let answered = 0;
      let positive = 0;
      for (const answers of interviews) {
        const a = answers[q.id];
        if (a === 'yes' || a === 'no') answered++;
        if (a === 'yes') positive++;
      }
      return {
        id: q.id,
        text: q.text,
        answered,
        positive,
        percent: percentHalfUp(positive, answered),
        quantity: quantityWord(positive, answered),
        sentence: interviewSentence(q.finding, positive, answered, q.group),
      };
    }),
  };
}

/** A share to one decimal place, as Appendix 2 gives the caseload ("93.3%"). Null when the whole is 0. */
export function percent1(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((1000 * part) / whole) / 10;
}

const MINORITY = ['black', 'asian', 'mixed', 'other'];

/** The sample beside the caseload, for each breakdown the context gives. */
export function sampleBalance(context: AreaContext, sample: SampleComposition): SampleBalance {
  const rows = (part: keyof typeof CONTEXT_KEYS) => {
    const given = context[part];
    if (!given) return null;
    const sampleCounts = (sample[part] ?? {}) as Record<string, number>;
    // A key the area did not give is left out, so a minority-ethnic row does not sit beside its own parts.
    return CONTEXT_KEYS[part]
      .filter((key) => key in given || (key === 'not-recorded' && part !== 'byCaseType'))
      .map((key) => {
        // A part the area did not give is not known: printed so, never as 0.
        const caseload = given[key as keyof typeof given] ?? null;
        const inSample = key === 'minority-ethnic' ? MINORITY.reduce((n, k) => n + (sampleCounts[k] ?? 0), 0) : (sampleCounts[key] ?? 0);
        return {
          key,
          caseload,
          caseloadPercent: caseload === null ? null : percent1(caseload, context.caseload),
          sample: inSample,
          samplePercent: percent1(inSample, sample.cases),
        };
      });
  };
  const entered: Record<(typeof MINIMUM_KINDS)[number], number> = {
    female: sample.byGender.female ?? 0,
    minorityEthnic: MINORITY.reduce((n, k) => n + ((sample.byEthnicity as Record<string, number>)[k] ?? 0), 0),
    highRoh: (sample.byRoh.high ?? 0) + (sample.byRoh['very-high'] ?? 0),
    ppo: sample.ppo,
    approvedPremises: sample.approvedPremises,
    statutoryVictimContact: sample.statutoryVictimContact,
  };
  const minimums = MINIMUM_KINDS.filter((id) => context.minimums?.[id] !== undefined).map((id) => {
    const wanted = context.minimums![id]!;
    return { id, wanted, entered: entered[id], met: entered[id] >= wanted };
  });
  const figures = Object.fromEntries(AREA_FIGURE_KEYS.filter((key) => context[key] !== undefined).map((key) => [key, context[key]]));
  return {
    caseload: context.caseload,
    sampleCases: sample.cases,
    byGender: rows('byGender'),
    byEthnicity: rows('byEthnicity'),
    byCaseType: rows('byCaseType'),
    minimums,
    ...figures,
  };
}

/** Appendix 1's rows, each saying whether the area missed its target. */
export function summarisePerformance(figures: readonly PerformanceFigure[]): PerformanceFigureSummary[] {
  return figures.map((f) => {
    const missedTarget = f.area !== null && f.target !== null && (f.better === 'lower' ? f.area > f.target : f.area < f.target);
    // Rounded as printed (8.6% against 9.4% is -0.8%), not as binary floating point leaves it.
    const difference = f.area !== null && f.predicted !== undefined ? Math.round((f.area - f.predicted) * 10) / 10 : undefined;
    return { ...f, missedTarget, ...(difference === undefined ? {} : { difference }) };
  });
}
