/**
 * The appendices the report builds from the inspection: the sample (Appendix 2's tables of the
 * cases inspected), the fixed words of Appendices 3 and 5 from the inspection's bank, and
 * Appendix 4's scoring approach.
 */
import { fixedAppendicesFor, type FixedAppendix, type FixedBlock, type FixedItem } from '#bank/appendices';
import { NOT_RECORDED } from '#scoring/index';
import { percentHalfUp } from '#summaries/index';
import { esc } from '#web/common/layout';
import { areaContextBlock } from './context';
import { caseloadSentence } from './evidence';
import { type Count, type Ctx, num, th } from './parts';

function sampleTable(ctx: Ctx, id: string, caption: string, total: number, rows: [string, Count][]): string {
  const { t } = ctx;
  const body = rows
    .map(
      ([label, count]) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(label)}</th>
      ${num(count)}
      ${num(count === '[c]' ? count : total > 0 ? `${percentHalfUp(count, total)}%` : '–')}
    </tr>`,
    )
    .join('\n');
  return `<table class="govuk-table app-keep" id="${esc(id)}">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(caption)}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row"><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">${esc(caption)}</span></th>${th(t.headCases, true)}<th scope="col" class="govuk-table__header govuk-table__header--numeric app-nowrap">${esc(t.headPercentOfSample)}</th></tr>
  </thead>
  <tbody class="govuk-table__body">
${body}
  </tbody>
</table>`;
}

export function sampleBlock(ctx: Ctx): string {
  const { t, summary } = ctx;
  const s = summary.sample;
  const total = s?.cases ?? 0;
  const label = (key: string) => t.labels[key] ?? key;
  const counts = (record: Record<string, Count> | undefined, keys: [string, string][]): [string, Count][] => {
    const rows: [string, Count][] = keys.map(([key, labelKey]) => [label(labelKey), record?.[key] ?? 0]);
    const missing = record?.[NOT_RECORDED] ?? 0;
    if (missing !== 0) rows.push([label(NOT_RECORDED), missing]);
    return rows;
  };
  const same = (...keys: string[]): [string, string][] => keys.map((k) => [k, k]);
  const flag = (yes: Count, notRecorded: Count): [string, Count][] => {
    const rows: [string, Count][] = [
      [label('yes'), yes],
      // Held back when either part is: it would give the other away.
      [label('no'), yes === '[c]' || notRecorded === '[c]' ? '[c]' : Math.max(0, total - yes - notRecorded)],
    ];
    if (notRecorded !== 0) rows.push([label(NOT_RECORDED), notRecorded]);
    return rows;
  };
  const c = t.sampleCaptions;
  const ty = s?.byCaseType ?? { licence: 0, community: 0, custody: 0 };
  const intro = total > 0 ? `${t.sampleIntro(ty.licence, ty.community, ty.custody, total)} ${caseloadSentence(summary, t)}`.trim() : t.noCases;
  const tables = [
    sampleTable(ctx, 'sample-case-type', c.caseType!, total, counts(s?.byCaseType, same('licence', 'community', 'custody'))),
    sampleTable(ctx, 'sample-gender', c.gender!, total, counts(s?.byGender, same('male', 'female'))),
    sampleTable(ctx, 'sample-ethnicity', c.ethnicity!, total, counts(s?.byEthnicity, same('white', 'black', 'asian', 'mixed', 'other'))),
    sampleTable(ctx, 'sample-roh', c.roh!, total, counts(s?.byRoh, same('low', 'medium', 'high', 'very-high'))),
    sampleTable(ctx, 'sample-ppo', c.ppo!, total, flag(s?.ppo ?? 0, s?.flagsNotRecorded?.ppo ?? 0)),
    sampleTable(
      ctx,
      'sample-mappa',
      c.mappa!,
      total,
      counts(s?.byMappaLevel, [
        ['0', 'mappa0'],
        ['1', 'mappa1'],
        ['2', 'mappa2'],
        ['3', 'mappa3'],
      ]),
    ),
    sampleTable(
      ctx,
      'sample-approved-premises',
      c.approvedPremises!,
      total,
      flag(s?.approvedPremises ?? 0, s?.flagsNotRecorded?.approvedPremises ?? 0),
    ),
    sampleTable(
      ctx,
      'sample-victim-contact',
      c.victimContact!,
      total,
      flag(s?.statutoryVictimContact ?? 0, s?.flagsNotRecorded?.statutoryVictimContact ?? 0),
    ),
    sampleTable(ctx, 'sample-assessor', c.assessor!, total, counts(s?.byAssessor, same('hmi', 'area'))),
    sampleTable(
      ctx,
      'sample-tier',
      c.tier!,
      total,
      counts(s?.byTier, [
        ['1', 'tier1'],
        ['2', 'tier2'],
        ['3', 'tier3'],
        ['4', 'tier4'],
      ]),
    ),
  ];
  return `<h2 class="govuk-heading-l app-page-break" id="sample">${esc(t.appendix2Heading)}</h2>
<p class="govuk-body">${esc(intro)}</p>
<div class="app-sample-grid">
${tables.join('\n')}
</div>
${areaContextBlock(s?.balance, t, ctx.lang)}`;
}

/** A fixed appendix of the inspection's bank (Appendix 3 or 5) in the page's language; undefined when its bank has none. */
function fixedAppendix(ctx: Ctx, n: number): FixedAppendix | undefined {
  return fixedAppendicesFor(ctx.summary.questionBankVersion)?.[ctx.lang].find((a) => a.number === n);
}

export function fixedAppendixLink(ctx: Ctx, n: number): [string, string][] {
  const appendix = fixedAppendix(ctx, n);
  return appendix ? [[appendix.id, ctx.t.appendixHeading(n, appendix.title)]] : [];
}

/** Appendices 3 and 5: the inspectorate's fixed words, published with the bank, the same for every audience. */
export function fixedAppendixBlock(ctx: Ctx, n: number): string {
  const appendix = fixedAppendix(ctx, n);
  if (!appendix) return '';
  const item = (i: FixedItem) =>
    typeof i === 'string'
      ? `  <li>${esc(i)}</li>`
      : `  <li>${esc(i.text)}
    <ul class="govuk-list govuk-list--bullet">${i.items.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>${i.after ? `\n    ${esc(i.after)}` : ''}
  </li>`;
  const block = (b: FixedBlock) =>
    'p' in b
      ? `<p class="govuk-body">${esc(b.p)}</p>`
      : 'list' in b
        ? `<ul class="govuk-list govuk-list--bullet">\n${b.list.map(item).join('\n')}\n</ul>`
        : `<p class="govuk-body">${b.address.map(esc).join('<br>')}</p>`;
  return `<h2 class="govuk-heading-l app-page-break" id="${esc(appendix.id)}">${esc(ctx.t.appendixHeading(n, appendix.title))}</h2>
${appendix.parts.map((part) => `<h3 class="govuk-heading-m">${esc(part.heading)}</h3>\n${part.blocks.map(block).join('\n')}`).join('\n')}`;
}

export function scoringApproach(ctx: Ctx): string {
  const { t } = ctx;
  return `<h2 class="govuk-heading-l" id="scoring-approach">${esc(t.appendix4Heading)}</h2>
${t.scoringApproach.map((p) => `<p class="govuk-body">${esc(p)}</p>`).join('\n')}`;
}
