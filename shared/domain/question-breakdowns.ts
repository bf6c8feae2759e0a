/**
 * Each question's figure by sub-group, from the inspection's finished cases as they are now
 * (shared/scoring/question-breakdowns.ts does the counting). Staff only: the JSON route and
 * the findings page read it; nothing published does.
 */
import { isFinished } from '#cases/validate';
import type { QuestionBreakdowns } from '#schemas/analysis';
import type { QuestionBank } from '#schemas/bank';
import type { Inspection } from '#schemas/inspection';
import {
  createQuestionBreakdownAccumulator,
  groupFigureWords,
  groupPhrase,
  groupWords,
  parseGroup,
  QUESTION_BREAKDOWN_BY,
  QUESTION_BREAKDOWN_VALUES,
  type QuestionBreakdownsResult,
} from '#scoring/question-breakdowns';
import { NOT_RECORDED } from '#schemas/vocabulary';
import { SUPPRESSED } from '#summaries/thresholds';
import { allCases } from '#store/cases';
import { bankOf } from './bank-of';
import { draftFinding, type DraftedFinding, type StaleFinding } from './findings';
import type { WriteUp } from '#schemas/write-up';
import { requireInspection } from './inspections';

async function countByGroup(
  bank: QuestionBank,
  inspectionId: string,
  only?: ReadonlySet<string>,
): Promise<QuestionBreakdownsResult & { unfinished: number }> {
  const acc = createQuestionBreakdownAccumulator(bank, only);
  let unfinished = 0;
  for await (const page of allCases(bank, inspectionId)) {
    for (const c of page) {
      if (isFinished(bank, c)) acc.add(c);
      else unfinished++;
    }
  }
  return { ...acc.result(), unfinished };
}

export async function questionBreakdownsOf(inspectionId: string, criterion?: string): Promise<QuestionBreakdowns> {
  const inspection = await requireInspection(inspectionId);
  const bank = bankOf(inspection);
  const only = criterion ? new Set(bank.questions.filter((q) => q.criterion === criterion).map((q) => q.id)) : undefined;
  const counted = await countByGroup(bank, inspection.inspectionId, only);
  return {
    inspectionId: inspection.inspectionId,
    questionBankVersion: bank.version,
    computedAt: new Date().toISOString(),
    notForPublication: true,
    ...counted,
  };
}

/** What the findings page offers for drafting from one sub-group's figure of one of a criterion's questions. */
export interface SubGroupOffer {
  questions: { id: string; text: string }[];
  /** `tier:4` and its words, "Tier 4 cases" (as a finding uses them, so not capitalised). */
  groups: { key: string; label: string }[];
  chosen?: { question: string; group: string };
  /** The chosen group's figure in words ("all three Tier 4 cases that had been transferred between areas"), and whether a published file may show it. */
  figure?: { words: string; yes: number; relevant: number; percent: number | null; suppressed: boolean };
  draft?: DraftedFinding;
  problems: { field: 'sg-question' | 'sg-group'; message: string }[];
}

/** Every group a finding can name (not "not recorded"), as the page lists them. */
export function subGroupChoices(): SubGroupOffer['groups'] {
  return QUESTION_BREAKDOWN_BY.flatMap((by) =>
    QUESTION_BREAKDOWN_VALUES[by].filter((v) => v !== NOT_RECORDED).map((value) => ({ key: `${by}:${value}`, label: groupPhrase(by, value)! })),
  );
}

/**
 * The offer for one criterion: its questions and the groups to choose from; with a question
 * and a group chosen, that group's figure, counted from the cases now, in words and as a draft.
 */
export async function subGroupOffer(
  inspection: Inspection,
  bank: QuestionBank,
  criterionId: string,
  question?: string,
  group?: string,
): Promise<SubGroupOffer> {
  const questions = bank.questions.filter((q) => q.criterion === criterionId).map((q) => ({ id: q.id, text: q.text }));
  const offer: SubGroupOffer = { questions, groups: subGroupChoices(), problems: [] };
  if (question === undefined && group === undefined) return offer;
  const q = bank.questions.find((x) => x.criterion === criterionId && x.id === question);
  const parsed = group ? parseGroup(group) : undefined;
  if (!q) offer.problems.push({ field: 'sg-question', message: `Choose one of ${criterionId}'s questions` });
  if (!parsed) offer.problems.push({ field: 'sg-group', message: 'Choose a sub-group of the sample' });
  if (!q || !parsed) return offer;
  offer.chosen = { question: q.id, group: `${parsed.by}:${parsed.value}` };
  const counted = await countByGroup(bank, inspection.inspectionId, new Set([q.id]));
  const cell = counted.questions[0]!.breakdowns.find((b) => b.by === parsed.by)!.groups.find((g) => g.value === parsed.value)!;
  const phrase = groupPhrase(parsed.by, parsed.value)!;
  offer.figure = {
    words: groupFigureWords(cell, phrase),
    yes: cell.yes,
    relevant: cell.yes + cell.no,
    percent: cell.percent,
    suppressed: cell.published === SUPPRESSED,
  };
  if (cell.percent !== null) {
    const draft = draftFinding(q, cell.yes, cell.no, cell.percent, { group: offer.chosen.group, words: groupWords(parsed.by, parsed.value)! });
    if (draft) offer.draft = { criterion: criterionId, ...draft };
  }
  return offer;
}

/**
 * The write-up's findings about a sub-group (`drafted.group`) in `criterionId` whose group's
 * figure is no longer the one they were written from, counted from the cases now (the summary
 * keeps no per-question figure for a group, so ./findings.ts's staleFindings leaves them out).
 */
export async function staleGroupFindings(inspection: Inspection, bank: QuestionBank, writeUp: WriteUp, criterionId: string): Promise<StaleFinding[]> {
  const texts = writeUp.criteria[criterionId];
  const grouped = (['strengths', 'improvements'] as const).flatMap((kind) =>
    (texts?.[kind] ?? []).flatMap((text, index) =>
      typeof text !== 'string' && text.drafted?.group ? [{ kind, index, text, drafted: text.drafted, group: text.drafted.group }] : [],
    ),
  );
  if (grouped.length === 0) return [];
  const counted = await countByGroup(bank, inspection.inspectionId, new Set(grouped.map((g) => g.drafted.question)));
  const out: StaleFinding[] = [];
  for (const g of grouped) {
    const parsed = parseGroup(g.group);
    const question = counted.questions.find((q) => q.id === g.drafted.question);
    const now = parsed ? (question?.breakdowns.find((b) => b.by === parsed.by)?.groups.find((x) => x.value === parsed.value)?.percent ?? null) : null;
    if (now !== g.drafted.percent) {
      out.push({
        criterion: criterionId,
        kind: g.kind === 'strengths' ? 'strength' : 'improvement',
        index: g.index,
        text: g.text,
        question: g.drafted.question,
        was: g.drafted.percent,
        now,
      });
    }
  }
  return out;
}
