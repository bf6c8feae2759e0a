/**
 * The workbench page for moderation (issue 14): the cases whose first and second markings
 * differ on a criterion's overall judgement, side by side.
 */
import type { FlaggedCase } from '../domain/evidence';
import type { Inspection } from '../schemas/inspection';
import type { Summary } from '../schemas/summary';
import { esc } from './layout';
import { page, pageUrls, type Viewer } from './workbench-pages';

const JUDGEMENT_NAMES: Record<string, string> = { yes: 'Yes', no: 'No', na: 'Not applicable' };

export interface ModerationView {
  inspection: Pick<Inspection, 'inspectionId' | 'area'>;
  moderation: Summary['moderation'];
  cases: readonly FlaggedCase[];
}

/**
 * The cases whose two markings differ on a criterion's overall judgement, each side by side,
 * question by question (only the questions that differ; the count of those that agree).
 */
export function moderationPage(session: Viewer, csrf: string, view: ModerationView): string {
  const { inspection, moderation, cases } = view;
  const agreement = moderation && moderation.cases > 0
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
</table>`;
  });
  return page({
    session,
    csrf,
    title: `Second markings: ${inspection.area}`,
    backHref: pageUrls.dashboard(inspection.inspectionId),
    content: `<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">Second markings: the cases for a moderator</h1>
${agreement}
${cases.length ? `<p class="govuk-body">${esc(`${cases.length === 1 ? 'One case differs' : `${cases.length} cases differ`} on a criterion’s overall judgement. A moderator decides; the decided judgement is recorded on the case, whose earlier version is kept.`)}</p>\n${blocks.join('\n')}` : '<p class="govuk-body">No case differs on a criterion’s overall judgement.</p>'}`,
  });
}
