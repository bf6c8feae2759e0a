/**
 * The area's page of the workbench (issues 27 and 28): its caseload by gender, ethnicity and
 * case type, the rest of Appendix 2 (area-context-form.ts), and Appendix 1's performance
 * figures beside their targets and grades. Read-only for staff and once the inspection is
 * closed. Pure functions from data to HTML; the writes are the JSON routes' use cases.
 */
import type { AreaContext, PerformanceFigure } from '#schemas/evidence';
import { CONTEXT_KEYS } from '#schemas/vocabulary';
import { errorMessage, errorSummary, esc, type ErrorItem } from '#web/common/layout';
import { areaFigureField, areaFiguresFields, readAreaFiguresForm, valuesOfAreaFigures } from './area-context-form';
import { csrfField, dateTime, has, page, pageUrls, table, type FieldError, type Viewer } from './frame';
import { closedNote, evidenceUrls, notice } from './evidence-pages';

const CONTEXT_WORDS: Record<string, string> = {
  male: 'Men',
  female: 'Women',
  'not-recorded': 'Not recorded',
  white: 'White',
  black: 'Black',
  asian: 'Asian',
  mixed: 'Mixed',
  other: 'Other',
  'minority-ethnic': 'Minority ethnic (when the area gives only that split)',
  community: 'Community orders',
  licence: 'Licences',
  custody: 'Custody (before release)',
};
const CONTEXT_GROUPS: readonly { key: keyof typeof CONTEXT_KEYS; legend: string }[] = [
  { key: 'byGender', legend: 'The caseload by gender' },
  { key: 'byEthnicity', legend: 'The caseload by ethnicity' },
  { key: 'byCaseType', legend: 'The caseload by case type' },
];

export const contextFieldName = (group: string, key: string) => `${group}.${key}`;
const contextFieldId = (group: string, key: string) => `${group}-${key}`;

/** The context form's numbers as typed; the numbers it makes, or a problem for each field that is not a whole number. */
export function readContextForm(form: URLSearchParams): { values: Record<string, string>; context?: AreaContext; errors: FieldError[] } {
  const values: Record<string, string> = {};
  const errors: FieldError[] = [];
  const number = (name: string, id: string, label: string): number | undefined => {
    const typed = (form.get(name) ?? '').trim().replaceAll(',', '');
    values[name] = form.get(name) ?? '';
    if (!typed) return undefined;
    if (!/^\d{1,8}$/.test(typed)) {
      errors.push({ field: id, message: `Enter ${label} as a whole number, like 5559` });
      return undefined;
    }
    return Number(typed);
  };
  const caseload = number('caseload', 'caseload', 'the caseload');
  if (values.caseload?.trim() === '') errors.push({ field: 'caseload', message: 'Enter the caseload: the number of cases the area holds' });
  const context: Record<string, unknown> = { caseload };
  for (const { key } of CONTEXT_GROUPS) {
    const parts: Record<string, number> = {};
    for (const part of CONTEXT_KEYS[key]) {
      const n = number(contextFieldName(key, part), contextFieldId(key, part), `the number of ${CONTEXT_WORDS[part]?.toLowerCase() ?? part}`);
      if (n !== undefined) parts[part] = n;
    }
    if (Object.keys(parts).length) context[key] = parts;
  }
  Object.assign(context, readAreaFiguresForm(form, values, errors));
  return errors.length ? { values, errors } : { values, context: context as AreaContext, errors };
}

/** The use case's problems with a caseload (a breakdown that does not add up) on the form's fields, in the form's words. */
export function contextErrorsOf(problems: readonly { path?: string; message: string }[]): FieldError[] {
  return problems.map((p) => {
    const group = CONTEXT_GROUPS.find((g) => g.key === p.path);
    if (!group) return { field: areaFigureField(p.path) ?? 'caseload', message: p.message };
    return { field: contextFieldId(group.key, CONTEXT_KEYS[group.key][0]), message: p.message.replace(group.key, group.legend) };
  });
}

export function valuesOfContext(context: AreaContext | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  if (!context) return values;
  values.caseload = String(context.caseload);
  for (const { key } of CONTEXT_GROUPS) for (const [part, n] of Object.entries(context[key] ?? {})) values[contextFieldName(key, part)] = String(n);
  return { ...values, ...valuesOfAreaFigures(context) };
}

export interface AreaEvidenceInput {
  session: Viewer;
  csrf: string;
  inspectionId: string;
  area: string;
  closed: boolean;
  contextValues: Record<string, string>;
  contextErrors?: readonly FieldError[];
  figures?: readonly PerformanceFigure[];
  figuresAt?: string;
  uploadErrors?: readonly string[];
  notice?: string;
}

function numberInput(name: string, id: string, label: string, value: string, error: FieldError | undefined, readOnly: boolean): string {
  if (readOnly)
    return `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${esc(label)}</dt><dd class="govuk-summary-list__value">${esc(value || 'Not given')}</dd></div>`;
  return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label" for="${esc(id)}">${esc(label)}</label>
  ${error ? errorMessage('en', `${id}-error`, error.message) : ''}
  <input class="govuk-input govuk-input--width-10${error ? ' govuk-input--error' : ''}" id="${esc(id)}" name="${esc(name)}" type="text" inputmode="numeric" spellcheck="false" value="${esc(value)}"${error ? ` aria-describedby="${esc(id)}-error"` : ''}>
</div>`;
}

const figure = (f: PerformanceFigure, n: number) => (f.unit === 'percent' ? `${n}%` : String(n));
const PERFORMANCE_ROW_WORDS: Record<string, string> = {
  'public-protection': 'Public Protection',
  'offender-management': 'Offender Management',
  interventions: 'Interventions',
  'operational-capability': 'Operational Capability, Resource Use and Strategy',
  reoffending: 'Re-offending',
  'management-information': 'Management information',
};
const GRADE_WORDS: Record<number, string> = { 4: 'outstanding', 3: 'good', 2: 'passable', 1: 'poor' };
/** A figure as uploaded: the number, or what the sheet said instead of one. */
function figureCell(f: PerformanceFigure, column: 'target' | 'area' | 'national' | 'previous'): string {
  const value = f[column];
  if (typeof value === 'number') return figure(f, value);
  if (f.kind !== undefined || (column === 'previous' && value === undefined)) return '';
  return f.notAvailable?.includes(column) ? 'not available' : 'n/a';
}
/** What the row is, in words: its domain, a domain's or the area's score, data to come. */
function rowWords(f: PerformanceFigure): string {
  const domain = f.domain ? PERFORMANCE_ROW_WORDS[f.domain] : undefined;
  if (f.kind === 'area-score') return 'The area’s IPPF score';
  if (f.kind === 'domain-score') return `IPPF domain score${domain ? `: ${domain}` : ''}`;
  return [domain, f.kind === 'later' ? 'data available later' : ''].filter(Boolean).join(', ');
}
function noteWords(f: PerformanceFigure): string {
  const reoffending =
    f.predicted !== undefined ? `Predicted ${figure(f, f.predicted)}; the difference ${f.significant ? 'is' : 'is not'} significant.` : '';
  return [reoffending, f.note ?? '', f.noteCy ? `Welsh: ${f.noteCy}` : ''].filter(Boolean).join(' ');
}

export function areaEvidencePage(input: AreaEvidenceInput): string {
  const { session, csrf, inspectionId, area, closed, contextValues, contextErrors = [], figures, uploadErrors = [] } = input;
  const readOnly = closed || !has(session, 'inspector', 'admin');
  const errorOf = (field: string) => contextErrors.find((e) => e.field === field);
  const items: ErrorItem[] = [
    ...contextErrors.map((e) => ({ href: `#${e.field}`, message: e.message })),
    ...uploadErrors.map((message) => ({ href: '#file', message })),
  ];
  const groups = CONTEXT_GROUPS.map(({ key, legend }) => {
    const fields = CONTEXT_KEYS[key]
      .map((part) =>
        numberInput(
          contextFieldName(key, part),
          contextFieldId(key, part),
          CONTEXT_WORDS[part] ?? part,
          contextValues[contextFieldName(key, part)] ?? '',
          errorOf(contextFieldId(key, part)),
          readOnly,
        ),
      )
      .join('\n');
    return readOnly
      ? `<h3 class="govuk-heading-s">${esc(legend)}</h3><dl class="govuk-summary-list">${fields}</dl>`
      : `<fieldset class="govuk-fieldset govuk-!-margin-bottom-6"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${esc(legend)}</legend>${fields}</fieldset>`;
  }).join('\n');
  const caseload = numberInput(
    'caseload',
    'caseload',
    'Caseload: the cases the area holds',
    contextValues.caseload ?? '',
    errorOf('caseload'),
    readOnly,
  );
  const areaFigures = areaFiguresFields(contextValues, errorOf, readOnly);
  const contextSection = readOnly
    ? `<dl class="govuk-summary-list">${caseload}</dl>${groups}${areaFigures}`
    : `<form method="post" action="${esc(evidenceUrls.area(inspectionId))}" novalidate>
  ${csrfField(csrf)}
  ${caseload}
  ${groups}
  ${areaFigures}
  <button type="submit" class="govuk-button" data-module="govuk-button">Save the caseload</button>
</form>`;
  const figuresTable = figures?.length
    ? `${table(
        `Performance figures as uploaded${input.figuresAt ? ` ${dateTime(input.figuresAt)}` : ''}`,
        ['Measure', 'Welsh name', 'Row', 'Period', 'Note', 'Actual', 'Target', 'National', 'Previous year', 'IPPF grade'],
        figures.map((f) => [
          esc(f.measure),
          // A score's name in the report is the domain's, from the report's own Welsh.
          f.measureCy ? esc(f.measureCy) : f.kind === 'domain-score' || f.kind === 'area-score' ? '' : '<span class="govuk-hint">none</span>',
          esc(rowWords(f)),
          esc(f.period),
          esc(noteWords(f)),
          esc(figureCell(f, 'area')),
          esc(figureCell(f, 'target')),
          esc(figureCell(f, 'national')),
          esc(figureCell(f, 'previous')),
          f.grade === undefined ? '' : `${f.grade} (${GRADE_WORDS[f.grade]})`,
        ]),
        5,
      )}`
    : '<p class="govuk-body">No performance figures uploaded yet.</p>';
  const upload = readOnly
    ? ''
    : `<form method="post" action="${esc(evidenceUrls.performanceFigures(inspectionId))}" enctype="multipart/form-data" novalidate>
  ${csrfField(csrf)}
  <div class="govuk-form-group${uploadErrors.length ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label govuk-label--s" for="file">${figures?.length ? 'Replace the performance figures with a CSV file' : 'Upload the performance figures as a CSV file'}</label>
    <div id="file-hint" class="govuk-hint">Columns measure, target, area (the actual figure), national and period, one row a measure. For Appendix 1 as the IPPF prints it, add any of better, kind, domain, previous, grade, predicted, significant, note, noteCy and measureCy; write n/a where a figure does not apply and not available (with a note) where the source has none. The whole file replaces the figures; if any row has a problem, nothing changes.</div>
    ${uploadErrors.length ? errorMessage('en', 'file-error', 'The file has problems: see the list at the top of the page') : ''}
    <input class="govuk-file-upload${uploadErrors.length ? ' govuk-file-upload--error' : ''}" id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby="file-hint${uploadErrors.length ? ' file-error' : ''}">
  </div>
  <button type="submit" class="govuk-button" data-module="govuk-button">Upload the performance figures</button>
</form>`;
  return page({
    session,
    csrf,
    title: `Caseload and performance figures: ${area}`,
    hasErrors: items.length > 0,
    backHref: pageUrls.dashboard(inspectionId),
    content: `${errorSummary('en', items)}
${notice(input.notice)}
<span class="govuk-caption-l">${esc(area)}</span>
<h1 class="govuk-heading-l">Caseload and performance figures</h1>
${closed ? closedNote : ''}
<h2 class="govuk-heading-m">The area's caseload</h2>
<p class="govuk-body">The report's Appendix 2 sets the sample beside the caseload and its make-up.</p>
${contextSection}
<h2 class="govuk-heading-m">Performance figures</h2>
<p class="govuk-body">Shown as the report's Appendix 1.</p>
${figuresTable}
${upload}`,
  });
}
