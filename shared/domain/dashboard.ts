/**
 * What an inspection's dashboard shows, in one read: the inspection, the sample so far (each
 * case's type, assessor and who last entered it: counts, not judgements) and the figures as
 * they are now.
 */
import type { Inspection } from '#schemas/inspection';
import { allCases } from '#store/cases';
import { listModerationDecisions } from '#store/evidence';
import { listReleases } from '#store/releases';
import { getWriteUp } from '#store/write-up';
import { isClosed } from './closing';
import { tasksOf, type Stage } from './tasks';
import { isFinished } from '#cases/validate';
import { bankOf } from './bank-of';
import type { Summary } from '#schemas/summary';
import { requireInspection } from './inspections';
import { summaryAsNow } from './summary';
import { namesOf, ROLE_AS_PERSON } from './people';

export interface SampleEntry {
  caseType: string;
  assessor?: string;
  updatedBy: string;
  /** Who last saved it, by name (the people directory), for the page. */
  updatedByName: string;
  finished: boolean;
}

export async function dashboardOf(inspectionId: string): Promise<{ inspection: Inspection; cases: SampleEntry[]; summary: Summary }> {
  const inspection = await requireInspection(inspectionId);
  const cases: SampleEntry[] = [];
  const read = (async () => {
    const found: Omit<SampleEntry, 'updatedByName'>[] = [];
    // About 110 cases: a few pages of one query.
    const bank = bankOf(inspection);
    for await (const page of allCases(bank, inspection.inspectionId)) {
      for (const c of page)
        found.push({ caseType: c.profile.caseType, assessor: c.profile.assessor, updatedBy: c.updatedBy, finished: isFinished(bank, c) });
    }
    const nameOf = await namesOf(found.map((c) => c.updatedBy));
    for (const c of found) cases.push({ ...c, updatedByName: nameOf(c.updatedBy, ROLE_AS_PERSON.inspector) });
  })();
  const [summary] = await Promise.all([summaryAsNow(inspection), read]);
  return { inspection, cases, summary };
}

/** The dashboard with its task list: what dashboardOf reads, and the write-up, releases and moderators' decisions. */
export async function taskListOf(inspectionId: string): Promise<{ inspection: Inspection; stages: Stage[]; cases: SampleEntry[]; summary: Summary }> {
  const { inspection, cases, summary } = await dashboardOf(inspectionId);
  const [{ writeUp }, releases, decisions] = await Promise.all([
    getWriteUp(inspection.inspectionId),
    listReleases(inspection.inspectionId),
    listModerationDecisions(inspection.inspectionId),
  ]);
  const flagged = new Set(summary.moderation?.flagged ?? []);
  const moderationDecided = decisions.filter((d) => flagged.has(d.caseRef)).length;
  return { inspection, cases, summary, stages: tasksOf({ closed: isClosed(inspection), cases, summary, writeUp, releases, moderationDecided }) };
}
