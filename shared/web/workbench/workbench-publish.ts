/**
 * The workbench pages for writing and publishing the report: the write-up (one form, no
 * JavaScript: a list is one paragraph per item, blank lines between), the releases (make one,
 * list, open), reopening a closed inspection, and the breakdowns with their diversity view.
 */
import type { Criterion } from '../../schemas/bank';
import type { Inspection } from '../../schemas/inspection';
import type { Summary } from '../../schemas/summary';
import { createHash } from 'node:crypto';
import { WRITE_UP_SECTIONS, type WriteUp, type WrittenText } from '../../schemas/write-up';
import { criterionSection } from '../../schemas/write-up-sections';
import { errorMessage, errorSummary, esc, type ErrorItem } from '../common/layout';
import { sameAsShown } from '../common/form-values';
import { paragraphsOr, summaryList } from './read-only';
import { reportTextEn } from '../report/report-text-en';
import { closedNotice, csrfField, dateTime, has, page, pageUrls, table, type Viewer } from './workbench-pages';

const enc = encodeURIComponent;
export const publishUrls = {
  writeUp: pageUrls.writeUp,
  releases: pageUrls.releases,
  breakdowns: pageUrls.breakdowns,
  release: (id: string, releaseId: string) => `/workbench/inspections/${enc(id)}/releases/${enc(releaseId)}`,
  reopen: (id: string) => `/workbench/inspections/${enc(id)}/reopen`,
  recover: (id: string) => `/workbench/inspections/${enc(id)}/releases/recover`,
};

/* ------------------------------------------------------------------------------------------
 * The write-up form
 * ---------------------------------------------------------------------------------------- */

const SECTION_NAMES: Record<(typeof WRITE_UP_SECTIONS)[number], string> = {
  '1': 'Section 1: Assessment and sentence planning',
  '2': 'Section 2: Implementation of interventions',
  '3': 'Section 3: Achieving and measuring outcomes',
  '4': 'Section 4: Leadership and strategic management',
  roh: 'Risk of Harm',
};

/** Blank rows offered for new recommendations and good-practice examples (no JavaScript to add more). */
const SPARE_ROWS = 2;

/** Field names and ids: dots would need escaping in a fragment, so ids use dashes. */
const idOf = (name: string) => name.replace(/[^a-zA-Z0-9]+/g, '-');

const paragraphs = (items: readonly string[]) => items.join('\n\n');
const splitParagraphs = (text: string | null) =>
  (text ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
const words = (t: WrittenText) => (typeof t === 'string' ? t : t.text);
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

const singleLineField = (name: string) => /^(gp\.\d+\.(title|titleCy|criteria)|rec\.\d+\.criteria)$/.test(name);

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

export function shownSections(sectionIds: readonly string[], values: WriteUpFormValues, versions: Readonly<Record<string, { version: number } | undefined>>): ShownSections {
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
  const unchanged = (names: readonly string[]) => names.every((name) => sameAsShown(get(name), shown[name] ?? '', singleLineField(name) ? 'input' : 'textarea'));
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
        const same = before.find((b) => typeof b !== 'string' && b.drafted && b.text === text) ?? (before.length === en.length ? before[i] : undefined);
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
  const indexes = (prefix: string) => [...new Set(Object.keys(values).filter((k) => k.startsWith(prefix)).map((k) => Number(k.split('.')[1])))].sort((a, b) => a - b);
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
        const [title, titleCy, text, cy] = [get(`gp.${i}.title`).trim(), get(`gp.${i}.titleCy`).trim(), get(`gp.${i}.text`).trim(), get(`gp.${i}.cy`).trim()];
        const crit = ids(get(`gp.${i}.criteria`));
        if (!title && !titleCy && !text && !cy && !crit.length) return [];
        return [{ title, ...(titleCy ? { titleCy } : {}), text, ...(cy ? { textCy: cy } : {}), criteria: crit }];
      });
  // A checkbox: ticked is `yes`; unticked sends nothing, so it is false, or left unset when it never was set.
  const rohTablesInternal = get('rohTablesInternal') === 'yes' ? true : previous.rohTablesInternal === undefined ? undefined : false;
  // The form holds these and the RoH box; the write-up's other parts (cover, foreword, next steps, ...) are kept as they were.
  const { summary: _s, criteria: _c, recommendations: _r, goodPractice: _g, rohTablesInternal: _roh, ...others } = previous;
  return {
    candidate: { ...others, summary, criteria: criteriaOut, recommendations, goodPractice, ...(rohTablesInternal === undefined ? {} : { rohTablesInternal }) },
    values,
    problems,
  };
}

/** A problem's path in the write-up, as the form field that holds it. */
export function fieldOfProblem(path: string, candidate: { recommendations?: unknown[]; goodPractice?: unknown[]; summary?: { section: string }[] }): string {
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

export interface WriteUpPageInput {
  session: Viewer;
  csrf: string;
  inspection: Pick<Inspection, 'inspectionId' | 'area' | 'status'>;
  criteria: readonly Pick<Criterion, 'id' | 'title' | 'section'>[];
  values: WriteUpFormValues;
  /** Each section's version and fingerprint as shown: a save writes only the sections changed since. */
  shown: ShownSections;
  /** The whole document's ETag, for a form posted without the sections' versions (functions/workbench-publish.ts). */
  etag: string;
  /** Who saved each section last, as people read it. */
  lastSaved?: Readonly<Record<string, { who: string; at?: string } | undefined>>;
  errors?: readonly { field: string; message: string }[];
  /** Sections somebody else saved since the form was opened: their text beside the writer's, and a choice. */
  conflicts?: readonly FormConflict[];
  /** Sections this post saved, when others could not be (a conflict). */
  savedNow?: readonly string[];
  saved?: boolean;
}

const sameText = (name: string, a: string | undefined, b: string | undefined) => sameAsShown(a ?? '', b ?? '', singleLineField(name) ? 'input' : 'textarea');

export function writeUpPage(input: WriteUpPageInput): string {
  const { session, csrf, inspection, criteria, values, shown, etag, lastSaved = {}, errors = [], conflicts = [], savedNow = [], saved } = input;
  const id = inspection.inspectionId;
  const canEdit = has(session, 'inspector', 'admin') && inspection.status === 'open';
  const errorOf = new Map<string, string>();
  for (const e of errors) if (!errorOf.has(e.field)) errorOf.set(e.field, e.message);
  const conflictOf = new Map(conflicts.map((c) => [c.sectionId, c]));
  /** Their text for a field of a section in conflict, when it is not what the writer has. */
  const theirsFor = (name: string): string | undefined => {
    const section = formSectionOf(name);
    const conflict = section === undefined ? undefined : conflictOf.get(section);
    if (!conflict || sameText(name, conflict.theirs[name], values[name])) return undefined;
    return conflict.theirs[name] ?? '';
  };
  const conflictMessage = (c: FormConflict) =>
    `${c.who} saved ${c.title}${c.at ? ` on ${dateTime(c.at)}` : ''}, after you opened this page. Nothing of yours in it was saved: their text is beside yours. Choose which to keep, then save`;
  const summaryItems: ErrorItem[] = [
    ...conflicts.map((c) => ({ href: `#${idOf(`keep:${c.sectionId}`)}`, message: conflictMessage(c) })),
    ...[...errorOf].map(([field, message]) => ({ href: `#${idOf(field)}`, message })),
  ];
  /** A labelled textarea (rows > 0) or text input (rows 0), with its hint and error; beside their text when theirs differs. */
  const field = (name: string, label: string, hint: string | undefined, rows: number, cls = '') => {
    // Staff, and everyone once the inspection is closed, read the words as text, never a box they cannot type in.
    if (!canEdit) return summaryList([[label, paragraphsOr(values[name], 'Nothing written')]]);
    const fid = idOf(name);
    const err = errorOf.get(name);
    const theirs = theirsFor(name);
    const described = [hint ? `${fid}-hint` : '', err ? `${fid}-error` : ''].filter(Boolean).join(' ');
    const attrs = `id="${fid}" name="${esc(name)}"${described ? ` aria-describedby="${described}"` : ''}`;
    const control = rows
      ? `<textarea class="govuk-textarea${err ? ' govuk-textarea--error' : ''}" ${attrs} rows="${rows}">${esc(values[name] ?? '')}</textarea>`
      : `<input class="govuk-input${err ? ' govuk-input--error' : ''}" ${attrs} type="text" value="${esc(values[name] ?? '')}">`;
    const group = `<div class="govuk-form-group${err ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label${cls}" for="${fid}">${esc(theirs === undefined ? label : `Your text: ${label}`)}</label>
  ${hint ? `<div id="${fid}-hint" class="govuk-hint">${esc(hint)}</div>` : ''}
  ${err ? errorMessage('en', `${fid}-error`, err) : ''}
  ${control}
</div>`;
    if (theirs === undefined) return group;
    const conflict = conflictOf.get(formSectionOf(name)!)!;
    const theirParagraphs = splitParagraphs(theirs);
    return `<div class="govuk-grid-row">
  <div class="govuk-grid-column-one-half">
    <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2" id="${fid}-theirs">${esc(`Their text (${conflict.who}): ${label}`)}</p>
    <div class="govuk-inset-text" aria-labelledby="${fid}-theirs" role="region">${theirParagraphs.length ? theirParagraphs.map((p) => `<p class="govuk-body">${esc(p)}</p>`).join('') : '<p class="govuk-body">Left empty.</p>'}</div>
  </div>
  <div class="govuk-grid-column-one-half">${group}</div>
</div>`;
  };
  /** Where a section starts: who saved it last and, when it is in conflict, who saved it in between. */
  const sectionStart = (sectionId: string) => {
    const conflict = conflictOf.get(sectionId);
    const last = lastSaved[sectionId];
    const saver = last ? `<p class="govuk-body-s govuk-!-margin-bottom-2">${esc(`Last saved by ${last.who}${last.at ? ` on ${dateTime(last.at)}` : ''}`)}</p>` : '';
    if (!conflict) return saver;
    return `${saver}<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>${esc(conflictMessage(conflict))}.</strong></div>`;
  };
  /** Where a section in conflict ends, once both texts have been read: the choice of whose to keep. */
  const sectionChoice = (sectionId: string) => {
    const conflict = conflictOf.get(sectionId);
    if (!conflict) return '';
    const name = `keep:${sectionId}`;
    const fid = idOf(name);
    const err = errorOf.get(name);
    return `<input type="hidden" name="conflict:${esc(sectionId)}" value="1">
<div class="govuk-form-group${err ? ' govuk-form-group--error' : ''}">
  <fieldset class="govuk-fieldset"${err ? ` aria-describedby="${fid}-error"` : ''}>
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${esc(`Which version of ${conflict.title} do you want to keep?`)}</legend>
    ${err ? errorMessage('en', `${fid}-error`, err) : ''}
    <div class="govuk-radios" data-module="govuk-radios">
      <div class="govuk-radios__item"><input class="govuk-radios__input" id="${fid}" name="${esc(name)}" type="radio" value="mine"><label class="govuk-label govuk-radios__label" for="${fid}">${esc('Yours, as in the boxes above (it replaces theirs)')}</label></div>
      <div class="govuk-radios__item"><input class="govuk-radios__input" id="${fid}-theirs" name="${esc(name)}" type="radio" value="theirs"><label class="govuk-label govuk-radios__label" for="${fid}-theirs">${esc(`Theirs, as ${conflict.who} saved it (yours is not saved)`)}</label></div>
    </div>
  </fieldset>
</div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Save the write-up with this choice<span class="govuk-visually-hidden">${esc(` for ${conflict.title}`)}</span></button>`;
  };
  const area = (name: string, label: string, hint?: string, rows = 4, cls = '') => field(name, label, hint, rows, cls);
  const input1 = (name: string, label: string, hint?: string) => field(name, label, hint, 0);
  const welshBlock = (summaryText: string, inner: string) => `<details class="govuk-details"${/Their text \(|govuk-form-group--error/.test(inner) ? ' open' : ''}>
  <summary class="govuk-details__summary"><span class="govuk-details__summary-text">${esc(summaryText)}</span></summary>
  <div class="govuk-details__text">${inner}</div>
</details>`;
  const sections = WRITE_UP_SECTIONS.map(
    (s) => `${area(`summary.${s}`, SECTION_NAMES[s], undefined, 5, ' govuk-label--s')}
${welshBlock(`Welsh: ${SECTION_NAMES[s]}`, area(`summary.${s}.cy`, `${SECTION_NAMES[s]} in Welsh`))}`,
  ).join('\n');
  const PARAGRAPHS = 'One finding per paragraph: leave a blank line between them.';
  const criteriaBlocks = criteria
    .filter((c) => c.section !== 4)
    .map(
      (c) => `<h3 class="govuk-heading-s" id="criterion-${idOf(c.id)}">${esc(`${c.id} ${c.title}`)}</h3>
${sectionStart(criterionSection(c.id))}
${area(`criteria.${c.id}.strengths`, `${c.id} strengths`, PARAGRAPHS)}
${area(`criteria.${c.id}.improvements`, `${c.id} areas for improvement`, PARAGRAPHS)}
${welshBlock(`Welsh: ${c.id}`, `${area(`criteria.${c.id}.strengths.cy`, `${c.id} strengths in Welsh`, 'The same paragraphs in the same order; a dash keeps the place of one not translated.')}
${area(`criteria.${c.id}.improvements.cy`, `${c.id} areas for improvement in Welsh`, 'The same paragraphs in the same order; a dash keeps the place of one not translated.')}`)}
${sectionChoice(criterionSection(c.id))}`,
    )
    .join('\n');
  const count = (prefix: string) => {
    const used = Object.keys(values).filter((k) => k.startsWith(prefix)).map((k) => Number(k.split('.')[1]));
    return (used.length ? Math.max(...used) + 1 : 0) + (canEdit ? SPARE_ROWS : 0);
  };
  const recs = Array.from({ length: count('rec.') }, (_, i) => `<fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
  <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${esc(`Recommendation ${i + 1}`)}</legend>
  ${values[`rec.${i}.id`] ? `<input type="hidden" name="rec.${i}.id" value="${esc(values[`rec.${i}.id`]!)}">` : ''}
  ${area(`rec.${i}.text`, 'Recommendation', undefined, 3)}
  ${input1(`rec.${i}.criteria`, 'Criteria it is about', 'For example 1.2, 2.2')}
  ${welshBlock(`Welsh: recommendation ${i + 1}`, area(`rec.${i}.cy`, `Recommendation ${i + 1} in Welsh`, undefined, 3))}
</fieldset>`).join('\n');
  const gps = Array.from({ length: count('gp.') }, (_, i) => `<fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
  <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${esc(`Good practice example ${i + 1}`)}</legend>
  ${input1(`gp.${i}.title`, 'Title')}
  ${area(`gp.${i}.text`, 'What was done', undefined, 4)}
  ${input1(`gp.${i}.criteria`, 'Criteria it shows', 'For example 2.5')}
  ${welshBlock(`Welsh: good practice example ${i + 1}`, `${input1(`gp.${i}.titleCy`, `Title of example ${i + 1} in Welsh`)}\n${area(`gp.${i}.cy`, `Example ${i + 1} in Welsh`, undefined, 4)}`)}
</fieldset>`).join('\n');
  const banner = saved
    ? `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="saved-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="saved-title">Success</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">The write-up has been saved</p></div>
</div>`
    : savedNow.length
      ? `<div class="govuk-inset-text" id="saved-now">${esc(`Saved: ${savedNow.join('; ')}. Only the parts below marked with a warning still need your choice.`)}</div>`
      : '';
  const formCriteria = criteria.filter((c) => c.section !== 4);
  const contents = `<nav aria-labelledby="contents-title">
<h2 class="govuk-heading-s" id="contents-title">Contents</h2>
<ul class="govuk-list">
  <li><a class="govuk-link" href="#summaries">Summaries</a></li>
  ${formCriteria.map((c) => `<li><a class="govuk-link" href="#criterion-${idOf(c.id)}">${esc(`${c.id} ${c.title}`)}</a>${conflictOf.has(criterionSection(c.id)) ? ' <strong class="govuk-tag govuk-tag--red">Choose whose text to keep</strong>' : ''}</li>`).join('\n  ')}
  <li><a class="govuk-link" href="#recommendations">Recommendations</a></li>
  <li><a class="govuk-link" href="#good-practice">Good practice</a></li>
  <li><a class="govuk-link" href="#publishing">Publishing</a></li>
</ul>
</nav>`;
  const versionFields = Object.entries(shown)
    .map(([section, v]) => `<input type="hidden" name="v:${esc(section)}" value="${v.version}"><input type="hidden" name="h:${esc(section)}" value="${esc(v.fingerprint)}">`)
    .join('\n');
  const closedNote = inspection.status === 'closed' ? closedNotice(id) : '';
  return page({
    session,
    csrf,
    title: `Write-up: ${inspection.area}`,
    hasErrors: summaryItems.length > 0,
    backHref: pageUrls.dashboard(id),
    content: `${errorSummary('en', summaryItems)}
${banner}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">The write-up</h1>
${closedNote}
<p class="govuk-body">What the report says in words: the summaries, each criterion's strengths and areas for improvement, the recommendations and good practice. Welsh versions are optional; where one is missing the Welsh report prints the English.</p>
${canEdit ? '<p class="govuk-body">Saving keeps only the parts you changed, each on its own: somebody else writing another criterion at the same time loses nothing, and neither do you.</p>' : ''}
<p class="govuk-body">The cover, foreword, acknowledgements, inspection team, abbreviations and the next-steps decision are on <a class="govuk-link" href="${esc(pageUrls.writeUp(inspection.inspectionId))}/document">the report's front and back matter</a>.</p>
${contents}
<form method="post" action="${esc(publishUrls.writeUp(id))}" id="write-up-form" novalidate>
${csrfField(csrf)}
<input type="hidden" name="etag" value="${esc(etag)}">
${versionFields}
<h2 class="govuk-heading-m" id="summaries">Summaries</h2>
${sectionStart('summary')}
${sections}
${sectionChoice('summary')}
<h2 class="govuk-heading-m">Criteria</h2>
${criteriaBlocks}
<h2 class="govuk-heading-m" id="recommendations">Recommendations</h2>
${sectionStart('recommendations')}
${recs || '<p class="govuk-body">None.</p>'}
${sectionChoice('recommendations')}
<h2 class="govuk-heading-m" id="good-practice">Good practice</h2>
${sectionStart('good-practice')}
${gps || '<p class="govuk-body">None.</p>'}
${sectionChoice('good-practice')}
<h2 class="govuk-heading-m" id="publishing">Publishing</h2>
${sectionStart('settings')}
${
  canEdit
    ? `<div class="govuk-form-group">
  <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
    <div class="govuk-checkboxes__item">
      <input class="govuk-checkboxes__input" id="rohTablesInternal" name="rohTablesInternal" type="checkbox" value="yes"${values.rohTablesInternal === 'yes' ? ' checked' : ''} aria-describedby="rohTablesInternal-hint">
      <label class="govuk-label govuk-checkboxes__label" for="rohTablesInternal">Keep the Risk of Harm questions' case counts internal</label>
      <div id="rohTablesInternal-hint" class="govuk-hint govuk-checkboxes__hint">Table 2's question table is then left out of the published report, its report links' downloads and its releases; staff still see it.</div>
    </div>
  </div>
</div>`
    : summaryList([
        [
          'Risk of Harm questions’ case counts',
          values.rohTablesInternal === 'yes' ? 'Kept internal: Table 2’s question table is left out of the published report, its report links’ downloads and its releases; staff still see it' : 'Published with the report',
        ],
      ], ' id="rohTablesInternal"')
}
${sectionChoice('settings')}
${canEdit ? '<button type="submit" class="govuk-button" data-module="govuk-button">Save the write-up</button>' : ''}
</form>`,
  });
}

/* ------------------------------------------------------------------------------------------
 * Releases and reopening
 * ---------------------------------------------------------------------------------------- */

const KIND_NAMES = { 'factual-accuracy': 'Factual accuracy (draft for the area)', final: 'Final (publishes and closes the inspection)' } as const;

/** What a final release would still miss (shared/domain/readiness.ts), as the page lists it. */
export interface ReadinessView {
  ready: boolean;
  missing: readonly { kind: string; message: string }[];
}

export interface ReleasesPageInput {
  session: Viewer;
  csrf: string;
  inspection: Pick<Inspection, 'inspectionId' | 'area' | 'status'>;
  /** `madeBy`: who made it, by name. */
  releases: readonly { releaseId: string; kind: 'factual-accuracy' | 'final'; createdAt: string; madeBy: string }[];
  /** Shown to admins of an open inspection, before the form. */
  readiness?: ReadinessView;
  /** A refusal not tied to one field (closed already, no cases). */
  error?: string;
  /** Problems with the form's fields: `kind` or `confirmArea`. */
  fieldErrors?: readonly { field: 'kind' | 'confirmArea'; message: string }[];
  /** What was chosen and typed, kept when the form comes back with a problem. */
  values?: { kind?: string; confirmArea?: string };
  /** A factual-accuracy release refused because nothing changed since this one. */
  unchanged?: { releaseId: string; createdAt: string };
  made?: string;
  reopened?: boolean;
  /** A release or reopening under way, or interrupted (then an admin finishes or undoes it here). */
  transition?: { kind: 'factual-accuracy' | 'final' | 'reopen'; startedAt: string; interrupted: boolean };
  recovered?: 'finish' | 'undo';
}

const TRANSITION_NAMES = { 'factual-accuracy': 'A factual accuracy release', final: 'A final release', reopen: 'A reopening' } as const;

/** What is under way; for an interrupted one, the admin's two ways out (the same use case as POST .../releases/recover). */
function transitionPanel(id: string, csrf: string, admin: boolean, transition: NonNullable<ReleasesPageInput['transition']>): string {
  const what = `${TRANSITION_NAMES[transition.kind]} started ${dateTime(transition.startedAt)}`;
  if (!transition.interrupted) return `<div class="govuk-inset-text">${esc(what)} is under way. Refresh this page in a minute.</div>`;
  const buttons = admin
    ? `<form method="post" action="${esc(publishUrls.recover(id))}" novalidate>${csrfField(csrf)}
<div class="govuk-button-group">
<button type="submit" name="action" value="finish" class="govuk-button" data-module="govuk-button">Finish it</button>
<button type="submit" name="action" value="undo" class="govuk-button govuk-button--secondary" data-module="govuk-button">Undo it</button>
</div></form>`
    : '<p class="govuk-body">An admin can finish or undo it.</p>';
  return `<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>${esc(what)} stopped before it finished. Finishing it makes the release (or reopens the inspection) as asked; undoing it puts everything back as it was before.</strong></div>
${buttons}`;
}

const MISSING_TITLES: Record<string, string> = {
  'unfinished-cases': 'Unfinished cases',
  grades: 'Leadership grades',
  conclusions: 'Conclusions',
  placeholders: 'Write-up not written yet',
  'stale-figures': 'Figures not recomputed',
  'open-questionnaires': 'Questionnaires still open',
  'unconsented-quotes': 'Quotes without consent',
  'figure-mismatches': 'Figures the words contradict',
};

function readinessSection(readiness: ReadinessView): string {
  if (readiness.ready) {
    return `<h2 class="govuk-heading-m" id="readiness">Check before a final release</h2>
<p class="govuk-body" id="readiness-result">Nothing is missing: every case is finished, every criterion graded or concluded, the write-up written, the figures up to date and the questionnaires closed.</p>`;
  }
  return `<h2 class="govuk-heading-m" id="readiness">Check before a final release</h2>
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> The report is not ready to publish. A final release now would publish it with what is missing below.</strong></div>
<dl class="govuk-summary-list" id="readiness-result">
${readiness.missing
  .map((m) => `  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${esc(MISSING_TITLES[m.kind] ?? m.kind)}</dt><dd class="govuk-summary-list__value">${esc(m.message)}</dd></div>`)
  .join('\n')}
</dl>`;
}

export function releasesPage(input: ReleasesPageInput): string {
  const { session, csrf, inspection, releases, readiness, error, fieldErrors = [], values = {}, unchanged, made, reopened, transition, recovered } = input;
  const id = inspection.inspectionId;
  const admin = has(session, 'admin');
  const errorOf = (field: string) => fieldErrors.find((e) => e.field === field)?.message;
  const rows = releases
    .slice()
    .reverse()
    .map((r) => {
      const base = publishUrls.release(id, r.releaseId);
      return [
        esc(dateTime(r.createdAt)),
        esc(r.kind === 'final' ? 'Final' : 'Factual accuracy'),
        esc(r.madeBy),
        `<a class="govuk-link" href="${esc(`${base}/report`)}">Report<span class="govuk-visually-hidden"> of ${esc(dateTime(r.createdAt))}</span></a>, <a class="govuk-link" href="${esc(`${base}/report?lang=cy`)}" hreflang="cy">Welsh<span class="govuk-visually-hidden"> report of ${esc(dateTime(r.createdAt))}</span></a>, <a class="govuk-link" href="${esc(`${base}/summary.json`)}" download>JSON</a>, <a class="govuk-link" href="${esc(`${base}/summary.csv`)}" download>CSV</a>, <a class="govuk-link" href="${esc(`${base}/data-package`)}" download="datapackage.json">Data package<span class="govuk-visually-hidden"> for analysis of ${esc(dateTime(r.createdAt))}</span></a>`,
        `<form method="post" action="${esc(pageUrls.reportLinks(id))}" novalidate>${csrfField(csrf)}<input type="hidden" name="hours" value="24"><input type="hidden" name="releaseId" value="${esc(r.releaseId)}"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Make a 24-hour link<span class="govuk-visually-hidden"> to the release of ${esc(dateTime(r.createdAt))}</span></button></form>`,
      ];
    });
  const list = rows.length ? table('Releases, newest first', ['Made', 'Kind', 'Made by', 'Open', 'Share'], rows, 5) : '<p class="govuk-body">No release has been made yet.</p>';
  const done = reopened ? 'The inspection has been reopened' : recovered === 'finish' ? 'It has been finished' : recovered === 'undo' ? 'It has been undone' : 'The release has been made';
  const banner = made || reopened || recovered
    ? `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="done-title">Success</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${esc(done)}</p></div>
</div>`
    : '';
  const unchangedItem = unchanged
    ? {
        href: `${publishUrls.release(id, unchanged.releaseId)}/report`,
        message: `Nothing has changed since the release of ${dateTime(unchanged.createdAt)}: open that release instead of making the same one again`,
      }
    : undefined;
  const kindError = errorOf('kind');
  const confirmError = errorOf('confirmArea');
  const typed = values.confirmArea ?? '';
  // Nothing is chosen for the admin: each release is permanent, so the kind is always a decision.
  const makeForm =
    admin && inspection.status !== 'closed'
      ? `<h2 class="govuk-heading-m">Make a release</h2>
<form method="post" action="${esc(publishUrls.releases(id))}" novalidate>
${csrfField(csrf)}
<div class="govuk-form-group${kindError ? ' govuk-form-group--error' : ''}">
  <fieldset class="govuk-fieldset"${kindError ? ' aria-describedby="kind-error"' : ''}>
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Kind of release</legend>
    ${kindError ? errorMessage('en', 'kind-error', kindError) : ''}
    <div class="govuk-radios" data-module="govuk-radios">
      ${(['factual-accuracy', 'final'] as const)
        .map(
          (k, i) => `<div class="govuk-radios__item"><input class="govuk-radios__input" id="${i === 0 ? 'kind' : `kind-${k}`}" name="kind" type="radio" value="${k}"${values.kind === k ? ' checked' : ''}><label class="govuk-label govuk-radios__label" for="${i === 0 ? 'kind' : `kind-${k}`}">${esc(KIND_NAMES[k])}</label></div>`,
        )
        .join('\n      ')}
    </div>
  </fieldset>
</div>
<div class="govuk-form-group${confirmError ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label govuk-label--s" for="confirmArea">For a final release, type the area's name to confirm</label>
  <div id="confirmArea-hint" class="govuk-hint">${esc(`Type ${inspection.area} exactly. A final release publishes the report as it is, with anything the check above lists as missing, and closes the inspection.`)}</div>
  ${confirmError ? errorMessage('en', 'confirmArea-error', confirmError) : ''}
  <input class="govuk-input govuk-!-width-one-half${confirmError ? ' govuk-input--error' : ''}" id="confirmArea" name="confirmArea" type="text" value="${esc(typed)}" aria-describedby="confirmArea-hint${confirmError ? ' confirmArea-error' : ''}" autocomplete="off" spellcheck="false">
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">Make the release</button>
</form>`
      : '';
  const reopenForm =
    admin && inspection.status === 'closed'
      ? `<h2 class="govuk-heading-m">Reopen the inspection</h2>
<p class="govuk-body">The final report has been released, so the cases, grades, write-up and questionnaires are closed. Reopening lets them change again; the releases made stay as they are.</p>
<form method="post" action="${esc(publishUrls.reopen(id))}" novalidate>${csrfField(csrf)}<button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Reopen the inspection</button></form>`
      : '';
  const summaryItems = [
    ...(error ? [{ href: admin && inspection.status !== 'closed' ? '#kind' : '#main-content', message: error }] : []),
    ...(unchangedItem ? [unchangedItem] : []),
    ...fieldErrors.map((e) => ({ href: `#${e.field}`, message: e.message })),
  ];
  return page({
    session,
    csrf,
    title: `Releases: ${inspection.area}`,
    hasErrors: summaryItems.length > 0,
    backHref: pageUrls.dashboard(id),
    content: `${errorSummary('en', summaryItems)}
${banner}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">Releases</h1>
<p class="govuk-body">A release freezes the report as it is now: its figures, grades, conclusions, write-up and breakdowns, in English and Welsh, with its summary as JSON and CSV. It never changes afterwards.</p>
${inspection.status === 'closed' ? '<div class="govuk-inset-text">This inspection is closed: its final report has been released.</div>' : ''}
${transition ? transitionPanel(id, csrf, admin, transition) : ''}
${readiness && admin && inspection.status !== 'closed' ? readinessSection(readiness) : ''}
${list}
${makeForm}
${reopenForm}`,
  });
}

/* ------------------------------------------------------------------------------------------
 * Breakdowns and the diversity view
 * ---------------------------------------------------------------------------------------- */

const BY_NAMES: Record<string, string> = { caseType: 'Case type', tier: 'Tier', roh: 'Risk of Harm level', ppo: 'PPO', gender: 'Gender', ethnicity: 'Ethnicity' };
// The report's words for each group, but for two the staff page words its own way: "Community"
// fits its narrow table, and a PPO group reads as "PPO" / "Not PPO" rather than "Yes" / "No".
const VALUE_NAMES: Record<string, string> = { ...reportTextEn.labels, community: 'Community', yes: 'PPO', no: 'Not PPO' };
const valueName = (by: string, v: string) => (by === 'tier' && v !== 'not-recorded' ? `Tier ${v}` : (VALUE_NAMES[v] ?? v));
const cell = (v: number | null | string) => (v === null ? 'No score' : typeof v === 'number' ? `${v}%` : v);

function breakdownTable(summary: Summary, by: string): string {
  const b = summary.breakdowns?.find((x) => x.by === by);
  if (!b) return '';
  const groups = b.groups.filter((g) => g.cases > 0);
  if (!groups.length) return `<p class="govuk-body">${esc(`No case has its ${BY_NAMES[by]?.toLowerCase()} recorded.`)}</p>`;
  return table(
    `Scores by ${BY_NAMES[by]?.toLowerCase() ?? by}`,
    ['Criterion', ...groups.map((g) => `${valueName(by, g.value)} (${g.cases})`)],
    summary.criteria.map((c) => [`${esc(c.id)} ${esc(c.title)}`, ...groups.map((g) => esc(cell(g.criteria[c.id] ?? null)))]),
  );
}

export function breakdownsPage(session: Viewer, csrf: string, summary: Summary, diversityQuestions: readonly { id: string; text: string }[]): string {
  const id = summary.inspectionId;
  const byQuestion = new Map(summary.questions.map((q) => [q.id, q]));
  const diversity = table(
    'Criterion 2.7: each question',
    ['Question', 'Yes', 'No', 'Score'],
    diversityQuestions.map((q) => {
      const s = byQuestion.get(q.id);
      return [`${esc(q.id)} ${esc(q.text)}`, s?.yes ?? 0, s?.no ?? 0, esc(s?.percent === null || s === undefined ? 'No score' : `${s.percent}%`)];
    }),
  );
  return page({
    session,
    csrf,
    title: `Breakdowns: ${summary.area}`,
    backHref: pageUrls.dashboard(id),
    content: `<span class="govuk-caption-l">${esc(summary.area)}</span>
<h1 class="govuk-heading-l">Scores by sub-group</h1>
<p class="govuk-body">${esc(`Computed ${dateTime(summary.computedAt)} from ${summary.sample.cases} cases.`)} Each score is worked out exactly as for the whole sample, over the group's cases only. [c] stands for a group of fewer than 5 cases, whose scores are not shown. The number of cases in each group is in brackets.</p>
<ul class="govuk-list">
  <li><a class="govuk-link" href="#diversity">Diversity: criterion 2.7 and the scores by gender and ethnicity</a></li>
</ul>
${['caseType', 'tier', 'roh', 'ppo'].map((by) => `<h2 class="govuk-heading-m">${esc(BY_NAMES[by])}</h2>\n${breakdownTable(summary, by)}`).join('\n')}
<h2 class="govuk-heading-l" id="diversity">Diversity</h2>
${diversity}
<h3 class="govuk-heading-m">Gender</h3>
${breakdownTable(summary, 'gender')}
<h3 class="govuk-heading-m">Ethnicity</h3>
${breakdownTable(summary, 'ethnicity')}`,
  });
}
