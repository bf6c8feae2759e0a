/**
 * The write-up page: one form, no JavaScript, every section with who saved it last, an error
 * summary naming each field, and beside a section somebody else saved since the form was
 * opened, their text and a choice. Read-only (summary lists, no greyed-out boxes) for those
 * who may not edit and once the inspection is closed.
 */
import type { Criterion } from '#schemas/bank';
import type { Inspection } from '#schemas/inspection';
import { WRITE_UP_SECTIONS } from '#schemas/write-up';
import { criterionSection } from '#schemas/write-up-sections';
import { errorMessage, errorSummary, esc, type ErrorItem } from '#web/common/layout';
import { sameAsShown } from '#web/common/form-values';
import { paragraphsOr, summaryList } from './read-only';
import { closedNotice, csrfField, dateTime, has, page, pageUrls, type Viewer } from './frame';
import { publishUrls } from './publish-pages';
import {
  type FormConflict,
  formSectionOf,
  idOf,
  SECTION_NAMES,
  type ShownSections,
  singleLineField,
  SPARE_ROWS,
  splitParagraphs,
  type WriteUpFormValues,
} from './write-up-form';

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

const sameText = (name: string, a: string | undefined, b: string | undefined) =>
  sameAsShown(a ?? '', b ?? '', singleLineField(name) ? 'input' : 'textarea');

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
    const saver = last
      ? `<p class="govuk-body-s govuk-!-margin-bottom-2">${esc(`Last saved by ${last.who}${last.at ? ` on ${dateTime(last.at)}` : ''}`)}</p>`
      : '';
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
  const welshBlock = (
    summaryText: string,
    inner: string,
  ) => `<details class="govuk-details"${/Their text \(|govuk-form-group--error/.test(inner) ? ' open' : ''}>
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
${welshBlock(
  `Welsh: ${c.id}`,
  `${area(`criteria.${c.id}.strengths.cy`, `${c.id} strengths in Welsh`, 'The same paragraphs in the same order; a dash keeps the place of one not translated.')}
${area(`criteria.${c.id}.improvements.cy`, `${c.id} areas for improvement in Welsh`, 'The same paragraphs in the same order; a dash keeps the place of one not translated.')}`,
)}
${sectionChoice(criterionSection(c.id))}`,
    )
    .join('\n');
  const count = (prefix: string) => {
    const used = Object.keys(values)
      .filter((k) => k.startsWith(prefix))
      .map((k) => Number(k.split('.')[1]));
    return (used.length ? Math.max(...used) + 1 : 0) + (canEdit ? SPARE_ROWS : 0);
  };
  const recs = Array.from(
    { length: count('rec.') },
    (_, i) => `<fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
  <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${esc(`Recommendation ${i + 1}`)}</legend>
  ${values[`rec.${i}.id`] ? `<input type="hidden" name="rec.${i}.id" value="${esc(values[`rec.${i}.id`]!)}">` : ''}
  ${area(`rec.${i}.text`, 'Recommendation', undefined, 3)}
  ${input1(`rec.${i}.criteria`, 'Criteria it is about', 'For example 1.2, 2.2')}
  ${welshBlock(`Welsh: recommendation ${i + 1}`, area(`rec.${i}.cy`, `Recommendation ${i + 1} in Welsh`, undefined, 3))}
</fieldset>`,
  ).join('\n');
  const gps = Array.from(
    { length: count('gp.') },
    (_, i) => `<fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
  <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${esc(`Good practice example ${i + 1}`)}</legend>
  ${input1(`gp.${i}.title`, 'Title')}
  ${area(`gp.${i}.text`, 'What was done', undefined, 4)}
  ${input1(`gp.${i}.criteria`, 'Criteria it shows', 'For example 2.5')}
  ${welshBlock(`Welsh: good practice example ${i + 1}`, `${input1(`gp.${i}.titleCy`, `Title of example ${i + 1} in Welsh`)}\n${area(`gp.${i}.cy`, `Example ${i + 1} in Welsh`, undefined, 4)}`)}
</fieldset>`,
  ).join('\n');
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
    .map(
      ([section, v]) =>
        `<input type="hidden" name="v:${esc(section)}" value="${v.version}"><input type="hidden" name="h:${esc(section)}" value="${esc(v.fingerprint)}">`,
    )
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
    : summaryList(
        [
          [
            'Risk of Harm questions’ case counts',
            values.rohTablesInternal === 'yes'
              ? 'Kept internal: Table 2’s question table is left out of the published report, its report links’ downloads and its releases; staff still see it'
              : 'Published with the report',
          ],
        ],
        ' id="rohTablesInternal"',
      )
}
${sectionChoice('settings')}
${canEdit ? '<button type="submit" class="govuk-button" data-module="govuk-button">Save the write-up</button>' : ''}
</form>`,
  });
}
