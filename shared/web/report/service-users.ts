/**
 * The service users' perspective: the response rates, each audience's questionnaire figures in
 * the Kent report's order (offenders, victims, the courts) with what the people met told us,
 * the others met, the answers by language, and for staff only the respondents' comments.
 * Disclosure control's "[c]" is printed as it comes: a count held back is never recomputed.
 */
import { getQuestionnaireVersion } from '#questionnaires/index';
import type { Audience } from '#schemas/questionnaire';
import type { MeetingsByAudience, PublishedAudienceSummary as AudienceSummary, PublishedSummary as Summary } from '#schemas/summary';
import { SUPPRESSED } from '#summaries/index';
import { esc } from '#web/common/layout';
import { returnedSentenceCy } from '#summaries/sentences-cy';
import { serviceUserSentenceCy } from './welsh';
import { AUDIENCE_ORDER, cell, type ClosedQuestionSummary, type Count, type Ctx, num, paragraphs, type TextQuestionSummary, th } from './parts';

function responseRates(ctx: Ctx): string {
  const { t, summary } = ctx;
  const withMeetings = summary.meetings !== undefined;
  const rows = AUDIENCE_ORDER.map((a) => {
    const s = summary.serviceUsers[a];
    const met = withMeetings ? (inPerson(summary, a)?.met ?? { individually: 0, inGroups: 0 }) : undefined;
    return `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(t.audienceNames[a])}</th>
      ${num(ctx.writeUp?.sentNotStated?.includes(a) ? '–' : s.invited)}
      ${num(s.returned)}
      ${ctx.writeUp?.sentNotStated?.includes(a) ? num('–') : s.responsePercent === null ? `<td class="govuk-table__cell govuk-table__cell--numeric app-score--none">${esc(t.noneSent)}</td>` : num(`${s.responsePercent}%`)}
      ${met ? `${num(met.individually)}${num(met.inGroups)}` : ''}
    </tr>`;
  }).join('\n');
  return `<table class="govuk-table app-keep" id="response-rates">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(t.responseRatesCaption)}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th(t.headQuestionnairesTo)}${th(t.headSent, true)}${th(t.headReturned, true)}${th(t.headResponseRate, true)}${withMeetings ? `${th(t.headMetIndividually, true)}${th(t.headMetInGroups, true)}` : ''}</tr>
  </thead>
  <tbody class="govuk-table__body">
${rows}
  </tbody>
</table>`;
}

/** The question's words and its options' labels in the page's language, from the version the responses answered. */
function questionWords(ctx: Ctx, s: AudienceSummary, q: { id: string; text: string }): { text: string; labels: Map<string, string> } {
  try {
    const def = getQuestionnaireVersion(s.version, ctx.lang)?.questions.find((d) => d.id === q.id);
    if (def) return { text: def.text, labels: new Map((def.options ?? []).map((o) => [o.value, o.label])) };
  } catch {
    // a version this release does not know: the summary's own words
  }
  return { text: q.text, labels: new Map() };
}

/** An audience's evidence from meetings; undefined in a summary computed before meetings existed. */
function inPerson(summary: Summary, audience: string): MeetingsByAudience | undefined {
  return summary.meetings?.find((m) => m.audience === audience);
}

/** Everyone met: a number, or "[c]" where disclosure control holds it back. */
function metTotal(m: MeetingsByAudience | undefined): Count {
  if (!m) return 0;
  const { individually, inGroups, total } = m.met;
  if (total !== undefined) return total;
  return individually === SUPPRESSED || inGroups === SUPPRESSED ? SUPPRESSED : individually + inGroups;
}

/**
 * Whether the report speaks of meeting the audience: when anyone was met, or, with the number
 * held back, when there is something they told us to print (so a held-back number is never
 * given away as zero by an empty block, and no audience met with findings is reported as silent).
 */
function metWithSomethingToSay(m: MeetingsByAudience | undefined): boolean {
  const total = metTotal(m);
  return total === SUPPRESSED ? !!m && (m.findings.length > 0 || m.quotes.length > 0) : total > 0;
}

/** How many were met, one sentence; then what they told us, or one sentence saying there is nothing. */
function inPersonBlock(ctx: Ctx, audience: string, m: MeetingsByAudience | undefined, subheading: boolean): string[] {
  const { t } = ctx;
  if (!m || !metWithSomethingToSay(m)) return [];
  const who = t.meetingWho[audience] ?? audience;
  const parts = subheading ? [`<h4 class="govuk-heading-s">${esc(t.inPerson)}</h4>`] : [];
  for (const finding of m.findings) parts.push(paragraphs(ctx, finding));
  for (const q of m.quotes) {
    const fallback = ctx.lang === 'cy' && !q.textCy;
    parts.push(`<p class="govuk-body app-quote"${fallback ? ' lang="en"' : ''}>${esc(`“${ctx.lang === 'cy' && q.textCy ? q.textCy : q.text}”`)}</p>`);
  }
  if (!m.findings.length && !m.quotes.length) parts.push(`<p class="govuk-body">${esc(t.noMeetingFindings(who))}</p>`);
  if (ctx.staff && m.quotesWithheld > 0)
    parts.push(`<p class="govuk-body govuk-body-s" id="quotes-withheld-${esc(audience)}">${esc(t.quotesWithheld(m.quotesWithheld))}</p>`);
  return parts;
}

/** How many were met: in full, or as much as disclosure control lets the published report say. */
function metSentence(ctx: Ctx, audience: string, m: MeetingsByAudience): string {
  const who = ctx.t.meetingWho[audience] ?? audience;
  const { individually, inGroups } = m.met;
  const total = metTotal(m);
  const sentence =
    individually !== SUPPRESSED && inGroups !== SUPPRESSED && m.groups !== SUPPRESSED
      ? ctx.t.metSentence(individually, inGroups, m.groups, who)
      : total !== SUPPRESSED
        ? ctx.t.metTotalOnly(total, who)
        : metWithSomethingToSay(m)
          ? ctx.t.metNotPublished(who)
          : '';
  return sentence ? `<p class="govuk-body">${esc(sentence)}</p>` : '';
}

function audienceBlock(ctx: Ctx, audience: Audience, s: AudienceSummary): string {
  const { t } = ctx;
  const en = ctx.lang === 'en';
  const closed = s.questions.filter((q): q is ClosedQuestionSummary => q.type !== 'text');
  // Where the report does not state how many were sent ("There were 11 responses to the questionnaires sent out to sentencers").
  const sentNotStated = ctx.writeUp?.sentNotStated?.includes(audience) === true && typeof s.returned === 'number';
  const returned = sentNotStated
    ? t.responsesOnly(s.returned as number, t.audienceSentTo[audience]!)
    : en
      ? s.returnedSentence
      : s.returned === '[c]'
        ? t.returnedSuppressed(s.invited, t.audienceSentTo[audience]!)
        : returnedSentenceCy(t.audienceSentTo[audience]!, s.returned, s.invited);
  const rate =
    sentNotStated || s.responsePercent === null || s.responsePercent === '[c]' || s.returned === 0 ? '' : t.responseRate(s.responsePercent);
  const met = inPerson(ctx.summary, audience);
  // Source by source, as the Kent report goes: who was asked, answered and met; then the questionnaires' findings; then the meetings'.
  const parts = [
    `<h3 class="govuk-heading-m" id="service-users-${esc(audience)}">${esc(t.audienceHeadings[audience])}</h3>`,
    `<p class="govuk-body">${esc(returned)}${esc(rate)}</p>`,
    met ? metSentence(ctx, audience, met) : '',
  ];
  const sources = metWithSomethingToSay(met);
  if (s.returned === 0) {
    parts.push(
      `<p class="govuk-body">${esc(sources ? t.noQuestionnaireFindings(t.audienceSentTo[audience]!) : t.noFindings(t.audienceSentTo[audience]!))}</p>`,
    );
    parts.push(...inPersonBlock(ctx, audience, met, false));
    return parts.join('\n');
  }
  if (sources) parts.push(`<h4 class="govuk-heading-s">${esc(t.fromQuestionnaires)}</h4>`);
  const sentence = (q: ClosedQuestionSummary) => {
    // The English summary's sentence, or the Welsh in the same shape.
    return en ? q.sentence : serviceUserSentenceCy(audience, s.version, q, questionWords(ctx, s, q));
  };
  // A question nobody answered has no finding to state: the table below still shows it.
  parts.push(`<ul class="govuk-list govuk-list--bullet">
${closed
  .filter((q) => q.answered !== 0)
  .map((q) => `  <li>${esc(sentence(q))}</li>`)
  .join('\n')}
</ul>`);
  const rows = closed
    .map((q) => {
      const words = questionWords(ctx, s, q);
      const counts = Object.entries(q.counts ?? {})
        .map(([value, count]) => `${words.labels.get(value) ?? value}: ${count}`)
        .join('; ');
      return `    <tr class="govuk-table__row">
      ${cell(words.text)}
      ${num(q.answered)}
      ${num(q.distribution ? '–' : q.positive)}
      ${q.distribution ? num('–') : q.percent === null ? `<td class="govuk-table__cell govuk-table__cell--numeric app-score--none">${esc(t.nobodyAnswered)}</td>` : num(q.percent === '[c]' ? q.percent : `${q.percent}%`)}
      <td class="govuk-table__cell govuk-body-s">${esc(counts)}</td>
    </tr>`;
    })
    .join('\n');
  parts.push(`<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(t.answersCaption(t.audienceNames[audience]!))}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th(t.headQuestion)}${th(t.headAnswered, true)}${th(t.headPositive, true)}${th(t.headPositivePercent, true)}${th(t.headAllAnswers)}</tr>
  </thead>
  <tbody class="govuk-table__body">
${rows}
  </tbody>
</table>
<p class="govuk-body-s">${esc(t.answeredNote)}</p>`);
  parts.push(...inPersonBlock(ctx, audience, met, true));
  return parts.join('\n');
}

/** The people met who have no questionnaire (offender managers, key workers, partners, others): their numbers and findings. */
function othersMet(ctx: Ctx): string {
  const { t } = ctx;
  const others = (ctx.summary.meetings ?? []).filter((m) => !(AUDIENCE_ORDER as readonly string[]).includes(m.audience) && metWithSomethingToSay(m));
  if (!others.length) return '';
  return [
    `<h3 class="govuk-heading-m" id="service-users-others">${esc(t.othersHeading)}</h3>`,
    `<p class="govuk-body">${esc(t.othersIntro)}</p>`,
    ...others.flatMap((m) => [
      `<h4 class="govuk-heading-s" id="service-users-${esc(m.audience)}">${esc(t.meetingHeadings[m.audience] ?? m.audience)}</h4>`,
      metSentence(ctx, m.audience, m),
      ...inPersonBlock(ctx, m.audience, m, false),
    ]),
  ].join('\n');
}

function languageBreakdown(ctx: Ctx): string {
  const { t, summary } = ctx;
  const breakdown = summary.serviceUsersByLanguage;
  if (!breakdown) return '';
  const returnedRows = breakdown.returned
    .map(
      (r) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${esc(t.audienceNames[r.audience] ?? r.audience)}</th>
      ${num(r.en)}
      ${num(r.cy)}
      ${num(r.total)}
    </tr>`,
    )
    .join('\n');
  const questionTexts = new Map<string, string>();
  for (const a of AUDIENCE_ORDER) {
    const s = summary.serviceUsers[a];
    for (const q of s?.questions ?? []) questionTexts.set(`${a} ${q.id}`, questionWords(ctx, s, q).text);
  }
  const withResponses = new Set(AUDIENCE_ORDER.filter((a) => summary.serviceUsers[a]?.returned !== 0));
  const questionRows = breakdown.questions
    .filter((q) => withResponses.has(q.audience))
    .map(
      (q) => `    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header govuk-body-s">${esc(`${t.audienceNames[q.audience]}: ${questionTexts.get(`${q.audience} ${q.id}`) ?? q.id}`)}</th>
      ${num(q.answered.en)}${num(q.answered.cy)}${num(q.answered.total)}
      ${num(q.positive.en)}${num(q.positive.cy)}${num(q.positive.total)}
    </tr>`,
    )
    .join('\n');
  const questions = questionRows
    ? `<table class="govuk-table" id="by-language-questions">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(t.byLanguageQuestionsCaption)}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <td class="govuk-table__cell"></td>
      <th scope="colgroup" colspan="3" class="govuk-table__header app-colgroup">${esc(t.headAnswered)}</th>
      <th scope="colgroup" colspan="3" class="govuk-table__header app-colgroup">${esc(t.headPositive)}</th>
    </tr>
    <tr class="govuk-table__row">${th(t.headQuestion)}${th(t.headEnglish, true)}${th(t.headWelsh, true)}${th(t.headTotal, true)}${th(t.headEnglish, true)}${th(t.headWelsh, true)}${th(t.headTotal, true)}</tr>
  </thead>
  <tbody class="govuk-table__body">
${questionRows}
  </tbody>
</table>`
    : '';
  return `<h3 class="govuk-heading-m" id="by-language">${esc(t.byLanguageHeading)}</h3>
<table class="govuk-table app-keep" id="by-language-returned">
  <caption class="govuk-table__caption govuk-table__caption--s">${esc(t.byLanguageCaption)}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">${th(t.headRespondents)}${th(t.headEnglish, true)}${th(t.headWelsh, true)}${th(t.headTotal, true)}</tr>
  </thead>
  <tbody class="govuk-table__body">
${returnedRows}
  </tbody>
</table>
<div class="govuk-inset-text" id="suppression-note">
  <p class="govuk-body">${esc(t.suppressionNote(SUPPRESSED))}</p>
</div>
${questions}`;
}

/** Respondents' comments: for staff only (the page says not to publish them as they stand). */
function commentsBlock(ctx: Ctx): string {
  const { t, summary } = ctx;
  const blocks = AUDIENCE_ORDER.flatMap((a) =>
    (summary.serviceUsers[a]?.questions ?? [])
      .filter((q): q is TextQuestionSummary => q.type === 'text' && q.comments.length > 0)
      .map(
        (q) => `<h4 class="govuk-heading-s">${esc(`${t.audienceNames[a]}: ${questionWords(ctx, summary.serviceUsers[a], q).text}`)}</h4>
<ul class="govuk-list govuk-list--bullet">
${q.comments
  .map((c) => {
    const other = c.language !== ctx.lang;
    const note = other ? ` <span>${esc(c.language === 'cy' ? t.inWelsh : t.inEnglish)}</span>` : '';
    return `  <li class="app-comment"${other ? ` lang="${c.language}"` : ''}>${esc(`“${c.text}”`)}${note}</li>`;
  })
  .join('\n')}
</ul>`,
      ),
  );
  const omitted = summary.commentsOmitted ?? 0;
  const note =
    omitted > 0 ? `<p class="govuk-body" id="comments-omitted">${esc(t.commentsOmitted(omitted, summary.commentsRemoved ?? 'size'))}</p>` : '';
  const none = omitted > 0 ? '' : `<p class="govuk-body">${esc(t.noComments)}</p>`;
  const body = (blocks.length ? blocks.join('\n') : none) + note;
  return `<h3 class="govuk-heading-m" id="comments">${esc(t.commentsHeading)}</h3>
<div class="govuk-warning-text">
  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
  <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">${esc(t.warning)}</span> ${esc(t.commentsWarning)}</strong>
</div>
${body}`;
}

export function serviceUsers(ctx: Ctx): string {
  const { t, summary } = ctx;
  return [
    `<h2 class="govuk-heading-l app-page-break" id="service-users">${esc(t.serviceUsersHeading)}</h2>`,
    `<p class="govuk-body">${esc(t.serviceUsersIntro)}</p>`,
    responseRates(ctx),
    ...AUDIENCE_ORDER.map((a) => audienceBlock(ctx, a, summary.serviceUsers[a])),
    othersMet(ctx),
    languageBreakdown(ctx),
    ctx.staff ? commentsBlock(ctx) : '',
  ].join('\n');
}
