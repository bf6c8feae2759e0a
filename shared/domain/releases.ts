/**
 * Releases (contract, "Write-up and releases"): the report frozen as it is at one moment, its
 * figures recomputed from every input first, with the write-up of that moment. A `final`
 * release also closes the inspection (closing.ts) until an admin reopens it.
 *
 * The HTML is rendered by the caller's `render` (the web layer), so that the use case stays
 * free of page templates. Its download links carry a placeholder, filled in when served, so
 * the same frozen bytes serve the API route and a report link alike.
 */
import { randomBytes } from 'node:crypto';
import { Conflict, InspectionClosed, NotFound } from '../core/errors';
import type { User } from '../core/roles';
import { RELEASE_ID, type ReleaseKind } from '../schemas/release';
import type { PublishedSummary as Summary } from '../schemas/summary';
import type { WriteUp } from '../schemas/write-up';
import {
  closeInspection,
  getRelease,
  getReleaseFile,
  listReleases,
  putRelease,
  reopenInspection as reopenStored,
  type ReleaseFile,
  type StoredRelease,
} from '../store/releases';
import { setCaseRecordsExpiry } from '../store/cases';
import { getWriteUp } from '../store/write-up';
import type { Inspection } from '../schemas/inspection';
import { computeSummary } from './aggregate';
import { isClosed } from './closing';
import { closeInspectionLinks, reopenInspectionLinks } from './link-closure';
import { requireInspection } from './inspections';
import { summaryToCsv } from './summary-csv';
import { summaryForLink } from './summary-read';
import { caseRetentionEpoch } from './retention';

export type RenderReport = (summary: Summary, options: { writeUp: WriteUp; lang: 'en' | 'cy'; release: { kind: ReleaseKind; createdAt: string }; downloads: { json: string; csv: string } }) => string;

/** Stands for the download links in the frozen HTML: underscores and letters survive any escaping. */
const DOWNLOAD_PLACEHOLDER = '__omi_release_download__';
export const FROZEN_DOWNLOADS = { json: `${DOWNLOAD_PLACEHOLDER}json`, csv: `${DOWNLOAD_PLACEHOLDER}csv` };

export interface Release {
  releaseId: string;
  kind: ReleaseKind;
  createdAt: string;
}

const describe = (r: StoredRelease): Release => ({ releaseId: r.releaseId, kind: r.kind, createdAt: r.createdAt });

function newReleaseId(createdAt: string): string {
  return `${createdAt.replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
}

/**
 * Freezes the report. A final one closes the inspection first (one conditional update: of two
 * racing, one wins and the other is told it is closed), so no write lands between the figures
 * and the close; if freezing then fails, the inspection is opened again.
 */
export async function createRelease(inspectionId: string, kind: ReleaseKind, user: User, render: RenderReport): Promise<Release> {
  const inspection = await requireInspection(inspectionId);
  const id = inspection.inspectionId;
  const createdAt = new Date().toISOString();
  if (kind === 'final' && !(await closeInspection(id, user.sub, createdAt))) {
    throw new InspectionClosed(`Inspection ${id} is closed: its final report has been released already. An admin can reopen it (POST /inspections/${id}/reopen).`);
  }
  let made: StoredRelease;
  try {
    // Before the figures are read: a link that could still send would change them after the freeze.
    if (kind === 'final') await closeInspectionLinks(id, createdAt);
    const summary = await computeSummary(id);
    if (summary.sample.cases === 0) throw new Conflict(`Inspection ${id} has no cases yet: there is no report to release.`);
    const { writeUp } = await getWriteUp(id);
    const published = summaryForLink(summary);
    const release = { kind, createdAt };
    const files: Record<ReleaseFile, string> = {
      en: render(published, { writeUp, lang: 'en', release, downloads: FROZEN_DOWNLOADS }),
      cy: render(published, { writeUp, lang: 'cy', release, downloads: FROZEN_DOWNLOADS }),
      json: JSON.stringify(published),
      csv: summaryToCsv(published),
    };
    made = await putRelease(id, { releaseId: newReleaseId(createdAt), kind, createdAt, createdBy: user.sub }, files);
  } catch (error) {
    if (kind === 'final') {
      await reopenInspectionLinks(id);
      await reopenStored(id, user.sub, new Date().toISOString());
    }
    throw error;
  }
  // Published: the cases are kept for the retention period from now, then DynamoDB's TTL deletes them.
  if (kind === 'final') await setCaseRecordsExpiry(id, caseRetentionEpoch(Date.parse(createdAt)));
  return describe(made);
}

export async function releasesOf(inspectionId: string): Promise<{ inspectionId: string; releases: Release[] }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  return { inspectionId: id, releases: (await listReleases(id)).map(describe) };
}

export async function requireRelease(inspectionId: string, releaseId: string): Promise<{ inspection: Inspection; release: StoredRelease }> {
  const inspection = await requireInspection(inspectionId);
  const release = RELEASE_ID.test(releaseId) ? await getRelease(inspection.inspectionId, releaseId) : undefined;
  if (!release) throw new NotFound(`No release ${releaseId.slice(0, 40)} of inspection ${inspection.inspectionId}.`);
  return { inspection, release };
}

/**
 * One frozen file. The HTML's download links become `downloads` (the API's, or a report
 * link's): the same bytes on every request of one route.
 */
export async function releasedFile(
  inspectionId: string,
  releaseId: string,
  file: ReleaseFile,
  downloads: { json: string; csv: string } = { json: '', csv: '' },
): Promise<{ release: Release; body: string; filename: string }> {
  const { inspection, release } = await requireRelease(inspectionId, releaseId);
  let body = await getReleaseFile(inspection.inspectionId, release, file);
  if (file === 'en' || file === 'cy') body = body.replaceAll(FROZEN_DOWNLOADS.json, downloads.json).replaceAll(FROZEN_DOWNLOADS.csv, downloads.csv);
  return { release: describe(release), body, filename: `${inspection.inspectionId}-${release.releaseId}-summary.csv` };
}

/** Opens a closed inspection again (admin): its writes and questionnaire links work again. */
export async function reopenInspection(inspectionId: string, user: User): Promise<Inspection> {
  const inspection = await requireInspection(inspectionId);
  // The links first (link-closure.ts): once the status says open, every link must take a send again.
  if (isClosed(inspection)) await reopenInspectionLinks(inspection.inspectionId);
  if (!(await reopenStored(inspection.inspectionId, user.sub, new Date().toISOString()))) {
    throw new Conflict(`Inspection ${inspection.inspectionId} is not closed: there is nothing to reopen.`);
  }
  // Open again: no longer published, so its cases are kept as any open inspection's are.
  await setCaseRecordsExpiry(inspection.inspectionId, null);
  return { ...inspection, status: 'open' };
}
