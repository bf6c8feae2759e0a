/**
 * The leadership grades and conclusions (issue 12): the list of criteria, each with its grade
 * (section 4) or conclusion (sections 1 to 3) as recorded, and one criterion's form, its points
 * one a line, in English and Welsh.
 */
import type { Criterion } from '#schemas/bank';
import type { Inspection } from '#schemas/inspection';
import { WRITE_UP_TEXT_MAX } from '#schemas/write-up';
import { errorSummary, esc } from '#web/common/layout';
import { pointLetter } from '#web/common/point-letter';
import { closedNotice, csrfField, has, inspectionIsClosed, page, pageUrls, table, type FieldError, type Viewer } from './frame';
import { items, radios, successBanner, textarea } from './manage-pages';

export const GRADE_WORDS: Record<string, string> = {
  'well-met': 'Well met',
  'satisfactorily-met': 'Satisfactorily met',
  'partly-met': 'Partly met',
  'not-met': 'Not met',
};
export const BAND_WORDS: Record<string, string> = { good: 'Good', priority: 'Priority', 'urgent-priority': 'Urgent priority' };

export interface GradeRow {
  criterion: Criterion;
  /** The grade (section 4) or band (1.1-3.2) recorded, in words, or undefined. */
  recorded?: string;
  /** Who recorded it, by name (never an account id). */
  updatedBy?: string;
}

export function gradesPage(session: Viewer, csrf: string, inspection: Inspection, rows: readonly GradeRow[], saved?: string): string {
  const id = inspection.inspectionId;
  const link = (r: GradeRow) =>
    `<a class="govuk-link" href="${esc(pageUrls.grade(id, r.criterion.id))}">${esc(r.criterion.id)} ${esc(r.criterion.title)}</a>`;
  const tableOf = (caption: string, list: readonly GradeRow[], what: string) =>
    table(
      caption,
      ['Criterion', what, 'By'],
      list.map((r) => [link(r), esc(r.recorded ?? 'Not recorded yet'), esc(r.updatedBy ?? '')]),
      99,
    );
  return page({
    session,
    csrf,
    title: `Leadership grades and conclusions: ${inspection.area}`,
    backHref: pageUrls.dashboard(id),
    content: `${saved ? successBanner(`${saved} saved`) : ''}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">Leadership grades and conclusions</h1>
${inspectionIsClosed(inspection) ? closedNotice(id) : ''}
${tableOf(
  'Leadership and strategic management (4.1 to 4.6)',
  rows.filter((r) => r.criterion.section === 4),
  'Grade',
)}
${tableOf(
  'Conclusions on the scored criteria',
  rows.filter((r) => r.criterion.section !== 4),
  'Band',
)}`,
  });
}

const POINTS_HINT = `One point per line, in the order the report letters them (a), (b), (c). A point may be up to ${WRITE_UP_TEXT_MAX.toLocaleString('en-GB')} characters.`;

/** A list's Welsh, folded away as the write-up's is; open when it holds words or an error. */
function welshPoints(name: string, label: string, value: string, error: FieldError | undefined): string {
  return `<details class="govuk-details"${value.trim() || error ? ' open' : ''}>
  <summary class="govuk-details__summary"><span class="govuk-details__summary-text">${esc(label)}</span></summary>
  <div class="govuk-details__text">${textarea(name, label, 'The same points in the same order, one per line; a dash keeps the place of one not translated. Where there is none the Welsh report prints the English.', value, error)}</div>
</details>`;
}

export interface GradeFormValues {
  grade: string;
  /** One point a line; the Welsh box's lines pair with them by position ("-" for one not translated). */
  strengths: string;
  strengthsCy: string;
  improvements: string;
  improvementsCy: string;
  band: string;
  text: string;
  /** The conclusion's words in Welsh, for the Welsh report. */
  textCy: string;
}

export function gradeFormPage(
  session: Viewer,
  csrf: string,
  inspection: Inspection,
  criterion: Criterion,
  values: GradeFormValues,
  errors: readonly FieldError[] = [],
): string {
  const id = inspection.inspectionId;
  const errorOf = (f: string) => errors.find((e) => e.field === f);
  const closed = inspectionIsClosed(inspection);
  const canWrite = has(session, 'inspector', 'admin') && !closed;
  const leadership = criterion.section === 4;
  // Staff, and everyone once the inspection is closed, read the grade as text: no greyed-out form to puzzle over.
  const lines = (text: string, welshText: string) => {
    const points = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const welsh = welshText
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const withWelsh = (i: number) =>
      welsh[i] && welsh[i] !== '-'
        ? `<p class="govuk-body govuk-!-margin-top-1" lang="cy"><span class="govuk-visually-hidden">In Welsh: </span>${esc(welsh[i]!)}</p>`
        : '';
    return points.length
      ? `<ol class="govuk-list app-lettered">${points.map((p, i) => `<li><span class="app-letter">(${pointLetter(i)})</span> ${esc(p)}${withWelsh(i)}</li>`).join('')}</ol>`
      : 'None recorded';
  };
  const row = (key: string, value: string) =>
    `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${esc(key)}</dt><dd class="govuk-summary-list__value">${value}</dd></div>`;
  const readOnly = `<dl class="govuk-summary-list" id="recorded">
  ${
    leadership
      ? [
          row('Grade', esc(GRADE_WORDS[values.grade] ?? 'Not recorded yet')),
          row('Strengths', lines(values.strengths, values.strengthsCy)),
          row('Areas for improvement', lines(values.improvements, values.improvementsCy)),
        ].join('\n  ')
      : [
          row('Conclusion', esc(BAND_WORDS[values.band] ?? 'Not recorded yet')),
          row('What the report says', values.text.trim() ? esc(values.text) : 'Nothing written'),
          row('In Welsh', values.textCy.trim() ? `<span lang="cy">${esc(values.textCy)}</span>` : 'Nothing written'),
        ].join('\n  ')
  }
</dl>`;
  const fields = leadership
    ? `${radios('grade', 'Grade', Object.entries(GRADE_WORDS), values.grade, errorOf('grade'))}
  ${textarea('strengths', 'Strengths', POINTS_HINT, values.strengths, errorOf('strengths'))}
  ${welshPoints('strengthsCy', 'Strengths in Welsh', values.strengthsCy, errorOf('strengthsCy'))}
  ${textarea('improvements', 'Areas for improvement', POINTS_HINT, values.improvements, errorOf('improvements'))}
  ${welshPoints('improvementsCy', 'Areas for improvement in Welsh', values.improvementsCy, errorOf('improvementsCy'))}`
    : `${radios('band', 'Conclusion', Object.entries(BAND_WORDS), values.band, errorOf('band'))}
  ${textarea('text', 'What the report says', 'Optional. At most 2,000 characters.', values.text, errorOf('text'))}
  ${textarea('textCy', 'What the report says, in Welsh', 'Optional. The Welsh report prints it; without it, the English (marked for the translator). At most 2,000 characters.', values.textCy, errorOf('textCy'), 'cy')}`;
  return page({
    session,
    csrf,
    title: `${criterion.id} ${criterion.title}`,
    hasErrors: errors.length > 0,
    backHref: pageUrls.grades(id),
    content: `${errorSummary('en', items(errors))}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">${esc(criterion.id)} ${esc(criterion.title)}</h1>
${closed ? closedNotice(id) : ''}
<p class="govuk-body">${esc(criterion.statement)}</p>
${
  canWrite
    ? `<form method="post" action="${esc(pageUrls.grade(id, criterion.id))}" novalidate>
  ${csrfField(csrf)}
  ${fields}
  <button type="submit" class="govuk-button" data-module="govuk-button">Save ${leadership ? 'grade' : 'conclusion'}</button>
</form>`
    : readOnly
}`,
  });
}
