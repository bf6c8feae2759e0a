/**
 * The report's authored text (contract, "Write-up and releases"): read it with its ETag,
 * replace it whole with If-Match. The JSON route and the workbench page both come here, so a
 * stale form is refused exactly as a stale PUT is.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import {
  Conflict,
  DomainError,
  InvalidInput,
  NotFound,
  PayloadTooLarge,
  PreconditionFailed,
  PreconditionRequired,
  type ProblemDetail,
} from '#core/errors';
import type { User } from '#core/roles';
import type { BankStructure, Criterion } from '#schemas/bank';
import type { Inspection } from '#schemas/inspection';
import { criteriaOfInspection } from './criteria-of';
import { WriteUp, type WrittenText } from '#schemas/write-up';
import {
  canonicalJson,
  criterionOfSection,
  pathInSection,
  sectionContent,
  sectionIds,
  withSectionContent,
  type WriteUpSection,
  type WriteUpSectionInput,
} from '#schemas/write-up-sections';
import { getWriteUp, putWriteUp, putWriteUpSections, WriteUpTooLarge, type Saver, type SectionSave, type StoredWriteUp } from '#store/write-up';
import { bankStructureOf } from './bank-structure-of';
import { advanceStageAfterWrite, requireOpenInspection } from './closing';
import { requireInspection } from './inspections';
import { namesOf, ROLE_AS_PERSON } from './people';

const BREAKDOWN_DIMENSIONS = new Set(['caseType', 'tier', 'roh', 'ppo', 'gender', 'ethnicity']);

export interface WriteUpRead {
  inspectionId: string;
  writeUp: WriteUp;
  etag: string;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
  /** Each section's version and who saved it last (a section not here has version 0). */
  sections?: StoredWriteUp['sections'];
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
  return {
    inspection,
    criteria: criteriaOfInspection(inspection),
    read: { inspectionId: inspection.inspectionId, ...stored, writeUp, etag: etagOf(stored.version) },
  };
}

/**
 * The read with each section's saver named, for a page: a save that kept no name (the JSON
 * API's token users, saves from before names were kept) is named from the people directory.
 */
export async function withSaversNamed(read: WriteUpRead): Promise<WriteUpRead> {
  const sections = read.sections ?? {};
  const nameOf = await namesOf(Object.values(sections).flatMap((v) => (v.updatedByName ? [] : [v.updatedBy])));
  const named = (v: NonNullable<WriteUpRead['sections']>[string]) =>
    v.updatedByName || !v.updatedBy ? v : { ...v, updatedByName: nameOf(v.updatedBy, ROLE_AS_PERSON.inspector) };
  return { ...read, sections: Object.fromEntries(Object.entries(sections).map(([s, v]) => [s, named(v)])) };
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
      if (owner === undefined)
        problems.push({ path: `${path}.${i}.drafted.question`, message: `No question ${question} in question bank ${bank.version}` });
      else if (owner !== criterion)
        problems.push({ path: `${path}.${i}.drafted.question`, message: `Question ${question} belongs to criterion ${owner}, not ${criterion}` });
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
    throw new PreconditionRequired("Send If-Match with the ETag from GET .../write-up, so that nobody's changes are overwritten unseen.");
  }
  const problems = writeUpProblems(bankStructureOf(inspection), writeUp);
  if (problems.length) throw new InvalidInput(problems);
  const basedOn = versionOfEtag(ifMatch);
  // Ids kept from the version this edit was based on (a stale edit is refused below anyway).
  const withIds = withRecommendationIds(writeUp, basedOn === undefined ? undefined : (await getWriteUp(inspection.inspectionId)).writeUp);
  const version = basedOn === undefined ? undefined : await putWriteUp(inspection.inspectionId, withIds, basedOn, saverOf(user));
  if (version === undefined) {
    throw new PreconditionFailed(
      'The write-up has changed since you read it: read it again (GET .../write-up), carry your changes over, and send it with the new ETag.',
    );
  }
  await advanceStageAfterWrite(inspection, 'drafting');
  return { inspectionId: inspection.inspectionId, writeUp: withIds, version, etag: etagOf(version) };
}

/* ------------------------------------------------------------------------------------------
 * Section by section (issue 27): each section saved against its own version.
 * ---------------------------------------------------------------------------------------- */

const PART_TITLES: Record<string, string> = {
  summary: 'Summary',
  recommendations: 'Recommendations',
  'good-practice': 'Good practice',
  settings: 'Publishing settings',
  cover: 'Cover',
  foreword: 'Foreword',
  acknowledgements: 'Acknowledgements',
  'inspection-team': 'Inspection team',
  abbreviations: 'Abbreviations',
  'next-steps': 'Next steps',
};

/** A section's name as people read it: "Summary", "2.3 Reviewing the plan". */
export function sectionTitle(sectionId: string, criteria: readonly Pick<Criterion, 'id' | 'title'>[]): string {
  const criterion = criterionOfSection(sectionId);
  if (criterion === undefined) return PART_TITLES[sectionId] ?? sectionId;
  const found = criteria.find((c) => c.id === criterion);
  return found ? `${found.id} ${found.title}` : criterion;
}

/** The name a person is shown as: the sign-in's name when there is one, else the account id. */
export const saverOf = (user: User & { displayName?: string }): Saver => ({
  sub: user.sub,
  ...(user.displayName && user.displayName !== user.sub ? { name: user.displayName } : {}),
});

/** A section somebody else saved after the writer read it, with their content and the writer's. */
export interface SectionConflict {
  sectionId: string;
  title: string;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
  updatedByName?: string;
  theirs: unknown;
  yours: unknown;
}

/** A section saved since the writer read it (a 409): who and when, their content and the writer's, so the writer can keep either. */
export class SectionChanged extends DomainError {
  readonly status = 409;
  readonly slug = 'section-changed';
  constructor(readonly conflict: SectionConflict) {
    const who = conflict.updatedByName ?? conflict.updatedBy ?? 'Somebody';
    super(
      `${who} saved "${conflict.title}" (now version ${conflict.version}) at ${conflict.updatedAt ?? 'an unknown time'}, after you read it. Nothing of yours was saved: keep theirs, or send yours again with expectedVersion ${conflict.version}.`,
      [{ path: 'expectedVersion', message: `${who} saved this section since version you read; it is now version ${conflict.version}` }],
    );
    this.extensions = {
      sectionId: conflict.sectionId,
      current: {
        version: conflict.version,
        updatedAt: conflict.updatedAt,
        updatedBy: conflict.updatedBy,
        ...(conflict.updatedByName ? { updatedByName: conflict.updatedByName } : {}),
        content: conflict.theirs ?? null,
      },
      yours: conflict.yours ?? null,
    };
  }
}

export interface SectionEdit {
  sectionId: string;
  /** undefined (or null from JSON) takes an optional part out. */
  content: unknown;
  expectedVersion: number;
}

export interface SectionsSaved {
  /** Sections written by this save. */
  saved: string[];
  /** Sections somebody else changed since they were read; nothing of the writer's saved there. */
  conflicts: SectionConflict[];
  read: WriteUpRead;
}

const versionOf = (stored: StoredWriteUp, sectionId: string) => stored.sections[sectionId]?.version ?? 0;
const readOf = (inspectionId: string, stored: StoredWriteUp): WriteUpRead => ({
  inspectionId,
  ...stored,
  writeUp: withRecommendationIds(stored.writeUp),
  etag: etagOf(stored.version),
});

/** The most a save retries when other sections land in the same instant (each retry reads again). */
const SECTION_SAVE_ATTEMPTS = 8;

/**
 * Saves each edited section if nobody saved it since the writer read it, and never touches
 * another section: edits of sections that moved on come back as conflicts (their text and
 * the writer's), the rest land together. An edit that leaves a section as it is stored
 * (the same words, or the same words somebody else saved already) writes nothing.
 */
export async function saveWriteUpSections(
  inspectionId: string,
  edits: readonly SectionEdit[],
  user: User & { displayName?: string },
): Promise<SectionsSaved> {
  const inspection = await requireOpenInspection(inspectionId);
  const criteria = criteriaOfInspection(inspection);
  const known = new Set(sectionIds(criteria.map((c) => c.id)));
  for (const edit of edits) if (!known.has(edit.sectionId)) throw new NotFound(`The write-up has no section ${edit.sectionId}.`);
  const bank = bankStructureOf(inspection);
  for (let attempt = 0; attempt < SECTION_SAVE_ATTEMPTS; attempt++) {
    const stored = await getWriteUp(inspection.inspectionId);
    const conflicts: SectionConflict[] = [];
    let candidate = stored.writeUp;
    const writing: SectionEdit[] = [];
    for (const edit of edits) {
      const content = edit.content === null ? undefined : edit.content;
      const theirs = sectionContent(stored.writeUp, edit.sectionId);
      if (canonicalJson(theirs) === canonicalJson(content)) continue;
      const current = stored.sections[edit.sectionId];
      if (versionOf(stored, edit.sectionId) !== edit.expectedVersion) {
        conflicts.push({
          sectionId: edit.sectionId,
          title: sectionTitle(edit.sectionId, criteria),
          version: versionOf(stored, edit.sectionId),
          ...current,
          theirs,
          yours: content,
        });
        continue;
      }
      writing.push(edit);
      candidate = withSectionContent(candidate, edit.sectionId, content);
    }
    if (!writing.length) return { saved: [], conflicts, read: readOf(inspection.inspectionId, stored) };
    const parsed = z.safeParse(WriteUp, candidate);
    if (!parsed.success) throw new InvalidInput(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
    const problems = writeUpProblems(bank, parsed.data);
    if (problems.length) throw new InvalidInput(problems);
    const checked = withRecommendationIds(parsed.data, stored.writeUp);
    const saves: SectionSave[] = writing.map((e) => ({
      sectionId: e.sectionId,
      expectedVersion: e.expectedVersion,
      content: sectionContent(checked, e.sectionId),
    }));
    let outcome: Awaited<ReturnType<typeof putWriteUpSections>>;
    try {
      outcome = await putWriteUpSections(inspection.inspectionId, saves, saverOf(user));
    } catch (error) {
      if (error instanceof WriteUpTooLarge)
        throw new PayloadTooLarge('The write-up would be too long to store: shorten the text of this section, or split the report.');
      throw error;
    }
    if (!outcome.landed) continue; // a section moved on between the read and the write: read again and sort the edits afresh
    await advanceStageAfterWrite(inspection, 'drafting');
    return { saved: writing.map((e) => e.sectionId), conflicts, read: readOf(inspection.inspectionId, outcome.stored) };
  }
  throw new Conflict('The write-up is being saved by several people at this moment: try again.');
}

/** Every section of an inspection's write-up with its version, for a writer to edit one. */
export async function writeUpSectionsOf(inspectionId: string): Promise<{ inspectionId: string; etag: string; sections: WriteUpSection[] }> {
  const inspection = await requireInspection(inspectionId);
  const criteria = criteriaOfInspection(inspection);
  const read = readOf(inspection.inspectionId, await getWriteUp(inspection.inspectionId));
  return {
    inspectionId: inspection.inspectionId,
    etag: read.etag,
    sections: sectionIds(criteria.map((c) => c.id)).map((sectionId) => ({
      sectionId,
      title: sectionTitle(sectionId, criteria),
      version: read.sections?.[sectionId]?.version ?? 0,
      ...read.sections?.[sectionId],
      content: sectionContent(read.writeUp, sectionId) ?? null,
    })),
  };
}

/**
 * One section, as the JSON route saves it: 409 `section-changed` when somebody saved it since
 * `expectedVersion`, naming them, with their content and the one sent; problems are named by
 * where they are in the content sent.
 */
export async function saveWriteUpSection(
  inspectionId: string,
  sectionId: string,
  input: WriteUpSectionInput,
  user: User & { displayName?: string },
): Promise<WriteUpSection & { etag: string }> {
  let result: SectionsSaved;
  try {
    result = await saveWriteUpSections(inspectionId, [{ sectionId, content: input.content, expectedVersion: input.expectedVersion }], user);
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    throw new InvalidInput(error.errors.map((p) => ({ ...p, path: pathInSection(sectionId, p.path.split('.')) ?? 'content' })));
  }
  const [conflict] = result.conflicts;
  if (conflict) throw new SectionChanged(conflict);
  const criteria = criteriaOfInspection(await requireInspection(inspectionId));
  const meta = result.read.sections?.[sectionId];
  return {
    sectionId,
    title: sectionTitle(sectionId, criteria),
    version: meta?.version ?? 0,
    ...meta,
    content: sectionContent(result.read.writeUp, sectionId) ?? null,
    etag: result.read.etag,
  };
}
