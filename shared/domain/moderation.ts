/**
 * The moderator's view: the cases the last summary flagged, each with its two markings side by
 * side. A module of its own because it reads the summary: the evidence writes (and the CSV
 * uploads) would otherwise bundle the aggregation's modules for nothing.
 */
import type { Inspection } from '#schemas/inspection';
import type { Summary } from '#schemas/summary';
import { getCase } from '#store/cases';
import { getSecondMarking } from '#store/evidence';
import { bankOf } from './bank-of';
import { requireInspection } from './inspections';
import { latestSummary } from './summary';
import { namesOf, ROLE_AS_PERSON } from './people';

export interface FlaggedCase {
  caseRef: string;
  assessor?: string;
  /** `by`: who marked it, by name (the people directory), never the account id. */
  first: { by: string; at: string; version: number };
  second: { by: string; at: string };
  /** The questions the markers answered differently, in bank order; `overall` marks a criterion's summary question. */
  differences: { id: string; criterion: string; text: string; overall: boolean; first: string; second: string }[];
  agreeing: number;
}

/** The most flagged cases one page shows side by side (a sample has about 37 double-marked). */
const FLAGGED_SHOWN = 50;

/** The cases the last summary flagged for a moderator, each with its two markings side by side. */
export async function flaggedCasesOf(
  inspectionId: string,
): Promise<{ inspection: Inspection; moderation: Summary['moderation']; cases: FlaggedCase[] }> {
  const inspection = await requireInspection(inspectionId);
  const bank = bankOf(inspection);
  const summary = await latestSummary(inspection.inspectionId);
  const refs = (summary.moderation?.flagged ?? []).slice(0, FLAGGED_SHOWN);
  const found = await Promise.all(
    refs.map(async (ref) => {
      const [first, second] = await Promise.all([getCase(bank, inspection.inspectionId, ref), getSecondMarking(bank, inspection.inspectionId, ref)]);
      if (!first || !second) return undefined;
      const differences: FlaggedCase['differences'] = [];
      let agreeing = 0;
      for (const q of bank.questions) {
        const a = first.current.answers[q.id] ?? 'na';
        const b = second.answers[q.id] ?? 'na';
        if (a === b) {
          if (a !== 'na') agreeing++;
        } else differences.push({ id: q.id, criterion: q.criterion, text: q.text, overall: q.summary, first: a, second: b });
      }
      const c: FlaggedCase = {
        caseRef: ref,
        ...(first.current.profile.assessor ? { assessor: first.current.profile.assessor } : {}),
        first: { by: first.current.updatedBy, at: first.current.updatedAt, version: first.current.version },
        second: { by: second.updatedBy, at: second.updatedAt },
        differences,
        agreeing,
      };
      return c;
    }),
  );
  const cases = found.filter((c): c is FlaggedCase => c !== undefined);
  const nameOf = await namesOf(cases.flatMap((c) => [c.first.by, c.second.by]));
  const named = cases.map((c) => ({
    ...c,
    first: { ...c.first, by: nameOf(c.first.by, ROLE_AS_PERSON.inspector) },
    second: { ...c.second, by: nameOf(c.second.by, ROLE_AS_PERSON.inspector) },
  }));
  return { inspection, moderation: summary.moderation, cases: named };
}
