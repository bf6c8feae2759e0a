/**
 * The workbench's parts from the evidence beyond the case file (issue 14), each a call in
 * dashboard-page.ts: the dashboard's warning while the sample is short of a minimum.
 */
import type { Summary } from '#schemas/summary';
import { numberWord } from '#summaries/words';
import { esc } from '#web/common/layout';

const KIND_NAMES: Record<string, [string, string]> = {
  female: ["woman's case", "women's cases"],
  minorityEthnic: ['minority ethnic case', 'minority ethnic cases'],
  highRoh: ['high or very high Risk of Harm case', 'high or very high Risk of Harm cases'],
  ppo: ['PPO case', 'PPO cases'],
  approvedPremises: ['approved premises case', 'approved premises cases'],
  statutoryVictimContact: ['statutory victim contact case', 'statutory victim contact cases'],
};

/** "The sample needs 2 more women's cases (7 of 9)": said before fieldwork ends, while there is time to add them. */
export function sampleMinimumsWarning(summary: Pick<Summary, 'sample'> | undefined): string {
  const short = (summary?.sample?.balance?.minimums ?? []).filter((m) => !m.met);
  if (!short.length) return '';
  const lines = short.map((m) => {
    const more = m.wanted - m.entered;
    const [one, many] = KIND_NAMES[m.id] ?? [m.id, m.id];
    return `${numberWord(more)} more ${more === 1 ? one : many} (${m.entered} of the ${m.wanted} wanted)`;
  });
  return `<div class="govuk-warning-text" id="sample-minimums">
  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
  <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> The sample is short of the minimums set for this inspection. It needs:</strong>
</div>
<ul class="govuk-list govuk-list--bullet">
${lines.map((l) => `  <li>${esc(l)}</li>`).join('\n')}
</ul>`;
}
