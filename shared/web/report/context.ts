/**
 * Appendix 2's account of the area (issue 28), laid out as the Kent report's "Caseload at end
 * of December 2006": the caseload's make-up, the shares under MAPPA and the PPO share, the local
 * definition of a PPO, the revenue budgets and the approved premises. Printed only when the
 * area gave a context; within it, a figure the area did not give says "Not known", never 0.
 * Everything interpolated goes through `esc`.
 */
import type { PublishedSampleBalance as SampleBalance } from '#schemas/summary';
import { MAPPA_LEVELS } from '#schemas/vocabulary';
import { esc } from '#web/common/layout';
import type { ReportText } from './text-en';

type Row = SampleBalance['byEthnicity'] extends (infer R)[] | null ? R : never;

const MINORITY = ['black', 'asian', 'mixed', 'other', 'minority-ethnic'];

/** A share to one decimal place ("93.3%"), or undefined when there is nothing to take it of. */
function share(part: number, whole: number): number | undefined {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : undefined;
}

/**
 * The shares of the caseload by ethnicity as the Kent report gives them: of the cases whose
 * ethnicity is recorded (its footnote says so), white and every minority group together.
 * Undefined where the area gave no such part.
 */
function ethnicityShares(rows: readonly Row[] | null): { white?: number; minority?: number } {
  if (!rows) return {};
  const known = (keys: readonly string[]) => rows.filter((r) => keys.includes(r.key) && r.caseload !== null);
  const recorded = rows.filter((r) => r.key !== 'not-recorded' && r.caseload !== null).reduce((n, r) => n + (r.caseload ?? 0), 0);
  const white = known(['white']);
  const minority = known(MINORITY);
  return {
    white: white.length ? share(white[0]!.caseload ?? 0, recorded) : undefined,
    minority: minority.length
      ? share(
          minority.reduce((n, r) => n + (r.caseload ?? 0), 0),
          recorded,
        )
      : undefined,
  };
}

/** "£19.817m" as the Kent report writes a budget in thousands of pounds; otherwise every pound ("£19,817,456"). */
export function pounds(amount: number): string {
  if (amount >= 1_000_000 && amount % 1000 === 0) return `£${String(amount / 1_000_000)}m`;
  return `£${amount.toLocaleString('en-GB')}`;
}

/** A share as the area gave it: "0.89%", "5%". */
const percentAsGiven = (n: number) => `${n}%`;

export function areaContextBlock(balance: SampleBalance | null | undefined, t: ReportText, lang: 'en' | 'cy'): string {
  if (!balance) return '';
  const month = balance.caseloadAt ? `${t.months[Number(balance.caseloadAt.slice(5, 7)) - 1] ?? ''} ${balance.caseloadAt.slice(0, 4)}` : undefined;
  const heading = t.areaContextHeading(month);
  const value = (n: number | undefined, format: (n: number) => string) => (n === undefined ? t.notKnown : format(n));
  const gender = (key: string) => balance.byGender?.find((r) => r.key === key)?.caseloadPercent ?? undefined;
  const ethnicity = ethnicityShares(balance.byEthnicity);
  const rows: [string, string][] = [
    [t.contextRows.total!, balance.caseload.toLocaleString('en-GB')],
    [t.contextRows.white!, value(ethnicity.white, percentAsGiven)],
    [t.contextRows.minorityEthnic!, value(ethnicity.minority, percentAsGiven)],
    [t.contextRows.male!, value(gender('male'), percentAsGiven)],
    [t.contextRows.female!, value(gender('female'), percentAsGiven)],
    ...MAPPA_LEVELS.map((level): [string, string] => [t.mappaRow(level), value(balance.mappaPercent?.[level], percentAsGiven)]),
    [t.contextRows.ppo!, value(balance.ppoPercent, percentAsGiven)],
  ];
  const table = `<table class="govuk-table app-keep" id="area-context">
  <caption class="govuk-table__caption govuk-visually-hidden">${esc(heading)}</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">${esc(t.headMeasure)}</span></th><th scope="col" class="govuk-table__header govuk-table__header--numeric">${esc(t.headFigure)}</th></tr></thead>
  <tbody class="govuk-table__body">
${rows.map(([label, figure]) => `    <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${esc(label)}</th><td class="govuk-table__cell govuk-table__cell--numeric">${esc(figure)}</td></tr>`).join('\n')}
  </tbody>
</table>
<p class="govuk-body-s" id="area-context-footnote">${esc(t.ethnicityFootnote)}</p>`;
  const definition = balance.ppoDefinition;
  // The area's own words, in Welsh when it gave them; otherwise its English, marked so.
  const definitionText = definition
    ? lang === 'cy' && definition.textCy
      ? { text: definition.textCy, english: false }
      : { text: definition.text, english: lang === 'cy' }
    : undefined;
  const ppo = definitionText
    ? `<h4 class="govuk-heading-s" id="ppo-definition">${esc(t.ppoDefinitionHeading)}</h4>
<p class="govuk-body"${definitionText.english ? ' lang="en"' : ''}>${esc(definitionText.text)}</p>`
    : '';
  const budgets = balance.revenueBudgets?.length
    ? `<h4 class="govuk-heading-s" id="revenue-budgets">${esc(t.budgetsHeading)}</h4>
${balance.revenueBudgets.map((b) => `<p class="govuk-body">${esc(t.revenueBudget(b.year, pounds(b.pounds)))}</p>`).join('\n')}`
    : '';
  const premises = balance.approvedPremises?.length
    ? `<h4 class="govuk-heading-s" id="approved-premises">${esc(t.approvedPremisesHeading)}</h4>
<ul class="govuk-list">
${balance.approvedPremises.map((p) => `  <li>${esc(t.approvedPremisesLine(p.name, p.capacity))}</li>`).join('\n')}
</ul>`
    : '';
  // The heading is the seen title; the caption, hidden, names the table for those who move by tables.
  return `<h3 class="govuk-heading-m" id="area-context-heading">${esc(heading)}</h3>
${table}
${[ppo, budgets, premises].filter(Boolean).join('\n')}`;
}
