/**
 * The workbench's pages for findings drafted from the figures: for each scored criterion, the
 * findings the write-up uses (each editable, each can be dropped, a drafted one whose figure
 * has moved marked so) and the drafts not used yet (tick to use, edit the words first).
 * Everything interpolated goes through `esc`.
 */
import type { FigureMismatch } from '#domain/figure-check';
import type { DraftedFinding, StaleFinding } from '#domain/findings';
import type { SubGroupOffer } from '#domain/question-breakdowns';
import type { Criterion } from '#schemas/bank';
import type { Inspection } from '#schemas/inspection';
import type { WrittenText } from '#schemas/write-up';
import { errorMessage, errorSummary, esc } from '#web/common/layout';
import { closedNotice, csrfField, has, inspectionIsClosed, page, pageUrls, table, type FieldError, type Viewer } from './frame';

const enc = encodeURIComponent;
export const findingsUrls = {
  index: (id: string) => `/workbench/inspections/${enc(id)}/findings`,
  criterion: (id: string, criterionId: string) => `/workbench/inspections/${enc(id)}/findings/${enc(criterionId)}`,
};

export interface FindingsRow {
  criterion: Criterion;
  percent: number | null;
  used: number;
  drafts: number;
  stale: number;
}

export function findingsIndexPage(session: Viewer, csrf: string, inspection: Inspection, rows: readonly FindingsRow[], saved?: string): string {
  const id = inspection.inspectionId;
  const banner = saved
    ? `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="saved-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="saved-title">Success</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${esc(`The findings of criterion ${saved} are saved in the write-up.`)}</p></div>
</div>`
    : '';
  return page({
    session,
    csrf,
    title: `Findings: ${inspection.area}`,
    backHref: pageUrls.dashboard(id),
    content: `${banner}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">Findings drafted from the figures</h1>
<p class="govuk-body">For each criterion, the service drafts a finding from each question’s figure, in the inspectorate’s style. Choose which to use in the report and edit their words; a finding keeps the figure it was written from, so the report says when the figure changes.</p>
${table(
  'Criteria 1.1 to 3.2',
  ['Criterion', 'Score', 'In the write-up', 'Drafts not used', 'No longer match their figure'],
  rows.map((r) => [
    `<a class="govuk-link" href="${esc(findingsUrls.criterion(id, r.criterion.id))}">${esc(`${r.criterion.id} ${r.criterion.title}`)}</a>`,
    esc(r.percent === null ? 'no score' : `${r.percent}%`),
    String(r.used),
    String(r.drafts),
    r.stale ? `<strong class="govuk-tag govuk-tag--orange">${r.stale}</strong>` : '0',
  ]),
)}`,
  });
}

export interface UsedFinding {
  kind: 'strength' | 'improvement';
  index: number;
  text: WrittenText;
  stale?: StaleFinding;
  /** Where its words give a figure that its question's figure contradicts (issue 28). */
  mismatches?: readonly Pick<FigureMismatch, 'claims' | 'question' | 'figure' | 'lang'>[];
}

export interface FindingsFormValues {
  /** Keyed by field name: `keep-s-0`, `text-s-0`, `use-3`, `text-d-3`. */
  [field: string]: string;
}

const kindWords = { strength: 'Strength', improvement: 'Area for improvement' } as const;
const letter = (i: number) => String.fromCharCode(97 + (i % 26));

function textOf(t: WrittenText): string {
  return typeof t === 'string' ? t : t.text;
}

/** The words against the figure, said beside the finding: what they give, and what the question's figure is. */
function mismatchNote(u: UsedFinding): string {
  return (u.mismatches ?? [])
    .map((m) => {
      const figure =
        m.figure && m.figure.yes + m.figure.no > 0 ? `${m.figure.percent}% (${m.figure.yes} of ${m.figure.yes + m.figure.no})` : 'no figure';
      return `<div class="govuk-hint app-figure-mismatch"><strong class="govuk-tag govuk-tag--red">Figure contradicted</strong> ${esc(`The ${m.lang === 'cy' ? 'Welsh words give' : 'words give'} ${m.claims.join(', ')}; question ${m.question} is ${figure}.`)}</div>`;
    })
    .join('');
}

function findingField(
  name: string,
  label: string,
  checkbox: { name: string; checked: boolean; label: string },
  text: string,
  readOnly: boolean,
  error: FieldError | undefined,
  note = '',
): string {
  if (readOnly) {
    // Read as text (staff, or a closed inspection): nothing greyed out, and whether it is used said in words.
    return `<div class="govuk-!-margin-bottom-6">
  <h3 class="govuk-heading-s govuk-!-margin-bottom-1">${esc(label)}</h3>${note}
  <p class="govuk-body govuk-!-margin-bottom-1">${esc(text)}</p>
  <p class="govuk-body">${checkbox.checked ? '<strong class="govuk-tag govuk-tag--green">In the report</strong>' : '<strong class="govuk-tag govuk-tag--grey">Not in the report</strong>'}</p>
</div>`;
  }
  // Each checkbox is named for its finding, not only "Use in the report": a screen reader's list of controls tells them apart.
  return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
    <div class="govuk-checkboxes__item">
      <input class="govuk-checkboxes__input" id="${esc(checkbox.name)}" name="${esc(checkbox.name)}" type="checkbox" value="yes"${checkbox.checked ? ' checked' : ''}>
      <label class="govuk-label govuk-checkboxes__label" for="${esc(checkbox.name)}">${esc(checkbox.label)}<span class="govuk-visually-hidden">: ${esc(label)}</span></label>
    </div>
  </div>
  <label class="govuk-label" for="${esc(name)}">${esc(label)}</label>${note}
  ${error ? errorMessage('en', `${name}-error`, error.message) : ''}
  <textarea class="govuk-textarea${error ? ' govuk-textarea--error' : ''}" id="${esc(name)}" name="${esc(name)}" rows="3"${error ? ` aria-describedby="${esc(name)}-error"` : ''}>${esc(text)}</textarea>
</div>`;
}

export function findingsFormPage(
  session: Viewer,
  csrf: string,
  inspection: Inspection,
  criterion: Criterion,
  percent: number | null,
  etag: string,
  used: readonly UsedFinding[],
  drafts: readonly DraftedFinding[],
  values: FindingsFormValues = {},
  errors: readonly FieldError[] = [],
  subGroup?: SubGroupOffer,
): string {
  const id = inspection.inspectionId;
  const closed = inspectionIsClosed(inspection);
  const canWrite = has(session, 'inspector', 'admin') && !closed;
  const errorOf = (f: string) => errors.find((e) => e.field === f);
  const value = (field: string, fallback: string) => values[field] ?? fallback;
  const checked = (field: string, fallback: boolean) => (Object.keys(values).length ? values[field] === 'yes' : fallback);
  const usedBlock = used.length
    ? used
        .map((u) => {
          const key = `${u.kind === 'strength' ? 's' : 'i'}-${u.index}`;
          const note = u.stale
            ? `<div class="govuk-hint"><strong class="govuk-tag govuk-tag--orange">No longer matches its figure</strong> ${esc(`Written from ${u.stale.was}% for question ${u.stale.question}${typeof u.text !== 'string' && u.text.drafted?.group ? ` (${groupLabel(subGroup, u.text.drafted.group)})` : ''}; the figure is now ${u.stale.now === null ? 'no score' : `${u.stale.now}%`}.`)}</div>`
            : typeof u.text !== 'string' && u.text.drafted
              ? `<div class="govuk-hint">${esc(`Drafted from question ${u.text.drafted.question}${u.text.drafted.group ? ` for ${groupLabel(subGroup, u.text.drafted.group)}` : ''} at ${u.text.drafted.percent}%.`)}</div>`
              : '';
          return findingField(
            `text-${key}`,
            `${kindWords[u.kind]} (${letter(u.index)})`,
            { name: `keep-${key}`, checked: checked(`keep-${key}`, true), label: 'Keep in the report' },
            value(`text-${key}`, textOf(u.text)),
            !canWrite,
            errorOf(`text-${key}`),
            note + mismatchNote(u),
          );
        })
        .join('\n')
    : '<p class="govuk-body">The write-up has no findings for this criterion yet.</p>';
  const draftBlock = drafts.length
    ? drafts
        .map(
          (d, n) =>
            findingField(
              `text-d-${n}`,
              `${kindWords[d.kind]}: drafted from question ${d.drafted.question}${d.drafted.group ? ` for ${groupLabel(subGroup, d.drafted.group)}` : ''} (${d.drafted.percent}%)`,
              { name: `use-${n}`, checked: checked(`use-${n}`, false), label: 'Use in the report' },
              value(`text-d-${n}`, d.text),
              !canWrite,
              errorOf(`text-d-${n}`),
            ) +
            `\n<input type="hidden" name="dq-${n}" value="${esc(d.drafted.question)}"><input type="hidden" name="dp-${n}" value="${esc(d.drafted.percent)}"><input type="hidden" name="dk-${n}" value="${esc(d.kind)}">${d.drafted.group ? `<input type="hidden" name="dg-${n}" value="${esc(d.drafted.group)}">` : ''}`,
        )
        .join('\n')
    : '<p class="govuk-body">Every drafted finding is in use, or no question of this criterion has a figure yet.</p>';
  return page({
    session,
    csrf,
    title: `Findings: ${criterion.id} ${criterion.title}`,
    hasErrors: errors.length > 0,
    backHref: findingsUrls.index(id),
    content: `${errorSummary(
      'en',
      errors.map((e) => ({ href: `#${e.field}`, message: e.message })),
    )}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">${esc(`${criterion.id} ${criterion.title}`)}</h1>
${closed ? closedNotice(id) : ''}
<p class="govuk-body"><em>${esc(criterion.statement)}</em></p>
<p class="govuk-body">${esc(percent === null ? 'No score yet.' : `Score: ${percent}%.`)}</p>
${subGroup ? subGroupBlock(id, criterion.id, subGroup, errors) : ''}
<form method="post" action="${esc(findingsUrls.criterion(id, criterion.id))}" novalidate>
  ${csrfField(csrf)}
  <input type="hidden" name="etag" value="${esc(etag)}">
  <h2 class="govuk-heading-m">In the write-up</h2>
  ${usedBlock}
  <h2 class="govuk-heading-m">Drafted from the figures</h2>
  ${draftBlock}
  ${canWrite ? '<button type="submit" class="govuk-button" data-module="govuk-button">Save findings</button>' : ''}
</form>`,
  });
}

const groupLabel = (offer: SubGroupOffer | undefined, key: string) => offer?.groups.find((g) => g.key === key)?.label ?? key;

/**
 * A sub-group's figure of one question, for a finding such as "all three Tier 4 cases": a GET
 * form (it changes nothing), so it works without JavaScript and for staff too. The figure is
 * shown in words, and when the disclosure rule would hold it back in a published file the page
 * says so: the draft is offered all the same, for the inspector to word or leave out.
 */
function subGroupBlock(id: string, criterionId: string, offer: SubGroupOffer, errors: readonly FieldError[]): string {
  const errorOf = (f: string) => errors.find((e) => e.field === f);
  const select = (name: string, field: string, label: string, options: { value: string; text: string }[], chosen: string | undefined) => {
    const error = errorOf(field);
    return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label" for="${field}">${esc(label)}</label>
  ${error ? errorMessage('en', `${field}-error`, error.message) : ''}
  <select class="govuk-select${error ? ' govuk-select--error' : ''}" id="${field}" name="${name}"${error ? ` aria-describedby="${field}-error"` : ''}>
    <option value="">Choose</option>
    ${options.map((o) => `<option value="${esc(o.value)}"${o.value === chosen ? ' selected' : ''}>${esc(o.text)}</option>`).join('\n    ')}
  </select>
</div>`;
  };
  const figure =
    offer.figure && offer.chosen
      ? `<div class="govuk-inset-text" id="sub-group-figure">
  <p class="govuk-body">${esc(`Question ${offer.chosen.question}: ${offer.figure.words.charAt(0).toUpperCase()}${offer.figure.words.slice(1)}${offer.figure.relevant ? ` (${offer.figure.yes} of ${offer.figure.relevant}, ${offer.figure.percent}%)` : ''}.`)}</p>
  ${offer.figure.suppressed ? `<p class="govuk-body"><strong class="govuk-tag govuk-tag--orange">Not for publication</strong> ${esc(`Fewer than 5 relevant cases: under the disclosure rule a published file shows this figure as [c]. Word the finding without the count, or leave it out.`)}</p>` : ''}
  ${offer.draft ? '<p class="govuk-body">The finding drafted from it is the last under “Drafted from the figures” below.</p>' : offer.figure.relevant ? '' : '<p class="govuk-body">No case of this group is relevant to the question: there is no figure to draft from.</p>'}
</div>`
      : '';
  return `<h2 class="govuk-heading-m">Draft from a sub-group’s figure</h2>
<p class="govuk-body">A question’s figure for one group of cases, such as the Tier 4 cases or those transferred between areas, counted from the finished cases now.</p>
<form method="get" action="${esc(findingsUrls.criterion(id, criterionId))}#sub-group-figure" novalidate>
  ${select(
    'question',
    'sg-question',
    'Question',
    offer.questions.map((q) => ({ value: q.id, text: `${q.id} ${q.text}` })),
    offer.chosen?.question,
  )}
  ${select(
    'group',
    'sg-group',
    'Sub-group',
    offer.groups.map((g) => ({ value: g.key, text: g.label })),
    offer.chosen?.group,
  )}
  <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show the figure</button>
</form>
${figure}`;
}
