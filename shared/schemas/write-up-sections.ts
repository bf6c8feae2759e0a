/**
 * The write-up cut into sections (issue 27, "Writing together"): each section is saved with
 * its own version, so two people writing different criteria never collide. A section is one
 * part of the document: the summary, one criterion's findings, the recommendations, good
 * practice, the publishing settings, and each part of the front matter. Together the sections
 * are the whole document: a write-up is exactly the sum of its sections' contents.
 *
 * A section's content is a JSON value; `undefined` means the part is absent from the document
 * (an optional part never written, a criterion with no entry).
 */
import * as z from 'zod/mini';
import type { WriteUp } from './write-up';

/** Sections that are one field of the document, by id: the field they hold. */
const FIELD_SECTIONS = {
  summary: 'summary',
  recommendations: 'recommendations',
  'good-practice': 'goodPractice',
  cover: 'cover',
  foreword: 'foreword',
  acknowledgements: 'acknowledgements',
  'inspection-team': 'inspectionTeam',
  abbreviations: 'abbreviations',
  'next-steps': 'nextSteps',
} as const satisfies Record<string, keyof WriteUp>;

/** Settings that change what is published, not what it says: one section, an object of these fields. */
const SETTINGS_FIELDS = ['rohTablesInternal', 'sentNotStated'] as const satisfies readonly (keyof WriteUp)[];

/** Lists that are empty, not absent, when nothing was written (the contract's document always has them). */
const ALWAYS_PRESENT = new Set<string>(['summary', 'recommendations', 'goodPractice']);

const CRITERION_PREFIX = 'criterion-';

export const WriteUpSectionId = z
  .string()
  .check(
    z.regex(
      /^(summary|recommendations|good-practice|settings|cover|foreword|acknowledgements|inspection-team|abbreviations|next-steps|criterion-[1-4]\.[1-9])$/,
    ),
  );
export type WriteUpSectionId = string;

export const criterionSection = (criterionId: string): string => `${CRITERION_PREFIX}${criterionId}`;
export const criterionOfSection = (sectionId: string): string | undefined =>
  sectionId.startsWith(CRITERION_PREFIX) ? sectionId.slice(CRITERION_PREFIX.length) : undefined;

/** Every section id a document can have, given the criteria of its bank, in the report's order. */
export function sectionIds(criterionIds: readonly string[]): string[] {
  return [
    'summary',
    ...criterionIds.map(criterionSection),
    'recommendations',
    'good-practice',
    'settings',
    'cover',
    'foreword',
    'acknowledgements',
    'inspection-team',
    'abbreviations',
    'next-steps',
  ];
}

/** One section's content in a document; undefined when the document has no such part. */
export function sectionContent(writeUp: WriteUp, sectionId: string): unknown {
  const criterion = criterionOfSection(sectionId);
  if (criterion !== undefined) return writeUp.criteria[criterion];
  if (sectionId === 'settings') {
    const settings = Object.fromEntries(SETTINGS_FIELDS.flatMap((f) => (writeUp[f] === undefined ? [] : [[f, writeUp[f]]])));
    return Object.keys(settings).length ? settings : undefined;
  }
  const field = FIELD_SECTIONS[sectionId as keyof typeof FIELD_SECTIONS];
  return field === undefined ? undefined : writeUp[field];
}

/**
 * The document with one section's content put in (undefined takes the part out). Not checked
 * here: the result is parsed with the WriteUp schema by whoever stores it.
 */
export function withSectionContent(writeUp: WriteUp, sectionId: string, content: unknown): WriteUp {
  const criterion = criterionOfSection(sectionId);
  if (criterion !== undefined) {
    const { [criterion]: _old, ...rest } = writeUp.criteria;
    return { ...writeUp, criteria: content === undefined ? rest : { ...rest, [criterion]: content as WriteUp['criteria'][string] } };
  }
  if (sectionId === 'settings') {
    const out: Record<string, unknown> = { ...writeUp };
    for (const f of SETTINGS_FIELDS) delete out[f];
    return { ...(out as WriteUp), ...(content && typeof content === 'object' ? (content as Partial<WriteUp>) : {}) };
  }
  const field = FIELD_SECTIONS[sectionId as keyof typeof FIELD_SECTIONS];
  if (field === undefined) return writeUp;
  if (content === undefined) {
    if (ALWAYS_PRESENT.has(field)) return { ...writeUp, [field]: [] };
    const { [field]: _old, ...rest } = writeUp;
    return rest as WriteUp;
  }
  return { ...writeUp, [field]: content } as WriteUp;
}

/** The ids of the sections a document has something in (the criteria it names included). */
export function sectionsWritten(writeUp: WriteUp): string[] {
  return sectionIds(Object.keys(writeUp.criteria)).filter((s) => sectionContent(writeUp, s) !== undefined);
}

/**
 * Where a problem found in the whole document sits in one section's content: `content...`, or
 * undefined when the problem is in another section. The inverse of withSectionContent's placing.
 */
export function pathInSection(sectionId: string, path: readonly (string | number)[]): string | undefined {
  const criterion = criterionOfSection(sectionId);
  const [head, ...rest] = path.map(String);
  if (criterion !== undefined) {
    if (head !== 'criteria') return undefined;
    // A criterion id holds a dot: the path's next parts may be '1.2' or '1', '2'.
    const joined = rest.join('.');
    if (joined === criterion) return 'content';
    return joined.startsWith(`${criterion}.`) ? `content.${joined.slice(criterion.length + 1)}` : undefined;
  }
  if (sectionId === 'settings')
    return head !== undefined && (SETTINGS_FIELDS as readonly string[]).includes(head) ? ['content', head, ...rest].join('.') : undefined;
  const field = FIELD_SECTIONS[sectionId as keyof typeof FIELD_SECTIONS];
  return field !== undefined && head === field ? ['content', ...rest].join('.') : undefined;
}

/** A JSON text that is the same for the same value, whatever order its keys were given in. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** What the section routes read and write. */
export const WriteUpSectionInput = z.strictObject({
  /** The section's version the writer read (0 for one never saved). */
  expectedVersion: z.int().check(z.minimum(0), z.maximum(1e12)),
  /** The section's part of the document, as GET .../write-up/sections gives it; null takes an optional part out. */
  // Never left out: a client that forgot it must not take the section out.
  content: z.unknown().check(z.refine((v) => v !== undefined, { message: 'Send the section as it should be (null takes an optional part out)' })),
});
export type WriteUpSectionInput = z.infer<typeof WriteUpSectionInput>;

const SectionMeta = {
  sectionId: z.string(),
  title: z.string(),
  version: z.int(),
  updatedAt: z.optional(z.string()),
  updatedBy: z.optional(z.string()),
  /** The saver's name, when the sign-in gave one. */
  updatedByName: z.optional(z.string()),
};

export const WriteUpSection = z.object({ ...SectionMeta, content: z.unknown() });
export type WriteUpSection = z.infer<typeof WriteUpSection>;

export const WriteUpSections = z.object({
  inspectionId: z.string(),
  /** The whole document's version: its ETag, as GET .../write-up gives it. */
  etag: z.string(),
  sections: z.array(WriteUpSection),
});
