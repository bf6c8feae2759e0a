/**
 * What the evidence pages read (issue 27): for each case of the sample, whether its offender
 * manager has been interviewed and who marked it a second time; one interview; one case as a
 * second marker may see it (blind: its profile, never the first marker's answers); the area's
 * caseload and performance figures. Reads only: the writes are evidence.ts's, which the JSON
 * routes call too.
 */
import { NotFound } from '#core/errors';
import type { User } from '#core/roles';
import type { QuestionBank } from '#schemas/bank';
import type { CaseAnswers, CaseProfile } from '#schemas/case';
import type * as z from 'zod/mini';
import type { AreaContext, InterviewInput, InterviewQuestionSet, PerformanceFigure } from '#schemas/evidence';
import type { Inspection } from '#schemas/inspection';
import { allCases, getCase } from '#store/cases';
import { allInterviews, getAreaContext, getInterview, getPerformanceFigures, getSecondMarking, listSecondMarkings } from '#store/evidence';
import { bankOf } from './bank-of';
import { checkCaseRef } from './cases';
import { interviewSetOf } from './evidence';
import { requireInspection } from './inspections';
import { namesOf, ROLE_AS_PERSON } from './people';

export interface SampleCaseEvidence {
  caseRef: string;
  caseType: CaseProfile['caseType'];
  firstMarkedBy: string;
  /** Who marked it first and second, by name, for the page (never the account id). */
  firstMarkedByName: string;
  interviewed: boolean;
  secondMarkedBy?: string;
  secondMarkedByName?: string;
}

/** Every case of the sample with its interview and second marking, by reference. */
export async function evidenceProgressOf(inspectionId: string): Promise<{ inspection: Inspection; cases: SampleCaseEvidence[] }> {
  const inspection = await requireInspection(inspectionId);
  const id = inspection.inspectionId;
  const bank = bankOf(inspection);
  const interviewed = new Set<string>();
  for await (const page of allInterviews(id)) for (const i of page) interviewed.add(i.caseRef);
  const secondBy = new Map((await listSecondMarkings(bank, id)).map((s) => [s.caseRef, s.updatedBy]));
  const unnamed: Omit<SampleCaseEvidence, 'firstMarkedByName' | 'secondMarkedByName'>[] = [];
  for await (const page of allCases(bank, id)) {
    for (const c of page) {
      const second = secondBy.get(c.caseRef);
      unnamed.push({
        caseRef: c.caseRef,
        caseType: c.profile.caseType,
        firstMarkedBy: c.updatedBy,
        interviewed: interviewed.has(c.caseRef),
        ...(second ? { secondMarkedBy: second } : {}),
      });
    }
  }
  const nameOf = await namesOf([...unnamed.map((c) => c.firstMarkedBy), ...secondBy.values()]);
  const cases: SampleCaseEvidence[] = unnamed.map((c) => ({
    ...c,
    firstMarkedByName: nameOf(c.firstMarkedBy, ROLE_AS_PERSON.inspector),
    ...(c.secondMarkedBy ? { secondMarkedByName: nameOf(c.secondMarkedBy, ROLE_AS_PERSON.inspector) } : {}),
  }));
  cases.sort((a, b) => a.caseRef.localeCompare(b.caseRef, 'en', { numeric: true }));
  return { inspection, cases };
}

const nameOfOne = async (sub: string) => (await namesOf([sub]))(sub, ROLE_AS_PERSON.inspector);

export interface InterviewView {
  inspection: Inspection;
  set: InterviewQuestionSet;
  caseRef: string;
  answers: InterviewInput['answers'];
  /** `by`: who saved it last, by name. */
  updated?: { by: string; at: string };
}

/** One case's interview as stored (empty when not yet held); 404 for a case not in the sample. */
export async function interviewOf(inspectionId: string, caseRef: string): Promise<InterviewView> {
  const inspection = await requireInspection(inspectionId);
  const set = interviewSetOf(inspection);
  const ref = checkCaseRef(caseRef);
  const [found, interview] = await Promise.all([
    getCase(bankOf(inspection), inspection.inspectionId, ref),
    getInterview(inspection.inspectionId, ref),
  ]);
  if (!found) throw new NotFound(`Case ${ref} is not in the sample of this inspection.`);
  return {
    inspection,
    set,
    caseRef: ref,
    answers: interview?.answers ?? {},
    ...(interview ? { updated: { by: await nameOfOne(interview.updatedBy), at: interview.updatedAt } } : {}),
  };
}

export interface BlindCaseView {
  inspection: Inspection;
  bank: QuestionBank;
  caseRef: string;
  profile: CaseProfile;
  /** The viewer marked it first: a second marking must come from someone else. */
  markedFirstByViewer: boolean;
  /** The second marking as stored, if there is one (never the first marker's answers). */
  answers: z.infer<typeof CaseAnswers>;
  /** `by`: who saved it last, by name. */
  updated?: { by: string; at: string };
}

/** A case as its second marker sees it: the profile to know which questions apply, not the first answers. */
export async function caseToSecondMark(inspectionId: string, caseRef: string, viewer: Pick<User, 'sub'>): Promise<BlindCaseView> {
  const inspection = await requireInspection(inspectionId);
  const bank = bankOf(inspection);
  const ref = checkCaseRef(caseRef);
  const [first, second] = await Promise.all([getCase(bank, inspection.inspectionId, ref), getSecondMarking(bank, inspection.inspectionId, ref)]);
  if (!first) throw new NotFound(`Case ${ref} is not in the sample of this inspection.`);
  return {
    inspection,
    bank,
    caseRef: ref,
    profile: first.current.profile,
    markedFirstByViewer: first.current.updatedBy === viewer.sub,
    answers: second?.answers ?? {},
    ...(second ? { updated: { by: await nameOfOne(second.updatedBy), at: second.updatedAt } } : {}),
  };
}

/** The caseload and performance figures as last recorded, for the page that shows and replaces them. */
export async function areaEvidenceOf(
  inspectionId: string,
): Promise<{ inspection: Inspection; context?: AreaContext; figures?: PerformanceFigure[]; figuresAt?: string }> {
  const inspection = await requireInspection(inspectionId);
  const [context, figures] = await Promise.all([getAreaContext(inspection.inspectionId), getPerformanceFigures(inspection.inspectionId)]);
  return {
    inspection,
    ...(context ? { context: context.context } : {}),
    ...(figures ? { figures: figures.figures, figuresAt: figures.updatedAt } : {}),
  };
}
