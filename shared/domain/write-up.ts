/**
 * The report's authored text (contract, "Write-up and releases"): read it with its ETag,
 * replace it whole with If-Match. The JSON route and the workbench page both come here, so a
 * stale form is refused exactly as a stale PUT is.
 */
import { createHash } from 'node:crypto';
import { InvalidInput, PreconditionFailed, PreconditionRequired, type ProblemDetail } from '../core/errors';
import type { User } from '../core/roles';
import type { BankStructure, Criterion } from '../schemas/bank';
import type { Inspection } from '../schemas/inspection';
import { criteriaOfInspection } from './criteria-of';
import type { WriteUp, WrittenText } from '../schemas/write-up';
import { getWriteUp, putWriteUp } from '../store/write-up';
import { bankStructureOf } from './bank-structure-of';
import { advanceStageAfterWrite, requireOpenInspection } from './closing';
import { requireInspection } from './inspections';

const BREAKDOWN_DIMENSIONS = new Set(['caseType', 'tier', 'roh', 'ppo', 'gender', 'ethnicity']);

export interface WriteUpRead {
  inspectionId: string;
  writeUp: WriteUp;
  etag: string;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

/** A strong ETag per version; quoted, as HTTP wants. */
export const etagOf = (version: number): string => `"wu-${version}"`;

/** The version an If-Match names, or undefined when it names none of ours (a weak or foreign tag, `*`). */
export function versionOfEtag(ifMatch: string): number | undefined {
  for (const tag of ifMatch.split(',')) {
    const m = /^"wu-(\d{1,12})"$/.exec(tag.trim());
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * Every recommendation with an id. One without keeps the id of a recommendation saved before
 * with the same words (a client that does not send ids back, an older form), or else gets
 * one from its words, so the same document always gets the same ids (an existing write-up
 * saved before ids existed reads the same way every time, until it is saved with them).
 */
export function withRecommendationIds(writeUp: WriteUp, previous?: WriteUp): WriteUp {
  const used = new Set(writeUp.recommendations.flatMap((r) => (r.id ? [r.id] : [])));
  const before = new Map((previous?.recommendations ?? []).flatMap((r) => (r.id ? [[r.text, r.id] as const] : [])));
  const recommendations = writeUp.recommendations.map((r) => {
    if (r.id) return r;
    let id = before.get(r.text);
    if (id === undefined || used.has(id)) {
      const base = `rec-${createHash('sha256').update(r.text).digest('hex').slice(0, 8)}`;
      id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    }
    used.add(id);
    return { id, ...r };
  });
  return { ...writeUp, recommendations };
}

export async function writeUpOf(inspectionId: string): Promise<WriteUpRead> {
  return (await writeUpForPage(inspectionId)).read;
}

/** For the workbench's form: the write-up, its inspection and the criteria the form lists. */
export async function writeUpForPage(inspectionId: string): Promise<{ inspection: Inspection; criteria: readonly Criterion[]; read: WriteUpRead }> {
  const inspection = await requireInspection(inspectionId);
  const stored = await getWriteUp(inspection.inspectionId);
  const writeUp = withRecommendationIds(stored.writeUp);
  return { inspection, criteria: criteriaOfInspection(inspection), read: { inspectionId: inspection.inspectionId, ...stored, writeUp, etag: etagOf(stored.version) } };
}

/** Every id in the write-up that the inspection's bank does not know, each named by where it is. */
export function writeUpProblems(bank: BankStructure, writeUp: WriteUp): ProblemDetail[] {
  const criteria = new Set(bank.criteria.map((c) => c.id));
  const questionCriterion = new Map(bank.questions.map((q) => [q.id, q.criterion]));
  const problems: ProblemDetail[] = [];
  const checkCriteria = (ids: readonly string[], path: string) =>
    ids.forEach((id, i) => {
      if (!criteria.has(id)) problems.push({ path: `${path}.${i}`, message: `No criterion ${id} in question bank ${bank.version}` });
    });
  const checkTexts = (texts: readonly WrittenText[], criterion: string, path: string) =>
    texts.forEach((text, i) => {
      if (typeof text === 'string' || !text.drafted) return;
      const { question, group } = text.drafted;
      const owner = questionCriterion.get(question);
      if (owner === undefined) problems.push({ path: `${path}.${i}.drafted.question`, message: `No question ${question} in question bank ${bank.version}` });
      else if (owner !== criterion) problems.push({ path: `${path}.${i}.drafted.question`, message: `Question ${question} belongs to criterion ${owner}, not ${criterion}` });
      const by = group?.split(':')[0];
      if (by !== undefined && !BREAKDOWN_DIMENSIONS.has(by)) {
        problems.push({ path: `${path}.${i}.drafted.group`, message: `No breakdown by ${by}: use one of ${[...BREAKDOWN_DIMENSIONS].join(', ')}` });
      }
    });
  for (const [id, entry] of Object.entries(writeUp.criteria)) {
    if (!criteria.has(id)) {
      problems.push({ path: `criteria.${id}`, message: `No criterion ${id} in question bank ${bank.version}` });
      continue;
    }
    checkTexts(entry.strengths, id, `criteria.${id}.strengths`);
    checkTexts(entry.improvements, id, `criteria.${id}.improvements`);
  }
  writeUp.recommendations.forEach((r, i) => checkCriteria(r.criteria, `recommendations.${i}.criteria`));
  const seen = new Set<string>();
  writeUp.recommendations.forEach((r, i) => {
    if (r.id && seen.has(r.id)) problems.push({ path: `recommendations.${i}.id`, message: `Recommendation id ${r.id} is used twice` });
    if (r.id) seen.add(r.id);
  });
  writeUp.goodPractice.forEach((g, i) => checkCriteria(g.criteria, `goodPractice.${i}.criteria`));
  return problems;
}

/**
 * Replaces the write-up whole, if it is still the version `ifMatch` names: 428 without one,
 * 412 when somebody saved since (their text is kept; the caller reads it again and merges).
 */
export async function replaceWriteUp(inspectionId: string, writeUp: WriteUp, ifMatch: string | undefined, user: User): Promise<WriteUpRead> {
  const inspection = await requireOpenInspection(inspectionId);
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new PreconditionRequired('Send If-Match with the ETag from GET .../write-up, so that nobody\'s changes are overwritten unseen.');
  }
  const problems = writeUpProblems(bankStructureOf(inspection), writeUp);
  if (problems.length) throw new InvalidInput(problems);
  const basedOn = versionOfEtag(ifMatch);
  // Ids kept from the version this edit was based on (a stale edit is refused below anyway).
  const withIds = withRecommendationIds(writeUp, basedOn === undefined ? undefined : (await getWriteUp(inspection.inspectionId)).writeUp);
  const version = basedOn === undefined ? undefined : await putWriteUp(inspection.inspectionId, withIds, basedOn, user.sub);
  if (version === undefined) {
    throw new PreconditionFailed('The write-up has changed since you read it: read it again (GET .../write-up), carry your changes over, and send it with the new ETag.');
  }
  await advanceStageAfterWrite(inspection, 'drafting');
  return { inspectionId: inspection.inspectionId, writeUp: withIds, version, etag: etagOf(version) };
}
