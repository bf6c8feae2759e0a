/**
 * The workbench page for moderation (issue 14): the cases whose first and second markings
 * differ on a criterion's overall judgement, side by side.
 */
import type { FlaggedCase } from '#domain/evidence';
import type { ModerationDecision } from '#domain/moderation-decisions';
import type { Inspection } from '#schemas/inspection';
import type { Summary } from '#schemas/summary';
import { evidenceUrls, fieldIdOf, JUDGEMENT_CHOICES, JUDGEMENT_WORDS } from './evidence-pages';
import { errorMessage, errorSummary, esc, type ErrorItem } from '#web/common/layout';
import { csrfField, dateTime, has, page, pageUrls, type FieldError, type Viewer } from './frame';

const JUDGEMENT_NAMES: Record<string, string> = { yes: 'Yes', no: 'No', na: 'Not applicable' };

export interface ModerationView {
  inspection: Pick<Inspection, 'inspectionId' | 'area'>;
  moderation: Summary['moderation'];
  cases: readonly FlaggedCase[];
  /** The moderators' agreed judgements, by case. */
  decisions?: ReadonlyMap<string, ModerationDecision>;
  closed?: boolean;
  /** A decision just refused: the case, its problems, and what was chosen and typed. */
  refused?: { caseRef: string; errors: readonly FieldError[]; decided: Record<string, string>; note: string };
}

/** The moderator's form for one case: the agreed judgement of each question that differs, and why. */
function decisionForm(inspectionId: string, csrf: string, c: FlaggedCase, refused: ModerationView['refused']): string {
  const mine = refused?.caseRef === c.caseRef ? refused : undefined;
  const errorOf = (field: string) => mine?.errors.find((e) => e.field === field);
  const prefix = `d-${c.caseRef}`;
  const questions = c.differences
    .map((d) => {
      const id = fieldIdOf(prefix, d.id);
      const error = errorOf(id);
      return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <fieldset class="govuk-fieldset"${error ? ` aria-describedby="${esc(id)}-error"` : ''}>
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s govuk-!-font-weight-regular">Agreed judgement for ${esc(d.id)} in case ${esc(c.caseRef)}</legend>
    ${error ? errorMessage('en', `${id}-error`, error.message) : ''}
    <div class="govuk-radios govuk-radios--inline govuk-radios--small" data-module="govuk-radios">
${JUDGEMENT_CHOICES.map(
  ([v, l], i) =>
    `      <div class="govuk-radios__item"><input class="govuk-radios__input" id="${esc(i === 0 ? id : `${id}-${v}`)}" name="d-${esc(d.id)}" type="radio" value="${v}"${mine?.decided[d.id] === v ? ' checked' : ''}><label class="govuk-label govuk-radios__label" for="${esc(i === 0 ? id : `${id}-${v}`)}">${esc(l)}</label></div>`,
).join('\n')}
    </div>
  </fieldset>
</div>`;
    })
    .join('\n');
  const noteId = `note-${c.caseRef}`;
  const noteError = errorOf(noteId);
  return `<form method="post" action="${esc(evidenceUrls.moderate(inspectionId, c.caseRef))}" novalidate>
  ${csrfField(csrf)}
  <input type="hidden" name="version" value="${esc(c.first.version)}">
  ${questions}
  <div class="govuk-form-group${noteError ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label govuk-label--s" for="${esc(noteId)}">Why: the moderator's note for case ${esc(c.caseRef)}</label>
    ${noteError ? errorMessage('en', `${noteId}-error`, noteError.message) : ''}
    <textarea class="govuk-textarea${noteError ? ' govuk-textarea--error' : ''}" id="${esc(noteId)}" name="note" rows="3"${noteError ? ` aria-describedby="${esc(noteId)}-error"` : ''}>${esc(mine?.note ?? '')}</textarea>
  </div>
  <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Record the agreed judgement<span class="govuk-visually-hidden"> for case ${esc(c.caseRef)}</span></button>
</form>`;
}

function decisionSummary(d: ModerationDecision): string {
  const decided = Object.entries(d.decided)
    .map(([id, v]) => `${id}: ${JUDGEMENT_WORDS[v] ?? v}`)
    .join('; ');
  return `<div class="govuk-inset-text"><p class="govuk-body"><strong class="govuk-tag govuk-tag--green">Agreed</strong> ${esc(`by ${d.decidedBy}, ${dateTime(d.decidedAt)}: ${decided}.`)}</p><p class="govuk-body">${esc(d.note)}</p></div>`;
}

/**
 * The cases whose two markings differ on a criterion's overall judgement, each side by side,
 * question by question (only the questions that differ; the count of those that agree).
 */
export function moderationPage(session: Viewer, csrf: string, view: ModerationView): string {
  const { inspection, moderation, cases } = view;
  const canDecide = !view.closed && has(session, 'inspector', 'admin');
  const errorItems: ErrorItem[] = (view.refused?.errors ?? []).map((e) => ({ href: `#${e.field}`, message: e.message }));
  const agreement =
    moderation && moderation.cases > 0
      ? `<p class="govuk-body">${esc(`${moderation.cases} cases were marked a second time. Agreement ${moderation.agreement === null ? 'not measured' : `${Math.round(moderation.agreement * 1000) / 10}%`}, Cohen’s kappa ${moderation.kappa === null ? 'not measured' : moderation.kappa.toFixed(3)}.`)}</p>`
      : '<p class="govuk-body">No case has been marked a second time yet.</p>';
  const blocks = cases.map((c) => {
    const rows = c.differences
      .map(
        (d) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(d.id)}${d.overall ? ' <strong class="govuk-tag govuk-tag--orange">Overall judgement</strong>' : ''}<br><span class="govuk-body-s">${esc(d.text)}</span></th>
      <td class="govuk-table__cell">${esc(JUDGEMENT_NAMES[d.first] ?? d.first)}</td>
      <td class="govuk-table__cell">${esc(JUDGEMENT_NAMES[d.second] ?? d.second)}</td>
    </tr>`,
      )
      .join('\n');
    return `<h2 class="govuk-heading-m" id="case-${esc(c.caseRef)}">${esc(`Case ${c.caseRef}`)}</h2>
<p class="govuk-body">${esc(`First marked by ${c.first.by}${c.assessor === 'area' ? ' (area assessor)' : c.assessor === 'hmi' ? ' (HMI Probation)' : ''}; second marked by ${c.second.by}. They agree on ${c.agreeing} other ${c.agreeing === 1 ? 'judgement' : 'judgements'}.`)}</p>
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(`Where the markings of ${c.caseRef} differ`)}</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Question</th><th scope="col" class="govuk-table__header">First marking</th><th scope="col" class="govuk-table__header">Second marking</th></tr></thead>
  <tbody class="govuk-table__body">
${rows}
  </tbody>
</table>
${view.decisions?.get(c.caseRef) ? decisionSummary(view.decisions.get(c.caseRef)!) : ''}
${canDecide && c.differences.length ? decisionForm(inspection.inspectionId, csrf, c, view.refused) : ''}`;
  });
  return page({
    session,
    csrf,
    title: `Second markings: ${inspection.area}`,
    hasErrors: errorItems.length > 0,
    backHref: pageUrls.dashboard(inspection.inspectionId),
    content: `${errorSummary('en', errorItems)}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">Second markings: the cases for a moderator</h1>
${agreement}
${cases.length ? `<p class="govuk-body">${esc(`${cases.length === 1 ? 'One case differs' : `${cases.length} cases differ`} on a criterion’s overall judgement. A moderator decides; the decided judgement is recorded on the case, whose earlier version is kept.`)}</p>\n${blocks.join('\n')}` : '<p class="govuk-body">No case differs on a criterion’s overall judgement.</p>'}`,
  });
}
