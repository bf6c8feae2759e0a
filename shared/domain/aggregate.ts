/**
 * The area's summary: scores from the cases, grades and conclusions from the inspectors,
 * the service users' perspective from the questionnaires. Reads every input a page at a
 * time (memory stays flat), fingerprints what it read, and writes one snapshot.
 */
import { createHash } from 'node:crypto';
import { gradedCriteria } from '../bank';
import { getQuestionnaire } from '../questionnaires';
import type { Audience, Language } from '../schemas/invitation';
import { createSampleAccumulator, createScoreAccumulator, suggestBand, type SampleComposition, type ScoreResult } from '../scoring';
import { allCases } from '../store/cases';
import { listConclusions, listGrades } from '../store/grades';
import { listInvitationBatches } from '../store/invitations';
import { allResponses } from '../store/responses';
import { putSummarySnapshot } from '../store/summaries';
import { breakdownByLanguage, summariseServiceUsers, type AudienceSummary, type LanguageBreakdown, type ResponseRecord } from '../summaries';
import { bankOf } from './bank-of';
import { requireInspection } from './inspections';

export interface CriterionSummary {
  id: string;
  section: number;
  title: string;
  score: number | null;
  percent: number | null;
  cases: number;
  exact: ScoreResult['criteria'][number]['exact'];
  questions: string[];
  suggestedBand: { id: string; label: string; conclusion: string } | null;
  conclusion: { band: string; text?: string; recordedBy: string; recordedAt: string } | null;
}

export interface Summary {
  inspectionId: string;
  area: string;
  fieldworkStart: string;
  fieldworkEnd: string;
  computedAt: string;
  fingerprint: string;
  questionBankVersion: string;
  criteria: CriterionSummary[];
  sections: ScoreResult['sections'];
  rohThread: ScoreResult['rohThread'];
  questions: ScoreResult['questions'];
  leadership: { id: string; title: string; grade: string | null; strengths: string[]; improvements: string[] }[];
  sample: SampleComposition;
  serviceUsers: Record<Audience, AudienceSummary>;
  serviceUsersByLanguage: LanguageBreakdown;
}

export async function computeSummary(inspectionId: string): Promise<Summary> {
  const startedAt = new Date().toISOString();
  const inspection = await requireInspection(inspectionId);
  const bank = bankOf(inspection);
  const fingerprint = createHash('sha256');

  const scores = createScoreAccumulator(bank);
  const sample = createSampleAccumulator();
  for await (const page of allCases(bank, inspectionId)) {
    for (const c of page) {
      scores.add(c);
      sample.add(c);
      fingerprint.update(`case ${c.caseRef} ${c.version}\n`);
    }
  }

  const [grades, conclusions, batches] = await Promise.all([
    listGrades(inspectionId),
    listConclusions(inspectionId),
    listInvitationBatches(inspectionId),
  ]);
  for (const g of grades) fingerprint.update(`grade ${g.criterionId} ${g.updatedAt}\n`);
  for (const c of conclusions) fingerprint.update(`conclusion ${c.criterionId} ${c.updatedAt}\n`);

  const invited: Record<Audience, number> = { offender: 0, victim: 0, sentencer: 0 };
  for (const b of batches) {
    invited[b.audience] += b.count;
    fingerprint.update(`invited ${b.audience} ${b.language} ${b.count}\n`);
  }
  const responses: Record<Audience, ResponseRecord[]> = { offender: [], victim: [], sentencer: [] };
  for await (const page of allResponses(inspectionId)) {
    for (const r of page) {
      responses[r.audience].push({ answers: r.answers, language: r.language as Language });
      fingerprint.update(`response ${r.invitationId}\n`);
    }
  }
  const serviceUsersInput = {
    offender: { invited: invited.offender, responses: responses.offender },
    victim: { invited: invited.victim, responses: responses.victim },
    sentencer: { invited: invited.sentencer, responses: responses.sentencer },
  };
  const definitions = {
    offender: getQuestionnaire('offender', 'en'),
    victim: getQuestionnaire('victim', 'en'),
    sentencer: getQuestionnaire('sentencer', 'en'),
  };

  const scored = scores.result();
  const conclusionOf = new Map(conclusions.map((c) => [c.criterionId, c]));
  const gradeOf = new Map(grades.map((g) => [g.criterionId, g]));
  const summary: Summary = {
    inspectionId,
    area: inspection.area,
    fieldworkStart: inspection.fieldworkStart,
    fieldworkEnd: inspection.fieldworkEnd,
    computedAt: new Date().toISOString(),
    fingerprint: fingerprint.digest('hex'),
    questionBankVersion: bank.version,
    criteria: scored.criteria.map((c) => {
      const band = suggestBand(c.percent);
      const recorded = conclusionOf.get(c.id);
      return {
        id: c.id,
        section: c.section,
        title: c.title,
        score: c.score,
        percent: c.percent,
        cases: c.cases,
        exact: c.exact,
        questions: c.questions,
        suggestedBand: band ? { id: band.id, label: band.label, conclusion: band.conclusion } : null,
        conclusion: recorded
          ? { band: recorded.band, ...(recorded.text ? { text: recorded.text } : {}), recordedBy: recorded.updatedBy, recordedAt: recorded.updatedAt }
          : null,
      };
    }),
    sections: scored.sections,
    rohThread: scored.rohThread,
    questions: scored.questions,
    leadership: gradedCriteria(bank).map((criterion) => {
      const g = gradeOf.get(criterion.id);
      return { id: criterion.id, title: criterion.title, grade: g?.grade ?? null, strengths: g?.strengths ?? [], improvements: g?.improvements ?? [] };
    }),
    sample: sample.result(),
    serviceUsers: summariseServiceUsers(serviceUsersInput, { definitions }),
    serviceUsersByLanguage: breakdownByLanguage(serviceUsersInput, { definitions }),
  };
  await putSummarySnapshot(inspectionId, startedAt, summary);
  return summary;
}
