/**
 * The improvement plan (issue 29; contract, "Meetings and the improvement plan"): after a
 * final release the area sends a plan against each recommendation, due four weeks after
 * publication; staff and admins record it and follow each action. An admin exports it and
 * publishes it beside the release as an annex, frozen like the release itself.
 *
 * It answers the latest final release, and is kept whatever happens to the inspection after:
 * reopening and releasing again leave it as it was (its due date follows the new release).
 */
import { randomBytes } from 'node:crypto';
import { Conflict, InvalidInput, NotFound, PreconditionFailed, PreconditionRequired, type ProblemDetail } from '#core/errors';
import type { User } from '#core/roles';
import type { ImprovementPlan, ImprovementPlanInput, PlanAnnex } from '#schemas/improvement-plan';
import { getImprovementPlan, latestPlanAnnex, putImprovementPlan, putPlanAnnex } from '#store/improvement-plan';
import { getRelease, listReleases } from '#store/releases';
import { RELEASE_ID } from '#schemas/release';
import { getWriteUp } from '#store/write-up';
import { toCsv } from '#core/csv-out';
import { requireInspection } from './inspections';
import { withRecommendationIds } from './write-up';

/** Four weeks after publication (the Kent report's "Next steps"). */
export const PLAN_DUE_DAYS = 28;

export const planEtagOf = (version: number): string => `"ip-${version}"`;

function versionOfPlanEtag(ifMatch: string): number | undefined {
  for (const tag of ifMatch.split(',')) {
    const m = /^"ip-(\d{1,12})"$/.exec(tag.trim());
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The day the plan is due, four weeks after the final release it answers. */
const dueDateOf = (publishedAt: string) => new Date(Date.parse(publishedAt) + PLAN_DUE_DAYS * 86_400_000).toISOString().slice(0, 10);

const today = (now: number) => new Date(now).toISOString().slice(0, 10);

function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** A release of the inspection, or 404 (without the release use cases, which carry the whole report). */
async function requireRelease(inspectionId: string, releaseId: string) {
  const inspection = await requireInspection(inspectionId);
  const release = RELEASE_ID.test(releaseId) ? await getRelease(inspection.inspectionId, releaseId) : undefined;
  if (!release) throw new NotFound(`No release ${releaseId.slice(0, 40)} of inspection ${inspection.inspectionId}.`);
  return { inspection, release };
}

/** The final release the plan answers: the latest one. */
async function publication(inspectionId: string): Promise<{ releaseId: string; createdAt: string }> {
  const finals = (await listReleases(inspectionId)).filter((r) => r.kind === 'final');
  const last = finals.at(-1);
  if (!last) throw new Conflict(`Inspection ${inspectionId} has no final release yet: its improvement plan is asked for after publication.`);
  return last;
}

/** The plan as it is followed today: due, overdue or received, and each action open, done or overdue. */
export function followPlan(
  inspectionId: string,
  published: { releaseId: string; createdAt: string },
  stored: { plan: ImprovementPlanInput; version: number; updatedAt?: string },
  recommendations: ReadonlyMap<string, string>,
  now = Date.now(),
): ImprovementPlan {
  const dueAt = dueDateOf(published.createdAt);
  const day = today(now);
  const { plan } = stored;
  return {
    inspectionId,
    releaseId: published.releaseId,
    publishedAt: published.createdAt,
    dueAt,
    state: plan.receivedAt ? 'received' : day > dueAt ? 'overdue' : 'due',
    ...(plan.receivedAt ? { receivedAt: plan.receivedAt } : {}),
    actions: plan.actions.map((a) => {
      const words = recommendations.get(a.recommendation);
      return {
        ...a,
        progress: a.progress ?? [],
        state: a.status === 'done' ? 'done' : a.due < day ? 'overdue' : 'open',
        ...(words === undefined ? {} : { recommendationText: words }),
      };
    }),
    version: stored.version,
    ...(stored.updatedAt ? { updatedAt: stored.updatedAt } : {}),
  };
}

async function recommendationsOf(inspectionId: string): Promise<Map<string, string>> {
  const { writeUp } = await getWriteUp(inspectionId);
  return new Map(withRecommendationIds(writeUp).recommendations.map((r) => [r.id!, r.text]));
}

export async function improvementPlanOf(inspectionId: string, now = Date.now()): Promise<{ plan: ImprovementPlan; etag: string }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  const [published, stored, recommendations] = await Promise.all([publication(id), getImprovementPlan(id), recommendationsOf(id)]);
  return { plan: followPlan(id, published, stored, recommendations, now), etag: planEtagOf(stored.version) };
}

/**
 * Replaces the plan whole, if it is still the version `ifMatch` names (428 without, 412 when
 * somebody saved since). An action for a recommendation the write-up no longer has is a 409
 * naming it: the plan would answer something the report does not ask.
 */
export async function replaceImprovementPlan(
  inspectionId: string,
  input: ImprovementPlanInput,
  ifMatch: string | undefined,
  user: User,
): Promise<{ plan: ImprovementPlan; etag: string }> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new PreconditionRequired("Send If-Match with the ETag from GET .../improvement-plan, so that nobody's changes are overwritten unseen.");
  }
  const [published, recommendations] = await Promise.all([publication(id), recommendationsOf(id)]);
  const dates: ProblemDetail[] = [];
  if (input.receivedAt && !isRealDate(input.receivedAt)) dates.push({ path: 'receivedAt', message: `${input.receivedAt} is not a real date` });
  input.actions.forEach((a, i) => {
    if (!isRealDate(a.due)) dates.push({ path: `actions.${i}.due`, message: `${a.due} is not a real date` });
    (a.progress ?? []).forEach((p, j) => {
      if (!isRealDate(p.date)) dates.push({ path: `actions.${i}.progress.${j}.date`, message: `${p.date} is not a real date` });
    });
  });
  if (dates.length) throw new InvalidInput(dates);
  const missing = input.actions.flatMap((a, i) => (recommendations.has(a.recommendation) ? [] : [{ i, id: a.recommendation }]));
  if (missing.length) {
    throw new Conflict(
      `The plan answers ${missing.length === 1 ? 'a recommendation' : 'recommendations'} the write-up no longer has: ${[...new Set(missing.map((m) => m.id))].join(', ')}.`,
      missing.map(({ i, id }) => ({ path: `actions.${i}.recommendation`, message: `Recommendation ${id} no longer exists in the write-up` })),
    );
  }
  const basedOn = versionOfPlanEtag(ifMatch);
  const version = basedOn === undefined ? undefined : await putImprovementPlan(id, input, basedOn, user.sub);
  if (version === undefined) {
    throw new PreconditionFailed(
      'The improvement plan has changed since you read it: read it again, carry your changes over, and send it with the new ETag.',
    );
  }
  const updatedAt = new Date().toISOString();
  return { plan: followPlan(id, published, { plan: input, version, updatedAt }, recommendations), etag: planEtagOf(version) };
}

const PLAN_CSV_HEADER = ['recommendation', 'recommendationText', 'action', 'owner', 'due', 'status', 'state', 'progress'] as const;

/** One row per action; its progress updates in one cell, oldest first ("2008-03-01: text"). */
export function planToCsv(plan: ImprovementPlan): string {
  return toCsv([
    [...PLAN_CSV_HEADER],
    ...plan.actions.map((a) => [
      a.recommendation,
      a.recommendationText ?? '',
      a.action,
      a.owner,
      a.due,
      a.status,
      a.state,
      [...(a.progress ?? [])]
        .sort((x, y) => x.date.localeCompare(y.date))
        .map((p) => `${p.date}: ${p.text}`)
        .join('\n'),
    ]),
  ]);
}

export async function improvementPlanCsv(inspectionId: string): Promise<{ filename: string; csv: string }> {
  const { plan } = await improvementPlanOf(inspectionId);
  return { filename: `${plan.inspectionId}-improvement-plan.csv`, csv: planToCsv(plan) };
}

/**
 * Publishes the plan as it is now beside a final release: its JSON and CSV frozen, served
 * byte for byte ever after (a later annex of the same release supersedes it; none is changed).
 */
export async function publishPlanAnnex(inspectionId: string, releaseId: string, user: User): Promise<PlanAnnex> {
  const { inspection, release } = await requireRelease(inspectionId, releaseId);
  if (release.kind !== 'final')
    throw new Conflict(`Release ${release.releaseId} is a factual-accuracy draft: an improvement plan is published with a final release.`);
  const { plan } = await improvementPlanOf(inspection.inspectionId);
  const createdAt = new Date().toISOString();
  const annexId = `${createdAt.replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
  await putPlanAnnex(inspection.inspectionId, release.releaseId, { annexId, createdAt, json: JSON.stringify(plan), csv: planToCsv(plan) }, user.sub);
  return { inspectionId: inspection.inspectionId, releaseId: release.releaseId, annexId, createdAt };
}

/** The release's newest annex, as frozen. */
export async function planAnnexOf(
  inspectionId: string,
  releaseId: string,
): Promise<{ annex: PlanAnnex; json: string; csv: string; filename: string }> {
  const { inspection, release } = await requireRelease(inspectionId, releaseId);
  const stored = await latestPlanAnnex(inspection.inspectionId, release.releaseId);
  if (!stored) throw new NotFound(`Release ${release.releaseId} has no improvement plan published with it.`);
  return {
    annex: { inspectionId: inspection.inspectionId, releaseId: release.releaseId, annexId: stored.annexId, createdAt: stored.createdAt },
    json: stored.json,
    csv: stored.csv,
    filename: `${inspection.inspectionId}-${release.releaseId}-improvement-plan.csv`,
  };
}

/**
 * The annex as a report link shows it: the newest one frozen with the link's final release, or
 * null while there is none. A link to the live draft or to a factual-accuracy release (no
 * `releaseId`, or not final) has none and no due date yet: the plan answers a final release.
 */
export async function publishedPlanAnnex(
  inspectionId: string,
  releaseId: string | null,
): Promise<{ area: string; dueAt: string | null; annex: { createdAt: string; plan: ImprovementPlan } | null }> {
  if (releaseId === null) return { area: (await requireInspection(inspectionId)).area, dueAt: null, annex: null };
  const { inspection, release } = await requireRelease(inspectionId, releaseId);
  if (release.kind !== 'final') return { area: inspection.area, dueAt: null, annex: null };
  const stored = await latestPlanAnnex(inspection.inspectionId, release.releaseId);
  return {
    area: inspection.area,
    dueAt: dueDateOf(release.createdAt),
    annex: stored ? { createdAt: stored.createdAt, plan: JSON.parse(stored.json) as ImprovementPlan } : null,
  };
}

/** Whether an annex has been frozen with the release (its contents then link to it). */
export async function hasPlanAnnex(inspectionId: string, releaseId: string): Promise<boolean> {
  return (await latestPlanAnnex(inspectionId, releaseId)) !== undefined;
}

/**
 * For the workbench's page: the plan when there is a final release to answer (null before),
 * with the recommendations an action may answer and the final release an annex goes with.
 */
export async function improvementPlanForPage(inspectionId: string): Promise<{
  inspectionId: string;
  followed: { plan: ImprovementPlan; etag: string } | null;
  recommendations: { id: string; text: string }[];
}> {
  const { inspectionId: id } = await requireInspection(inspectionId);
  const recommendations = [...(await recommendationsOf(id))].map(([rid, text]) => ({ id: rid, text }));
  const finals = (await listReleases(id)).filter((r) => r.kind === 'final');
  return { inspectionId: id, followed: finals.length ? await improvementPlanOf(id) : null, recommendations };
}
