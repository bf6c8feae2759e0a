/**
 * The workbench's improvement plan (issue 29): when it is due and whether it came, each
 * action's state, and a form (staff and admins) saving through the same use case as
 * PUT /inspections/{id}/improvement-plan, with its ETag in a hidden field; the export and
 * the annex for admins. GOV.UK Frontend markup, no JavaScript needed.
 */
import type { ImprovementPlan } from '#schemas/improvement-plan';
import type { Inspection } from '#schemas/inspection';
import { errorMessage, errorSummary, esc, type ErrorItem } from '#web/common/layout';
import { rowsOf } from '#web/common/form-values';
import { csrfField, has, pageUrls, table, workbenchFrame, type Viewer } from './frame';

const enc = encodeURIComponent;
export const planUrls = {
  page: (id: string) => `/workbench/inspections/${enc(id)}/improvement-plan`,
  csv: (id: string) => `/workbench/inspections/${enc(id)}/improvement-plan.csv`,
  annex: (id: string) => `/workbench/inspections/${enc(id)}/improvement-plan/annex`,
};
const SPARE_ROWS = 2;

const STATE_TAGS: Record<string, [string, string]> = {
  due: ['Due', 'govuk-tag--blue'],
  overdue: ['Overdue', 'govuk-tag--red'],
  received: ['Received', 'govuk-tag--green'],
  open: ['Open', 'govuk-tag--blue'],
  done: ['Done', 'govuk-tag--green'],
};
const tag = (state: string) => {
  const [label, cls] = STATE_TAGS[state] ?? [state, 'govuk-tag--grey'];
  return `<strong class="govuk-tag ${cls}">${esc(label)}</strong>`;
};

export type PlanFormValues = Record<string, string>;

export function planFormValues(plan: ImprovementPlan): PlanFormValues {
  const v: PlanFormValues = { receivedAt: plan.receivedAt ?? '' };
  plan.actions.forEach((a, i) => {
    v[`a.${i}.recommendation`] = a.recommendation;
    v[`a.${i}.action`] = a.action;
    v[`a.${i}.owner`] = a.owner;
    v[`a.${i}.due`] = a.due;
    v[`a.${i}.status`] = a.status;
    v[`a.${i}.progress`] = (a.progress ?? []).map((p) => `${p.date}: ${p.text}`).join('\n');
  });
  return v;
}

/** The plan a posted form describes; a progress line that is not "date: text" is named. */
export function planFromForm(form: URLSearchParams): { candidate: unknown; values: PlanFormValues; problems: { field: string; message: string }[] } {
  const values: PlanFormValues = {};
  for (const [k, val] of form) if (k !== 'csrf' && k !== 'etag') values[k] = val;
  const get = (name: string) => (values[name] ?? '').trim();
  const problems: { field: string; message: string }[] = [];
  const actions = rowsOf(values, 'a').flatMap((i) => {
    const [action, owner, due] = [get(`a.${i}.action`), get(`a.${i}.owner`), get(`a.${i}.due`)];
    if (!action && !owner && !due) return [];
    const progress = get(`a.${i}.progress`)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .flatMap((line) => {
        const m = /^(\d{4}-\d{2}-\d{2}):\s*(.+)$/.exec(line);
        if (!m)
          problems.push({
            field: `a.${i}.progress`,
            message: `Action ${i + 1}: write each update as a date, a colon and the update, for example 2008-03-01: First audit done`,
          });
        return m ? [{ date: m[1]!, text: m[2]! }] : [];
      });
    return [{ recommendation: get(`a.${i}.recommendation`), action, owner, due, progress, status: get(`a.${i}.status`) || 'open' }];
  });
  return { candidate: { ...(get('receivedAt') ? { receivedAt: get('receivedAt') } : {}), actions }, values, problems };
}

/** The form field a problem's path names ("actions.1.due" -> "a.1.due"). */
export function fieldOfPlanProblem(path: string): string {
  const [head, n, field] = path.split('.');
  if (head === 'actions' && n !== undefined) return `a.${n}.${field === 'progress' ? 'progress' : (field ?? 'action')}`;
  return 'receivedAt';
}

export interface PlanPageInput {
  session: Viewer;
  csrf: string;
  inspection: Inspection;
  plan: ImprovementPlan | null;
  etag: string;
  recommendations: readonly { id: string; text: string }[];
  values: PlanFormValues;
  errors?: readonly { field: string; message: string }[];
  stale?: boolean;
  saved?: boolean;
  published?: boolean;
}

export function planPage(input: PlanPageInput): string {
  const { session, csrf, inspection, plan, recommendations, values, errors = [] } = input;
  const id = inspection.inspectionId;
  const canEdit = has(session, 'admin', 'staff') && plan !== null;
  const admin = has(session, 'admin');
  const errorOf = new Map<string, string>();
  for (const e of errors) if (!errorOf.has(e.field)) errorOf.set(e.field, e.message);
  const idOf = (name: string) => `f-${name.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const items: ErrorItem[] = [
    ...(input.stale
      ? [
          {
            href: '#plan-form',
            message:
              'Somebody else saved the plan after you opened this page. Nothing you typed was saved: open the page again and add your changes.',
          },
        ]
      : []),
    ...[...errorOf].map(([field, message]) => ({ href: `#${idOf(field)}`, message })),
  ];
  const wrap = (name: string, label: string, control: string, hint?: string) => {
    const err = errorOf.get(name);
    return `<div class="govuk-form-group${err ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label govuk-label--s" for="${idOf(name)}">${esc(label)}</label>
  ${hint ? `<div id="${idOf(name)}-hint" class="govuk-hint">${esc(hint)}</div>` : ''}
  ${err ? errorMessage('en', `${idOf(name)}-error`, err) : ''}
  ${control}
</div>`;
  };
  const described = (name: string, hint?: string) => {
    const ids = [hint ? `${idOf(name)}-hint` : '', errorOf.has(name) ? `${idOf(name)}-error` : ''].filter(Boolean).join(' ');
    return ids ? ` aria-describedby="${ids}"` : '';
  };
  const text = (name: string, label: string, hint?: string, width = '') =>
    wrap(
      name,
      label,
      `<input class="govuk-input${width}${errorOf.has(name) ? ' govuk-input--error' : ''}" id="${idOf(name)}" name="${esc(name)}" type="text" value="${esc(values[name] ?? '')}"${described(name, hint)}>`,
      hint,
    );
  const select = (name: string, label: string, options: [string, string][]) =>
    wrap(
      name,
      label,
      `<select class="govuk-select" id="${idOf(name)}" name="${esc(name)}"${described(name)}>${options.map(([v, l]) => `<option value="${esc(v)}"${values[name] === v ? ' selected' : ''}>${esc(l)}</option>`).join('')}</select>`,
    );
  const area = (name: string, label: string, hint: string) =>
    wrap(
      name,
      label,
      `<textarea class="govuk-textarea${errorOf.has(name) ? ' govuk-textarea--error' : ''}" id="${idOf(name)}" name="${esc(name)}" rows="3"${described(name, hint)}>${esc(values[name] ?? '')}</textarea>`,
      hint,
    );

  const status = plan
    ? `<dl class="govuk-summary-list">
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">The plan</dt><dd class="govuk-summary-list__value" id="plan-state">${tag(plan.state)} due ${esc(plan.dueAt)}${plan.receivedAt ? `, received ${esc(plan.receivedAt)}` : ''}</dd></div>
</dl>
${
  plan.actions.length
    ? table(
        'Actions',
        ['Recommendation', 'Action', 'Owner', 'Due', 'State'],
        plan.actions.map((a) => [
          esc(a.recommendationText ?? `${a.recommendation} (no longer in the write-up)`),
          esc(a.action),
          esc(a.owner),
          esc(a.due),
          tag(a.state),
        ]),
        5,
      )
    : '<p class="govuk-body">No actions recorded yet.</p>'
}`
    : '<p class="govuk-body">The improvement plan is asked for after the final release: it is due four weeks after publication.</p>';

  const recOptions: [string, string][] = recommendations.map((r, i) => [
    r.id,
    `${i + 1}. ${r.text.length > 90 ? `${r.text.slice(0, 87)}...` : r.text}`,
  ]);
  const used = rowsOf(values, 'a');
  const rowCount = (used.length ? Math.max(...used) + 1 : 0) + SPARE_ROWS;
  const rows = Array.from(
    { length: rowCount },
    (
      _,
      i,
    ) => `<fieldset class="govuk-fieldset govuk-!-margin-bottom-6"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Action ${i + 1}</legend>
${select(`a.${i}.recommendation`, 'Recommendation it answers', recOptions)}
${text(`a.${i}.action`, 'Action')}
${text(`a.${i}.owner`, 'Owner', 'A name or a role', ' govuk-!-width-one-half')}
${text(`a.${i}.due`, 'Due', 'For example 2008-06-30', ' govuk-input--width-10')}
${select(`a.${i}.status`, 'Status', [
  ['open', 'Open'],
  ['done', 'Done'],
])}
${area(`a.${i}.progress`, 'Progress updates', 'One a line: a date, a colon and the update, for example 2008-03-01: First audit done')}
</fieldset>`,
  ).join('\n');
  const form = canEdit
    ? `<h2 class="govuk-heading-m">Record the plan</h2>
<form method="post" action="${esc(planUrls.page(id))}" id="plan-form" novalidate>
  ${csrfField(csrf)}
  <input type="hidden" name="etag" value="${esc(input.etag)}">
  ${text('receivedAt', 'Date the plan was received (blank while it is awaited)', 'For example 2008-04-10', ' govuk-input--width-10')}
  ${rows}
  <button type="submit" class="govuk-button" data-module="govuk-button">Save the plan</button>
</form>`
    : '';
  const adminTools =
    admin && plan
      ? `<h2 class="govuk-heading-m">Export and publish</h2>
<p class="govuk-body"><a class="govuk-link" href="${esc(planUrls.csv(id))}" download>Download the plan (CSV)</a></p>
<form method="post" action="${esc(planUrls.annex(id))}" novalidate>
  ${csrfField(csrf)}
  <p class="govuk-body">Publishing freezes the plan as it is now beside the final release of ${esc(plan.publishedAt.slice(0, 10))}, as the release itself is frozen.</p>
  <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Publish the plan with the report</button>
</form>`
      : '';
  const banner =
    input.saved || input.published
      ? `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="plan-done-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="plan-done-title">Success</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${input.published ? 'The plan is published with the final release.' : 'The plan is saved.'}</p></div>
</div>`
      : '';
  return workbenchFrame({
    session,
    csrf,
    title: 'Improvement plan',
    hasErrors: items.length > 0,
    backHref: pageUrls.dashboard(id),
    content: `${errorSummary('en', items)}
${banner}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">Improvement plan</h1>
${status}
${form}
${adminTools}`,
  });
}
