/**
 * The report's authored text: one item per inspection, so a release and the readiness check
 * read the whole document in one consistent read. Inside it each section (the summary, each
 * criterion, the recommendations, ...: schemas/write-up-sections.ts) is its own attribute
 * with its own version, saved by an UpdateItem whose condition is that section's version
 * alone: two people saving different sections both land, and the same section saved twice on
 * one version lands once. Every save also increments the item's `version`, the whole
 * document's (the HTTP layer's ETag), so a whole replacement based on an older read is refused.
 *
 * A write-up stored before sections existed has its whole document in `body`: it still reads,
 * and the sections saved since lie over it (a section never saved has version 0 and no attribute).
 * The JSON is gzipped: prose compresses three- or four-fold and writes are billed by size.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { gunzipSync, gzipSync } from 'node:zlib';
import { EMPTY_WRITE_UP, type WriteUp } from '#schemas/write-up';
import { canonicalJson, sectionContent, sectionIds, withSectionContent } from '#schemas/write-up-sections';
import { doc, tableName } from './client';
import { GroupRefused, openFence, writeFenced } from './fence';
import { keys, writeUpSectionAttribute, writeUpSectionOfAttribute } from './keys';

export interface SectionVersion {
  version: number;
  updatedAt?: string;
  updatedBy?: string;
  updatedByName?: string;
}

export interface StoredWriteUp {
  writeUp: WriteUp;
  /** The whole document's version: 0 before the first write. */
  version: number;
  updatedAt?: string;
  updatedBy?: string;
  /** Each section saved at least once; a section not here has version 0. */
  sections: Record<string, SectionVersion>;
}

/** Who saves: the account id, and the name to show people when the sign-in gave one. */
export interface Saver {
  sub: string;
  name?: string;
}

/** One section's save: its new content (undefined takes the part out) and the version it was based on. */
export interface SectionSave {
  sectionId: string;
  content: unknown;
  expectedVersion: number;
}

interface RawSection {
  v: number;
  at: string;
  by: string;
  name?: string;
  /** Gzipped JSON of the content; `null` for a part taken out. */
  gz: Uint8Array;
}

/** DynamoDB's item limit is 400 KB; a section save that would pass this is refused before it is tried. */
export const WRITE_UP_ITEM_MAX_BYTES = 380_000;

export class WriteUpTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`the write-up would take ${bytes} bytes stored`);
  }
}

const gz = (content: unknown) => gzipSync(canonicalJson(content));
const ungz = (bytes: Uint8Array): unknown => JSON.parse(gunzipSync(bytes).toString('utf8'));

function fromItem(item: Record<string, unknown> | undefined): StoredWriteUp {
  if (!item) return { writeUp: EMPTY_WRITE_UP, version: 0, sections: {} };
  let writeUp = item.body ? (ungz(item.body as Uint8Array) as WriteUp) : EMPTY_WRITE_UP;
  const sections: Record<string, SectionVersion> = {};
  for (const [attribute, value] of Object.entries(item)) {
    const sectionId = writeUpSectionOfAttribute(attribute);
    if (sectionId === undefined) continue;
    const raw = value as RawSection;
    const content = ungz(raw.gz);
    writeUp = withSectionContent(writeUp, sectionId, content === null ? undefined : content);
    sections[sectionId] = { version: Number(raw.v), updatedAt: raw.at, updatedBy: raw.by, ...(raw.name ? { updatedByName: raw.name } : {}) };
  }
  return {
    writeUp,
    version: Number(item.version),
    ...(item.updatedAt ? { updatedAt: item.updatedAt as string } : {}),
    ...(item.updatedBy ? { updatedBy: item.updatedBy as string } : {}),
    sections,
  };
}

async function getItem(inspectionId: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.writeUp(inspectionId), ConsistentRead: true }));
  return Item;
}

export async function getWriteUp(inspectionId: string): Promise<StoredWriteUp> {
  return fromItem(await getItem(inspectionId));
}

const rawSection = (content: unknown, version: number, at: string, who: Saver): RawSection => ({
  v: version,
  at,
  by: who.sub,
  ...(who.name ? { name: who.name } : {}),
  gz: gz(content),
});

const sizeOf = (item: Record<string, unknown>): number =>
  Object.entries(item).reduce(
    (n, [k, v]) =>
      n + k.length + (v instanceof Uint8Array ? v.length : typeof v === 'object' && v ? sizeOf(v as Record<string, unknown>) : String(v).length),
    0,
  );

/**
 * Saves sections, each only if it is still the version its writer read: all of them or none.
 * Returns the document as saved, or, when any section moved on (or the inspection's write-up
 * changed shape under it), the document as it is now and nothing saved. Lands only while the
 * inspection is open (fence.ts): InspectionClosed otherwise.
 */
export async function putWriteUpSections(
  inspectionId: string,
  saves: readonly SectionSave[],
  who: Saver,
): Promise<{ landed: true; stored: StoredWriteUp } | { landed: false; current: StoredWriteUp }> {
  const item = await getItem(inspectionId);
  const now = new Date().toISOString();
  const names: Record<string, string> = { '#version': 'version', '#entity': 'entity', '#at': 'updatedAt', '#by': 'updatedBy' };
  const values: Record<string, unknown> = { ':one': 1, ':entity': 'write-up', ':at': now, ':by': who.sub };
  const sets = ['#entity = :entity', '#at = :at', '#by = :by'];
  const conditions: string[] = [];
  const after: Record<string, unknown> = { ...item };
  saves.forEach((save, i) => {
    names[`#s${i}`] = writeUpSectionAttribute(save.sectionId);
    values[`:s${i}`] = rawSection(save.content === undefined ? null : save.content, save.expectedVersion + 1, now, who);
    after[writeUpSectionAttribute(save.sectionId)] = values[`:s${i}`];
    sets.push(`#s${i} = :s${i}`);
    if (save.expectedVersion === 0) conditions.push(`attribute_not_exists(#s${i})`);
    else {
      values[`:e${i}`] = save.expectedVersion;
      names['#v'] = 'v';
      conditions.push(`#s${i}.#v = :e${i}`);
    }
  });
  const bytes = sizeOf(after);
  if (bytes > WRITE_UP_ITEM_MAX_BYTES) throw new WriteUpTooLarge(bytes);
  try {
    await writeFenced(openFence(inspectionId), [
      [
        {
          Update: {
            TableName: tableName,
            Key: keys.writeUp(inspectionId),
            UpdateExpression: `SET ${sets.join(', ')} ADD #version :one`,
            ConditionExpression: conditions.join(' AND '),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
      ],
    ]);
  } catch (error) {
    if (error instanceof GroupRefused) return { landed: false, current: fromItem(error.item ?? (await getItem(inspectionId))) };
    throw error;
  }
  return { landed: true, stored: await getWriteUp(inspectionId) };
}

/**
 * Replaces the write-up whole if the document is still version `basedOn`: the new version, or
 * undefined when somebody saved in between. Only the sections whose content changed get a new
 * version, so a person with an unchanged section open can still save it. Lands only while the
 * inspection is open (fence.ts): InspectionClosed otherwise.
 */
export async function putWriteUp(inspectionId: string, writeUp: WriteUp, basedOn: number, user: string | Saver): Promise<number | undefined> {
  const who = typeof user === 'string' ? { sub: user } : user;
  const item = await getItem(inspectionId);
  const stored = fromItem(item);
  if (stored.version !== basedOn) return undefined;
  const now = new Date().toISOString();
  const version = basedOn + 1;
  const next: Record<string, unknown> = {
    ...item,
    ...keys.writeUp(inspectionId),
    entity: 'write-up',
    version,
    updatedAt: now,
    updatedBy: who.sub,
  };
  const ids = new Set([...sectionIds(Object.keys(writeUp.criteria)), ...sectionIds(Object.keys(stored.writeUp.criteria))]);
  for (const sectionId of ids) {
    const [before, now_] = [sectionContent(stored.writeUp, sectionId), sectionContent(writeUp, sectionId)];
    if (canonicalJson(before) === canonicalJson(now_)) continue;
    next[writeUpSectionAttribute(sectionId)] = rawSection(now_ === undefined ? null : now_, (stored.sections[sectionId]?.version ?? 0) + 1, now, who);
  }
  try {
    await writeFenced(openFence(inspectionId), [
      [
        {
          Put: {
            TableName: tableName,
            Item: next,
            ...(basedOn === 0
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : { ConditionExpression: 'version = :seen', ExpressionAttributeValues: { ':seen': basedOn } }),
          },
        },
      ],
    ]);
    return version;
  } catch (error) {
    if (error instanceof GroupRefused) return undefined;
    throw error;
  }
}
