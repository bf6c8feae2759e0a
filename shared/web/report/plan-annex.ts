/**
 * The improvement plan annex as a report link shows it (issue 29): the page after the report,
 * in its style and languages, printing the plan as it was frozen beside the final release:
 * each recommendation with the area's actions, their owners, due dates and states, and
 * whether the plan itself came in. Only what the area sent for publication: no progress
 * notes, no ids, nobody's account. Until an annex is frozen it says so in one sentence.
 */
import type { ImprovementPlan } from '#schemas/improvement-plan';
import { esc, layout } from '#web/common/layout';
import { reportLanguageNav } from './front';
import { formatDate, REPORT_TEXT } from './parts';
import { REPORT_CSS_PATH } from './css';

/** What the page needs: the area, and the annex as frozen (null until one is). */
export interface AnnexView {
  area: string;
  /** When the plan is due (four weeks after the final release), frozen or not; null before a final release. */
  dueAt: string | null;
  /** The frozen plan and when it was frozen; null when none has been published with the release. */
  annex: { createdAt: string; plan: ImprovementPlan } | null;
  lang: 'en' | 'cy';
  /** The report the annex belongs to, in the same language. */
  reportHref: string;
}

const TAG_COLOURS: Record<string, string> = {
  received: 'govuk-tag--green',
  done: 'govuk-tag--green',
  overdue: 'govuk-tag--red',
  due: 'govuk-tag--blue',
  open: 'govuk-tag--blue',
};

const tag = (state: string, label: string) => `<strong class="govuk-tag ${TAG_COLOURS[state] ?? 'govuk-tag--grey'}">${esc(label)}</strong>`;

/** Text the area wrote, in English: marked so on a Welsh page. */
const english = (lang: 'en' | 'cy', text: string) => (lang === 'cy' ? `<span lang="en">${esc(text)}</span>` : esc(text));

export function planAnnexPage(view: AnnexView): string {
  const t = REPORT_TEXT[view.lang];
  const { annex } = view;
  const plan = annex?.plan;
  const rows: [string, string][] = plan
    ? [
        [t.metaPlanDue, esc(formatDate(plan.dueAt, t))],
        [
          t.metaPlanState,
          plan.state === 'received' && plan.receivedAt
            ? tag('received', t.planReceivedOn(formatDate(plan.receivedAt, t)))
            : tag(plan.state, t.planStates[plan.state] ?? plan.state),
        ],
        [t.metaAsAt, esc(formatDate(annex.createdAt, t))],
      ]
    : [];
  const meta = rows.length
    ? `<dl class="govuk-summary-list app-report-meta" id="plan-meta">
${rows.map(([k, v]) => `  <div class="govuk-summary-list__row">\n    <dt class="govuk-summary-list__key">${esc(k)}</dt>\n    <dd class="govuk-summary-list__value">${v}</dd>\n  </div>`).join('\n')}
</dl>`
    : '';
  const body = !plan || plan.actions.length === 0 ? noPlan(view) : actionsByRecommendation(view, plan);
  const content = `${reportLanguageNav(t)}
<span class="govuk-caption-xl">${esc(t.caption)}: ${esc(view.area)}</span>
<h1 class="govuk-heading-xl">${esc(t.annexTitle)}</h1>
<p class="govuk-body-l">${esc(t.annexLead(view.area))}</p>
${meta}
${body}
<p class="govuk-body app-no-print"><a class="govuk-link" href="${esc(view.reportHref)}">${esc(t.annexBack)}</a></p>`;
  return layout({
    lang: view.lang,
    title: `${t.annexTitle}: ${view.area}`,
    content,
    fullWidth: true,
    serviceName: t.serviceName,
    stylesheets: [REPORT_CSS_PATH],
  });
}

function noPlan(view: AnnexView): string {
  const t = REPORT_TEXT[view.lang];
  const dueAt = view.annex?.plan.dueAt ?? view.dueAt;
  return `<p class="govuk-body" id="no-plan">${esc(t.annexNone)}${dueAt ? ` ${esc(t.annexDue(formatDate(dueAt, t)))}` : ''}</p>`;
}

/** One heading per recommendation, in the order the plan first answers them, then its actions as a table. */
function actionsByRecommendation(view: AnnexView, plan: ImprovementPlan): string {
  const t = REPORT_TEXT[view.lang];
  const groups = new Map<string, ImprovementPlan['actions']>();
  for (const a of plan.actions) groups.set(a.recommendation, [...(groups.get(a.recommendation) ?? []), a]);
  return [...groups.values()]
    .map((actions, i) => {
      const words = actions[0]!.recommendationText;
      const heading = words === undefined ? esc(t.recommendationGone) : english(view.lang, words);
      const rows = actions
        .map(
          (a) => `    <tr class="govuk-table__row">
      <td class="govuk-table__cell">${english(view.lang, a.action)}</td>
      <td class="govuk-table__cell">${english(view.lang, a.owner)}</td>
      <td class="govuk-table__cell">${esc(formatDate(a.due, t))}</td>
      <td class="govuk-table__cell">${tag(a.state, t.actionStates[a.state] ?? a.state)}</td>
    </tr>`,
        )
        .join('\n');
      return `<h2 class="govuk-heading-m" id="recommendation-${i + 1}">${heading}</h2>
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(t.actionsCaption(actions.length))}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row"><th scope="col" class="govuk-table__header">${esc(t.headAction)}</th><th scope="col" class="govuk-table__header">${esc(t.headOwner)}</th><th scope="col" class="govuk-table__header">${esc(t.headDueDate)}</th><th scope="col" class="govuk-table__header">${esc(t.headActionStatus)}</th></tr>
  </thead>
  <tbody class="govuk-table__body">
${rows}
  </tbody>
</table>`;
    })
    .join('\n');
}
