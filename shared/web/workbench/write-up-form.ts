/**
 * The write-up form's fields and the write-up they describe, both ways: a write-up as the
 * form's values (a list is one paragraph per item, blank lines between), the form's sections
 * and their fingerprints (a save writes only the sections changed since they were shown), and
 * a posted form back as a write-up, with the field each problem belongs to. Pure.
 */
import type { Criterion } from '#schemas/bank';
import { createHash } from 'node:crypto';
import { WRITE_UP_SECTIONS, type WriteUp, type WrittenText } from '#schemas/write-up';
import { criterionSection } from '#schemas/write-up-sections';
import { sameAsShown } from '#web/common/form-values';

export const SECTION_NAMES: Record<(typeof WRITE_UP_SECTIONS)[number], string> = {
  '1': 'Section 1: Assessment and sentence planning',
  '2': 'Section 2: Implementation of interventions',
  '3': 'Section 3: Achieving and measuring outcomes',
  '4': 'Section 4: Leadership and strategic management',
  roh: 'Risk of Harm',
};

/** Blank rows offered for new recommendations and good-practice examples (no JavaScript to add more). */
export const SPARE_ROWS = 2;

/** Field names and ids: dots would need escaping in a fragment, so ids use dashes. */
export const idOf = (name: string) => name.replace(/[^a-zA-Z0-9]+/g, '-');

export const paragraphs = (items: readonly string[]) => items.join('\n\n');
export const splitParagraphs = (text: string | null) =>
  (text ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
export const words = (t: WrittenText) => (typeof t === 'string' ? t : t.text);
const welsh = (t: WrittenText) => (typeof t === 'string' ? '' : (t.textCy ?? ''));

/** What the form holds, as typed: every field a string. */
export type WriteUpFormValues = Record<string, string>;

export function writeUpFormValues(writeUp: WriteUp): WriteUpFormValues {
  const v: WriteUpFormValues = {};
  for (const s of writeUp.summary) {
    v[`summary.${s.section}`] = s.text;
    if (s.textCy) v[`summary.${s.section}.cy`] = s.textCy;
  }
  for (const [id, c] of Object.entries(writeUp.criteria)) {
    for (const list of ['strengths', 'improvements'] as const) {
      v[`criteria.${id}.${list}`] = paragraphs(c[list].map(words));
      // Welsh paragraphs pair with the English ones by position: an item with none keeps its place with a dash.
      if (c[list].some((t) => welsh(t))) v[`criteria.${id}.${list}.cy`] = paragraphs(c[list].map((t) => welsh(t) || '-'));
    }
  }
  writeUp.recommendations.forEach((r, i) => {
    if (r.id) v[`rec.${i}.id`] = r.id;
    v[`rec.${i}.text`] = r.text;
    v[`rec.${i}.cy`] = r.textCy ?? '';
    v[`rec.${i}.criteria`] = r.criteria.join(', ');
  });
  if (writeUp.rohTablesInternal) v.rohTablesInternal = 'yes';
  writeUp.goodPractice.forEach((g, i) => {
    v[`gp.${i}.title`] = g.title;
    v[`gp.${i}.titleCy`] = g.titleCy ?? '';
    v[`gp.${i}.text`] = g.text;
    v[`gp.${i}.cy`] = g.textCy ?? '';
    v[`gp.${i}.criteria`] = g.criteria.join(', ');
  });
  return v;
}

/** The write-up section a form field belongs to (shared/schemas/write-up-sections.ts): each is saved on its own version. */
export function formSectionOf(name: string): string | undefined {
  if (name.startsWith('summary.')) return 'summary';
  const criterion = /^criteria\.([1-4]\.[1-9])\./.exec(name);
  if (criterion) return criterionSection(criterion[1]!);
  if (name.startsWith('rec.')) return 'recommendations';
  if (name.startsWith('gp.')) return 'good-practice';
  if (name === 'rohTablesInternal') return 'settings';
  return undefined;
}

/** The sections the form edits, in its order. */
export function formSections(criteria: readonly Pick<Criterion, 'id' | 'section'>[]): string[] {
  return ['summary', ...criteria.filter((c) => c.section !== 4).map((c) => criterionSection(c.id)), 'recommendations', 'good-practice', 'settings'];
}

export const singleLineField = (name: string) => /^(gp\.\d+\.(title|titleCy|criteria)|rec\.\d+\.criteria)$/.test(name);

/**
 * What a section's fields said, as a short hash: the page keeps the one it showed, so a post
 * tells which sections the writer changed (only those are saved) however the browser sends
 * line breaks back (form-values.ts). Empty fields count as absent, so spare rows change nothing.
 */
export function sectionFingerprint(values: WriteUpFormValues, sectionId: string): string {
  const norm = (name: string, v: string) => (singleLineField(name) ? v.replace(/[\r\n]/g, '') : v.replace(/\r\n?/g, '\n')).trim();
  const entries = Object.entries(values)
    .filter(([name]) => formSectionOf(name) === sectionId)
    .map(([name, v]) => [name, norm(name, v)] as const)
    .filter(([, v]) => v !== '')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(entries)).digest('base64url').slice(0, 22);
}

/** The version each section was shown at, and what it said then: hidden in the form. */
export type ShownSections = Record<string, { version: number; fingerprint: string }>;

export function shownSections(
  sectionIds: readonly string[],
  values: WriteUpFormValues,
  versions: Readonly<Record<string, { version: number } | undefined>>,
): ShownSections {
  return Object.fromEntries(sectionIds.map((s) => [s, { version: versions[s]?.version ?? 0, fingerprint: sectionFingerprint(values, s) }]));
}

/** A section somebody saved after the form was opened, as the page shows it. */
export interface FormConflict {
  sectionId: string;
  title: string;
  who: string;
  at?: string;
  /** Their text, field by field, as the form would show it. */
  theirs: WriteUpFormValues;
}

/**
 * The write-up a posted form describes. A part of the form sent back as it was shown keeps
 * exactly what was stored (a finding with a blank line in it, a Welsh text, a list's order,
 * a setting the form has no field for): opening the page and saving it changes nothing.
 * A drafted finding keeps its link to its question when its paragraph comes back unchanged,
 * or edited in the same place of a list of the same length (the inspector changed its
 * words, not which finding it is).
 */
export function writeUpFromForm(
  form: URLSearchParams,
  criteria: readonly Pick<Criterion, 'id' | 'section'>[],
  previous: WriteUp,
): { candidate: unknown; values: WriteUpFormValues; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const values: WriteUpFormValues = {};
  for (const [k, val] of form) if (formSectionOf(k) !== undefined) values[k] = val;
  const get = (name: string) => values[name] ?? '';
  const shown = writeUpFormValues(previous);
  const unchanged = (names: readonly string[]) =>
    names.every((name) => sameAsShown(get(name), shown[name] ?? '', singleLineField(name) ? 'input' : 'textarea'));
  const fieldsUnder = (prefix: string) => [...new Set([...Object.keys(values), ...Object.keys(shown)])].filter((k) => k.startsWith(prefix));

  const summaryFields = WRITE_UP_SECTIONS.flatMap((section) => [`summary.${section}`, `summary.${section}.cy`]);
  const summary = unchanged(summaryFields)
    ? previous.summary
    : WRITE_UP_SECTIONS.flatMap((section) => {
        const text = get(`summary.${section}`).trim();
        const cy = get(`summary.${section}.cy`).trim();
        return text ? [{ section, text, ...(cy ? { textCy: cy } : {}) }] : [];
      });
  const criteriaOut: Record<string, { strengths: WrittenText[]; improvements: WrittenText[] }> = {};
  for (const { id, section } of criteria) {
    const stored = previous.criteria[id];
    // Section 4 has no findings fields on the page: what the API stored there stays.
    if (section === 4) {
      if (stored) criteriaOut[id] = stored;
      continue;
    }
    const entry = { strengths: [] as WrittenText[], improvements: [] as WrittenText[] };
    let allSame = true;
    for (const list of ['strengths', 'improvements'] as const) {
      const before = stored?.[list] ?? [];
      const [enField, cyField] = [`criteria.${id}.${list}`, `criteria.${id}.${list}.cy`];
      const enSame = unchanged([enField]);
      if (enSame && unchanged([cyField])) {
        entry[list] = [...before];
        continue;
      }
      allSame = false;
      // English as shown: its findings are the stored ones, blank lines inside them and all.
      const en = enSame ? before.map(words) : splitParagraphs(get(enField));
      const cy = splitParagraphs(get(cyField));
      entry[list] = en.map((text, i) => {
        const textCy = cy[i] && cy[i] !== '-' ? cy[i] : undefined;
        const same =
          before.find((b) => typeof b !== 'string' && b.drafted && b.text === text) ?? (before.length === en.length ? before[i] : undefined);
        const drafted = same && typeof same !== 'string' ? same.drafted : undefined;
        return textCy || drafted ? { text, ...(textCy ? { textCy } : {}), ...(drafted ? { drafted } : {}) } : text;
      });
      if (cy.length > en.length) {
        problems.push({ field: cyField, message: `${id}: there are more Welsh paragraphs (${cy.length}) than English ones (${en.length})` });
      }
    }
    if (allSame && stored) criteriaOut[id] = stored;
    else if (entry.strengths.length || entry.improvements.length) criteriaOut[id] = entry;
  }
  const ids = (s: string) => s.split(/[\s,;]+/).filter(Boolean);
  const indexes = (prefix: string) =>
    [
      ...new Set(
        Object.keys(values)
          .filter((k) => k.startsWith(prefix))
          .map((k) => Number(k.split('.')[1])),
      ),
    ].sort((a, b) => a - b);
  const recommendations = unchanged(fieldsUnder('rec.'))
    ? previous.recommendations
    : indexes('rec.').flatMap((i) => {
        const text = get(`rec.${i}.text`).trim();
        const cy = get(`rec.${i}.cy`).trim();
        const crit = ids(get(`rec.${i}.criteria`));
        if (!text && !cy && !crit.length) return [];
        // Its id rides along in a hidden field, so an improvement plan's actions stay attached however its words change.
        const id = get(`rec.${i}.id`);
        return [{ ...(/^[a-z0-9][a-z0-9-]{0,39}$/.test(id) ? { id } : {}), text, ...(cy ? { textCy: cy } : {}), criteria: crit }];
      });
  const goodPractice = unchanged(fieldsUnder('gp.'))
    ? previous.goodPractice
    : indexes('gp.').flatMap((i) => {
        const [title, titleCy, text, cy] = [
          get(`gp.${i}.title`).trim(),
          get(`gp.${i}.titleCy`).trim(),
          get(`gp.${i}.text`).trim(),
          get(`gp.${i}.cy`).trim(),
        ];
        const crit = ids(get(`gp.${i}.criteria`));
        if (!title && !titleCy && !text && !cy && !crit.length) return [];
        return [{ title, ...(titleCy ? { titleCy } : {}), text, ...(cy ? { textCy: cy } : {}), criteria: crit }];
      });
  // A checkbox: ticked is `yes`; unticked sends nothing, so it is false, or left unset when it never was set.
  const rohTablesInternal = get('rohTablesInternal') === 'yes' ? true : previous.rohTablesInternal === undefined ? undefined : false;
  // The form holds these and the RoH box; the write-up's other parts (cover, foreword, next steps, ...) are kept as they were.
  const { summary: _s, criteria: _c, recommendations: _r, goodPractice: _g, rohTablesInternal: _roh, ...others } = previous;
  return {
    candidate: {
      ...others,
      summary,
      criteria: criteriaOut,
      recommendations,
      goodPractice,
      ...(rohTablesInternal === undefined ? {} : { rohTablesInternal }),
    },
    values,
    problems,
  };
}

/** A problem's path in the write-up, as the form field that holds it. */
export function fieldOfProblem(
  path: string,
  candidate: { recommendations?: unknown[]; goodPractice?: unknown[]; summary?: { section: string }[] },
): string {
  const parts = path.split('.');
  if (parts[0] === 'summary') return `summary.${candidate.summary?.[Number(parts[1])]?.section ?? '1'}`;
  if (parts[0] === 'criteria') {
    const [, a, b, list, , tail] = parts;
    const id = `${a}.${b}`;
    const cy = tail === 'textCy';
    return list ? `criteria.${id}.${list}${cy ? '.cy' : ''}` : `criteria.${id}.strengths`;
  }
  const field = (name: string | undefined) => (name === 'textCy' ? 'cy' : (name ?? 'text'));
  if (parts[0] === 'recommendations') return `rec.${parts[1]}.${field(parts[2])}`;
  if (parts[0] === 'goodPractice') return `gp.${parts[1]}.${field(parts[2])}`;
  return 'summary.1';
}
