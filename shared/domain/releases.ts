/**
 * Releases (contract, "Write-up and releases"): the report frozen as it is at one moment, its
 * figures recomputed from every input first, with the write-up of that moment. A `final`
 * release also closes the inspection (closing.ts) until an admin reopens it.
 *
 * A release and a reopening are transitions (contract, "An inspection's life cycle"): each
 * takes a lease on the inspection first (store/releases.ts), so they never interleave; each
 * step after it is fenced on that lease, and the release's item is written in one transaction
 * with the new stage, so a release is complete or absent. One that fails is undone at once;
 * one that died half-way (its lease expired) is finished or undone by an admin
 * (recoverTransition), from the releases page or POST .../releases/recover.
 *
 * The HTML is rendered by the caller's `render` (the web layer), so that the use case stays
 * free of page templates. Its download links carry a placeholder, filled in when served, so
 * the same frozen bytes serve the API route and a report link alike.
 */
import { namesOf, ROLE_AS_PERSON } from './people';
import { randomBytes, randomUUID } from 'node:crypto';
import { Conflict, InspectionClosed, NotFound, ReleaseInProgress } from '#core/errors';
import type { User } from '#core/roles';
import { countMetric } from '#core/metrics';
import { RELEASE_ID, type ReleaseKind } from '#schemas/release';
import { FROZEN_ANNEX_SLOT } from '#schemas/report';
import type { PublishedSummary as Summary } from '#schemas/summary';
import type { WriteUp } from '#schemas/write-up';
import {
  abandonTransition,
  beginTransition,
  closeForRelease,
  commitRelease,
  deleteReleaseParts,
  finishReopen,
  getRelease,
  getReleaseFile,
  listReleases,
  putReleaseParts,
  takeOverTransition,
  type ReleaseFile,
  type StoredRelease,
  type Transition,
  type TransitionKind,
} from '#store/releases';
import { hasMoreCasesThan, setCaseRecordsExpiry } from '#store/cases';
import type { JobAccepted } from '#schemas/job';
import { INLINE_LIMIT } from '#core/timeouts';
import { type JobRunner, startJob } from './jobs';
import { closedMessage, type Fence, transitionFence } from '#store/fence';
import { evictWriterLease, getInspectionItem } from '#store/inspections';
import { getWriteUp } from '#store/write-up';
import type { Inspection } from '#schemas/inspection';
import { computeSummary } from './aggregate';
import { closeInspectionLinks, reopenInspectionLinks } from './link-closure';
import { analysisSnapshot } from './analysis-snapshot';
import { requireInspection } from './inspections';
import { summaryToCsv } from './summary-csv';
import { summaryForLink } from './summary-read';
import { caseRetentionEpoch } from './retention';
import { requireReady } from './readiness';

export type RenderReport = (
  summary: Summary,
  options: { writeUp: WriteUp; lang: 'en' | 'cy'; release: { kind: ReleaseKind; createdAt: string }; downloads: { json: string; csv: string } },
) => string;

/** Stands for the download links in the frozen HTML: underscores and letters survive any escaping. */
const DOWNLOAD_PLACEHOLDER = '__omi_release_download__';
export const FROZEN_DOWNLOADS = { json: `${DOWNLOAD_PLACEHOLDER}json`, csv: `${DOWNLOAD_PLACEHOLDER}csv` };

export { FROZEN_ANNEX_SLOT };

export interface Release {
  releaseId: string;
  kind: ReleaseKind;
  createdAt: string;
}

const describe = (r: StoredRelease): Release => ({ releaseId: r.releaseId, kind: r.kind, createdAt: r.createdAt });

function newReleaseId(createdAt: string): string {
  return `${createdAt.replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** How long a transition holds the inspection before an admin may finish or undo it: well past any function's timeout. */
export const TRANSITION_MS = 120_000;
/** How long a final release waits for uploads and invitation batches already under way before it gives up (409). */
const WRITERS_WAIT_MS = 15_000;

const KIND_NAMES: Record<TransitionKind, string> = { 'factual-accuracy': 'factual accuracy release', final: 'final release', reopen: 'reopening' };

/** A release made while the request waited, or, for an inspection of more than INLINE_LIMIT cases, the job making it. */
export type ReleaseOutcome = { release: Release } | { job: JobAccepted };

/**
 * Freezes the report. A final one first waits for the writes of many items under way (an
 * upload, a batch of invitations) and closes the inspection, then closes its links, so the
 * figures it reads are every input there will be; if anything fails, it is undone.
 *
 * Every refusal comes at once; only the work after the transition is taken may become a job.
 */
export async function createRelease(
  inspectionId: string,
  kind: ReleaseKind,
  user: User,
  render: RenderReport,
  options: { confirm?: string } = {},
): Promise<ReleaseOutcome> {
  const inspection = await requireInspection(inspectionId);
  if (kind === 'final') {
    // A closed inspection, or one a transition holds, is told so before anything else: its readiness is beside the point.
    const busy = refusalOf(await getInspectionItem(inspection.inspectionId), inspection.inspectionId, kind, Date.now(), { onlyWhenBusy: true });
    if (busy) throw busy;
    // What a final report would still miss (readiness.ts): 409 not-ready unless confirmed with the area's name. Read before the
    // transition is taken, whose write to the inspection the stream would count as a change to the figures.
    await requireReady(inspection, options.confirm);
  }
  const transition = await beginOrRefuse(inspection, kind, user);
  const id = inspection.inspectionId;
  if (await hasMoreCasesThan(id, INLINE_LIMIT).catch(async (error: unknown) => Promise.reject(await letGo(id, transition, error)))) {
    try {
      return { job: await startJob('release', id, user, `Making the ${KIND_NAMES[kind]}: waiting to start.`, { transition }) };
    } catch (error) {
      throw await letGo(id, transition, error);
    }
  }
  return { release: describe(await runRelease(id, transition, render)) };
}

/** Gives the transition back when the work could not even be handed over; the error is the caller's to throw. */
async function letGo(id: string, transition: Transition, error: unknown): Promise<unknown> {
  await abandonTransition(id, transition.id, transition.kind === 'reopen' ? 'closed' : 'open').catch(() => undefined);
  return error;
}

/** The jobs worker's part: make the release the route handed over, or take it back after its last try died. */
export function releaseJob(render: RenderReport): JobRunner {
  return {
    async run(job, doing) {
      const transition = job.payload.transition as Transition;
      const made = describe(await runRelease(job.inspectionId, transition, render, doing));
      return { result: made, doing: `Made the ${KIND_NAMES[transition.kind]} ${made.releaseId}.` };
    },
    async abandon(job) {
      const transition = job.payload.transition as Transition;
      await undoRelease(job.inspectionId, transition, fenceOf(job.inspectionId, transition));
      return `The ${KIND_NAMES[transition.kind]} could not be made and was undone: nothing was released. Try again.`;
    },
  };
}

/**
 * Why a release or reopening cannot begin on the inspection as stored (409, naming the stage or
 * what is under way); with `onlyWhenBusy`, undefined unless it is closed (for a release) or held.
 */
function refusalOf(
  found: Record<string, unknown> | undefined,
  id: string,
  kind: TransitionKind,
  now: number,
  options: { onlyWhenBusy?: boolean } = {},
): Error | undefined {
  if (!found) return new NotFound(`No inspection ${id}.`);
  const under = found.transition as Transition | undefined;
  const stage = String(found.stage ?? (found.status === 'closed' ? 'published' : 'fieldwork'));
  if (under) {
    // Another final release is closing it: to a second final (or any release) that is what "closed" means.
    if (kind !== 'reopen' && under.kind === 'final' && under.expiresAt > now)
      return new InspectionClosed(`${closedMessage(id)} (A final release is closing it now.)`);
    return new ReleaseInProgress(
      under.expiresAt > now
        ? `A ${KIND_NAMES[under.kind]} of inspection ${id} is under way (started ${under.startedAt}): try again when it has finished.`
        : `A ${KIND_NAMES[under.kind]} of inspection ${id} started ${under.startedAt} and did not finish: an admin must finish or undo it first (the releases page, or POST /inspections/${id}/releases/recover).`,
    );
  }
  if (kind === 'reopen')
    return options.onlyWhenBusy && found.status === 'closed'
      ? undefined
      : new Conflict(`Inspection ${id} is not closed: its stage is ${stage}, so there is nothing to reopen.`);
  if (options.onlyWhenBusy && found.status !== 'closed') return undefined;
  return new InspectionClosed(`${closedMessage(id)} Its stage is ${stage}.`);
}

/** Takes the inspection for a release or a reopening, or says why not (409, naming the stage or what is under way). */
async function beginOrRefuse(inspection: Inspection, kind: TransitionKind, user: User): Promise<Transition> {
  const id = inspection.inspectionId;
  const now = Date.now();
  const startedAt = new Date(now).toISOString();
  const item = kind === 'reopen' ? await getInspectionItem(id) : undefined;
  const transition: Transition = {
    id: randomUUID(),
    kind,
    ...(kind === 'reopen' ? (typeof item?.closedAt === 'string' ? { closedAt: item.closedAt } : {}) : { releaseId: newReleaseId(startedAt) }),
    startedAt,
    startedBy: user.sub,
    expiresAt: now + TRANSITION_MS,
  };
  if (await beginTransition(id, transition, kind === 'reopen' ? 'closed' : 'open')) return transition;
  throw (
    refusalOf(await getInspectionItem(id), id, kind, now) ??
    new ReleaseInProgress(`Inspection ${id} changed while the ${KIND_NAMES[kind]} began: try again.`)
  );
}

/** A fence that fails when the transition is no longer this one's: an admin took it over after it ran past its lease. */
function fenceOf(inspectionId: string, transition: Transition): Fence {
  return transitionFence(
    inspectionId,
    transition.id,
    () =>
      new ReleaseInProgress(
        `The ${KIND_NAMES[transition.kind]} of inspection ${inspectionId} ran past its time and was taken over by an admin: it has changed nothing more.`,
      ),
  );
}

/** The steps of a release, each safe to run again (an admin's finish runs them all again). */
async function runRelease(
  id: string,
  transition: Transition,
  render: RenderReport,
  doing: (words: string) => Promise<void> = async () => undefined,
): Promise<StoredRelease> {
  const fence = fenceOf(id, transition);
  const final = transition.kind === 'final';
  const releaseId = transition.releaseId!;
  try {
    if (final) {
      await doing('Closing the inspection once uploads and invitations under way have finished.');
      await closeWhenWritersDone(id, transition, fence);
      // Before the figures are read: a link that could still send would change them after the freeze.
      await doing('Closing the questionnaire links.');
      await closeInspectionLinks(id, transition.startedAt, fence);
    }
    await doing('Computing the figures from every input.');
    const summary = await computeSummary(id);
    if (summary.sample.cases === 0) {
      throw new Conflict(
        summary.sample.unfinished
          ? `Inspection ${id} has no finished case yet (${summary.sample.unfinished} unfinished): there is no report to release.`
          : `Inspection ${id} has no cases yet: there is no report to release.`,
      );
    }
    const { writeUp } = await getWriteUp(id);
    await doing('Freezing the report in English and Welsh, and its JSON and CSV.');
    const published = summaryForLink(summary, writeUp);
    const release = { kind: transition.kind as ReleaseKind, createdAt: transition.startedAt };
    const files = {
      en: render(published, { writeUp, lang: 'en', release, downloads: FROZEN_DOWNLOADS }),
      cy: render(published, { writeUp, lang: 'cy', release, downloads: FROZEN_DOWNLOADS }),
      json: JSON.stringify(published),
      csv: summaryToCsv(published),
      // The analyst's data package follows the release: its cases and answers frozen with it.
      analysis: await analysisSnapshot(id),
    };
    // A finish after a crash writes the parts again: the figures, and so the number of parts, may differ from the first try's.
    await deleteReleaseParts(id, releaseId);
    // The data package copies the cases (under pseudonyms): it goes when they would, counted from this release.
    const expiresAt = { analysis: caseRetentionEpoch(Date.parse(transition.startedAt)) };
    const stored: StoredRelease = {
      releaseId,
      ...release,
      createdBy: transition.startedBy,
      files: await putReleaseParts(id, releaseId, files, expiresAt),
    };
    // Published: the cases are kept for the retention period from now, then DynamoDB's TTL deletes them.
    if (final) await setCaseRecordsExpiry(id, caseRetentionEpoch(Date.parse(transition.startedAt)), fence);
    if (!(await commitRelease(id, stored, transition.id, final ? 'published' : 'factual-accuracy'))) throw fence.broken();
    // Counted once: the commit is conditional on this transition, so a finish run again after it fails above.
    countMetric('ReleasesMade', { kind: stored.kind });
    return stored;
  } catch (error) {
    // Lost to an admin's recovery: what happens now is theirs. Otherwise undo it now; if even that fails, the lease waits for an admin.
    if (!(error instanceof ReleaseInProgress)) await undoRelease(id, transition, fence).catch(() => undefined);
    throw error;
  }
}

/** Closes the inspection once no upload or invitation batch is being written; evicts leases past their expiry (crashed writers). */
async function closeWhenWritersDone(id: string, transition: Transition, fence: Fence): Promise<void> {
  const giveUpAt = Date.now() + WRITERS_WAIT_MS;
  for (;;) {
    if (await closeForRelease(id, transition.id, transition.startedAt, transition.startedBy)) return;
    const item = await getInspectionItem(id);
    if ((item?.transition as Transition | undefined)?.id !== transition.id) throw fence.broken();
    const now = Date.now();
    for (const [lease, expiresAt] of Object.entries((item?.writers ?? {}) as Record<string, number>)) {
      if (expiresAt < now) await evictWriterLease(id, lease, expiresAt);
    }
    if (now > giveUpAt)
      throw new Conflict(`Cases or invitations are still being written to inspection ${id}: try the final release again in a minute.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Takes a release back: its links open, its cases without the TTL, its parts gone, the inspection open and free. */
async function undoRelease(id: string, transition: Transition, fence: Fence): Promise<void> {
  if (transition.kind === 'final') {
    await reopenInspectionLinks(id, fence);
    await setCaseRecordsExpiry(id, null, fence);
  }
  if (transition.releaseId) await deleteReleaseParts(id, transition.releaseId);
  await abandonTransition(id, transition.id, 'open');
}

export async function releasesOf(inspectionId: string): Promise<{ inspectionId: string; releases: Release[] }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  return { inspectionId: id, releases: (await listReleases(id)).map(describe) };
}

/** The releases for a page: each with who made it, by name (never the account id). */
export async function namedReleasesOf(inspectionId: string): Promise<{ inspectionId: string; releases: (Release & { madeBy: string })[] }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  const stored = await listReleases(id);
  const nameOf = await namesOf(stored.map((r) => r.createdBy));
  return { inspectionId: id, releases: stored.map((r) => ({ ...describe(r), madeBy: nameOf(r.createdBy, ROLE_AS_PERSON.admin) })) };
}

export async function requireRelease(inspectionId: string, releaseId: string): Promise<{ inspection: Inspection; release: StoredRelease }> {
  const inspection = await requireInspection(inspectionId);
  const release = RELEASE_ID.test(releaseId) ? await getRelease(inspection.inspectionId, releaseId) : undefined;
  if (!release) throw new NotFound(`No release ${releaseId.slice(0, 40)} of inspection ${inspection.inspectionId}.`);
  return { inspection, release };
}

/**
 * One frozen file. The HTML's download links become `downloads` (the API's, or a report
 * link's), and its annex slot `annexLine` (a report link's; nothing elsewhere): the same bytes
 * on every request of one route, until an annex is published for a report link.
 */
export async function releasedFile(
  inspectionId: string,
  releaseId: string,
  file: ReleaseFile,
  downloads: { json: string; csv: string } = { json: '', csv: '' },
  annexLine = '',
): Promise<{ release: Release; body: string; filename: string }> {
  const { inspection, release } = await requireRelease(inspectionId, releaseId);
  let body = await getReleaseFile(inspection.inspectionId, release, file);
  if (file === 'en' || file === 'cy') {
    // Only as a whole href: authored text is escaped when rendered, so it can hold the placeholder
    // but never `href="` before it, and is served exactly as frozen.
    const href = (url: string) => `href="${url}"`;
    body = body
      .replaceAll(href(FROZEN_DOWNLOADS.json), href(downloads.json))
      .replaceAll(href(FROZEN_DOWNLOADS.csv), href(downloads.csv))
      .replace(FROZEN_ANNEX_SLOT, annexLine);
  }
  return { release: describe(release), body, filename: `${inspection.inspectionId}-${release.releaseId}-summary.csv` };
}

/** Opens a closed inspection again (admin): its writes and questionnaire links work again, and it is back at drafting. */
export async function reopenInspection(inspectionId: string, user: User): Promise<Inspection> {
  const inspection = await requireInspection(inspectionId);
  const transition = await beginOrRefuse(inspection, 'reopen', user);
  await runReopen(inspection.inspectionId, transition);
  return requireInspection(inspection.inspectionId);
}

/** The links first: once the status says open, every link must take a send again, and no case may carry the TTL. */
async function runReopen(id: string, transition: Transition): Promise<void> {
  const fence = fenceOf(id, transition);
  try {
    await reopenInspectionLinks(id, fence);
    await setCaseRecordsExpiry(id, null, fence);
    if (!(await finishReopen(id, transition.id, new Date().toISOString(), transition.startedBy))) throw fence.broken();
  } catch (error) {
    if (!(error instanceof ReleaseInProgress)) await undoReopen(id, transition, fence).catch(() => undefined);
    throw error;
  }
}

/** Takes a reopening back: closed as its final release left it. */
async function undoReopen(id: string, transition: Transition, fence: Fence): Promise<void> {
  const closedAt = transition.closedAt ?? transition.startedAt;
  await closeInspectionLinks(id, closedAt, fence);
  await setCaseRecordsExpiry(id, caseRetentionEpoch(Date.parse(closedAt)), fence);
  await abandonTransition(id, transition.id, 'closed');
}

/** A transition under way or interrupted, for the releases page. */
export interface TransitionState {
  kind: TransitionKind;
  startedAt: string;
  /** Past its lease: it died half-way, and an admin may finish or undo it. */
  interrupted: boolean;
}

export async function transitionOf(inspectionId: string): Promise<TransitionState | undefined> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  const transition = (await getInspectionItem(id))?.transition as Transition | undefined;
  return transition ? { kind: transition.kind, startedAt: transition.startedAt, interrupted: transition.expiresAt < Date.now() } : undefined;
}

export type RecoveryAction = 'finish' | 'undo';

/**
 * Finishes or undoes a release or reopening that died half-way (admin). It takes the
 * transition over under a new id first, so whatever may still run under the old one changes
 * nothing more, then runs the steps again (each safe to repeat) or takes them back.
 */
export async function recoverTransition(
  inspectionId: string,
  action: RecoveryAction,
  user: User,
  render: RenderReport,
): Promise<{ inspectionId: string; recovered: TransitionKind; action: RecoveryAction; release?: Release }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  const found = (await getInspectionItem(id))?.transition as Transition | undefined;
  if (!found) throw new Conflict(`No release or reopening of inspection ${id} is under way: there is nothing to finish or undo.`);
  const now = Date.now();
  if (found.expiresAt >= now) {
    throw new ReleaseInProgress(
      `The ${KIND_NAMES[found.kind]} of inspection ${id} (started ${found.startedAt}) may still be running: it can be finished or undone after ${new Date(found.expiresAt).toISOString()}.`,
    );
  }
  const transition: Transition = { ...found, id: randomUUID(), expiresAt: now + TRANSITION_MS, recoveredBy: user.sub };
  if (!(await takeOverTransition(id, found.id, transition.id, transition.expiresAt, now))) {
    throw new ReleaseInProgress(`Somebody else is finishing or undoing the ${KIND_NAMES[found.kind]} of inspection ${id}.`);
  }
  const fence = fenceOf(id, transition);
  if (found.kind === 'reopen') {
    await (action === 'finish' ? runReopen(id, transition) : undoReopen(id, transition, fence));
    return { inspectionId: id, recovered: found.kind, action };
  }
  if (action === 'undo') {
    await undoRelease(id, transition, fence);
    return { inspectionId: id, recovered: found.kind, action };
  }
  return { inspectionId: id, recovered: found.kind, action, release: describe(await runRelease(id, transition, render)) };
}
