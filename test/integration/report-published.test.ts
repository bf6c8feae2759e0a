/**
 * The report's shape (the Kent report's order), what a published report leaves out, the
 * write-up where the report prints it, and the Welsh report on every report route, through
 * the real local server.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCasesCsv } from '#infra/local/demo-data';
import { draftFindings } from '#domain/findings';
import type { Summary } from '#schemas/summary';
import type { WriteUp } from '#schemas/write-up';
import { reportPage } from '#web/report/report';
import { reportTextCy } from '#web/report/text-cy';
import { call } from '#support/api';
import { bank, createInspection, kentSample } from '#support/fixtures';
import { page, signIn } from '#support/workbench';

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** Where each part's heading first appears. */
const positions = (html: string, ids: string[]) => ids.map((id) => html.indexOf(`id="${id}"`));

let id: string;
let summary: Summary;
let staffPage: string;
let linkUrl: string;

beforeAll(async () => {
  id = await createInspection('Published (test)');
  const csv = demoCasesCsv(
    kentSample().map(({ caseRef, input }) => ({ caseRef, profile: input.profile, answers: input.answers })),
    bank(),
  );
  expect((await call(`/inspections/${id}/cases`, { as: 'inspector', body: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
  const invited = await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 1 } });
  const token = new URL(invited.json.invitations[0].url).pathname.split('/').pop();
  const sent = await call(`/questionnaires/${token}/responses`, {
    json: { answers: { 'agreed-contact': 'no', 'mappa-aware': 'no', 'first-time-asked': 'yes', comments: 'A private remark for staff only.' } },
  });
  expect(sent.status, sent.text).toBe(201);
  const aggregated = await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' });
  expect(aggregated.status).toBe(200);
  summary = aggregated.json;
  staffPage = (await call(`/inspections/${id}/report`, { as: 'staff' })).text;
  const link = await call(`/inspections/${id}/report-links`, { method: 'POST', as: 'admin', json: { draft: true } });
  linkUrl = link.json.url;
}, 120_000);

describe('the report follows the Kent report', () => {
  it('in its order: contents, summary, scores, recommendations, next steps, good practice, service users, sections 1 to 4, appendices', () => {
    const order = positions(staffPage, [
      'contents-heading',
      'summary',
      'scores',
      'chart-1',
      'table-1',
      'table-2',
      'recommendations',
      'next-steps',
      'good-practice',
      'service-users',
      'section-1',
      'criterion-1.1',
      'section-2',
      'section-3',
      'section-4',
      'criterion-4.6',
      'performance',
      'sample',
      'scoring-approach',
    ]);
    for (const p of order) expect(p).toBeGreaterThan(0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('gives each criterion its statement, score, strengths, areas for improvement and a conclusion in the seed’s words', () => {
    const block = /id="criterion-1\.1"[\s\S]*?<\/div>/.exec(staffPage)![0];
    const text = textOf(block);
    const c = summary.criteria.find((x) => x.id === '1.1')!;
    expect(text).toContain('1.1 General Criterion: Preparing for sentence');
    expect(text).toContain('Activity in the phase leading up to sentence is timely, purposeful and effective.');
    expect(text).toContain(`${c.percent}%`);
    expect(text).toMatch(/Strengths .* Areas for improvement .* Conclusion/);
    expect(text).toMatch(/Performance against this criterion was good\.|This criterion represents (an urgent priority|a priority) for improvement\./);
  });

  it('has next steps: an improvement plan within four weeks, the thread and section scores, and no decision on further inspection until the inspectorate records one', () => {
    const text = textOf(staffPage);
    expect(text).toContain('An improvement plan addressing the recommendations above is needed four weeks after publication.');
    const thread = summary.rohThread.percent!;
    expect(textOf(/id="next-steps-figures">[^<]*/.exec(staffPage)![0])).toContain(
      `the Risk of Harm thread ${thread}%; section 1 ${summary.sections[0]!.percent}%`,
    );
    // The product decides nothing: whatever the thread's score, the line waits for the write-up's decision.
    expect(textOf(/id="further-inspection">[^<]*/.exec(staffPage)![0])).toContain(
      'The inspectorate has not yet recorded its decision on a further inspection.',
    );
  });
});

describe('a report link shows the published report', () => {
  let published: string;
  beforeAll(async () => {
    published = await (await fetch(linkUrl)).text();
  });

  it('without suggested bands, respondents’ comments or the markers’ agreement; staff see them all', () => {
    expect(staffPage).toContain('Suggested band');
    expect(staffPage).toContain('A private remark for staff only.');
    expect(staffPage).toContain('id="moderation"');
    expect(published).not.toContain('Suggested band');
    expect(published).not.toContain('Not yet recorded: the suggested band');
    expect(published).not.toContain('A private remark for staff only.');
    expect(published).not.toContain('For inspection staff only');
    expect(published).not.toContain('id="moderation"');
    // the figures are the same
    expect(published).toContain(`Score for Risk of Harm thread</th>`);
    for (const c of summary.criteria) if (c.percent !== null) expect(published).toContain(`>${c.percent}%<`);
  });

  it('nor in its downloads: the link’s JSON and CSV leave out the same, and keep the figures', async () => {
    expect(summary.criteria.some((c) => c.suggestedBand)).toBe(true);
    const json = (await (await fetch(linkUrl.replace(/\/?$/, '/summary.json'))).json()) as Summary;
    const csv = await (await fetch(linkUrl.replace(/\/?$/, '/summary.csv'))).text();
    for (const body of [JSON.stringify(json), csv]) {
      expect(body).not.toContain('A private remark for staff only.');
      for (const c of summary.criteria) if (c.suggestedBand) expect(body).not.toContain(c.suggestedBand.conclusion);
    }
    expect(json.criteria.every((c) => c.suggestedBand === null)).toBe(true);
    expect(json.moderation).toBeUndefined();
    expect(json.commentPages).toBeUndefined();
    expect(json.commentsOmitted).toBe(summary.commentsOmitted + 1);
    expect(json.criteria.map((c) => c.percent)).toEqual(summary.criteria.map((c) => c.percent));
    expect(json.serviceUsers.victim.returned).toBe(summary.serviceUsers.victim.returned);
  });
});

describe('the write-up in the report', () => {
  const drafts = () => draftFindings(summary, bank());

  function writeUp(): WriteUp {
    const d = drafts();
    const strength = d['1.3']!.strengths[0]!;
    return {
      summary: [
        {
          section: '1',
          text: 'Work in preparing for sentence was a strong feature.',
          textCy: 'Roedd gwaith paratoi ar gyfer dedfryd yn nodwedd gref.',
        },
        { section: 'roh', text: 'The area had made improvements in the timeliness of initial Risk of Harm assessments.' },
      ],
      criteria: {
        '1.3': {
          strengths: [
            { text: strength.text, drafted: strength.drafted },
            { text: 'A moved figure.', drafted: { question: strength.drafted.question, percent: (strength.drafted.percent + 7) % 101 } },
          ],
          improvements: ['Of the nine PPO cases, only four OASys assessments were assessed as comprehensive.'],
        },
      },
      recommendations: [{ text: 'accurate Risk of Harm screenings are undertaken in all cases', criteria: ['1.2', '2.2'] }],
      goodPractice: [{ title: 'Motivating the offender', text: 'Jean was subject to a two-year suspended sentence order.', criteria: ['2.1'] }],
      rohTablesInternal: true,
    };
  }
  const downloads = { json: '/j', csv: '/c' };

  it('prints the summaries, lettered findings, numbered recommendations with their criteria, and good practice', () => {
    const html = reportPage(summary, { downloads, writeUp: writeUp(), audience: 'staff' });
    const text = textOf(html);
    expect(text).toContain(
      'Summary Assessment and sentence planning Work in preparing for sentence was a strong feature. Risk of Harm The area had made',
    );
    expect(text).toMatch(/Strengths \(a\) In \d+% of cases .*\(b\) A moved figure\./);
    expect(text).toContain('Areas for improvement (a) Of the nine PPO cases');
    expect(text).toContain(
      'Improvements are necessary as follows: accurate Risk of Harm screenings are undertaken in all cases (criteria 1.2 and 2.2)',
    );
    expect(html).toContain('<ol class="govuk-list govuk-list--number" id="recommendations-list">');
    expect(text).toContain('Motivating the offender OMI criterion: 2.1 Delivering the sentence plan Jean was subject');
  });

  it('tells staff which drafted findings no longer match their figure, and nobody else', () => {
    const up = writeUp();
    const moved = up.criteria['1.3']!.strengths[1] as { drafted: { percent: number } };
    const staff = reportPage(summary, { downloads, writeUp: up, audience: 'staff' });
    const now = summary.questions.find(
      (q) => q.id === (up.criteria['1.3']!.strengths[0] as { drafted: { question: string } }).drafted.question,
    )!.percent;
    expect(textOf(staff)).toContain(`One finding no longer matches its figure`);
    expect(textOf(staff)).toContain(
      `A moved figure. Check this finding: it was written from a figure of ${moved.drafted.percent}%, and the figure is now ${now}%.`,
    );
    expect((staff.match(/app-stale/g) ?? []).length).toBe(1);
    const published = reportPage(summary, { downloads, writeUp: up, audience: 'published' });
    expect(published).not.toContain('app-stale');
    expect(published).not.toContain('Check this finding');
  });

  it('leaves the Risk of Harm questions’ case counts out of a published report when the write-up marks them internal', () => {
    expect(reportPage(summary, { downloads, writeUp: writeUp(), audience: 'staff' })).toContain('id="roh-questions"');
    expect(reportPage(summary, { downloads, writeUp: writeUp(), audience: 'published' })).not.toContain('id="roh-questions"');
    expect(reportPage(summary, { downloads, writeUp: { ...writeUp(), rohTablesInternal: false }, audience: 'published' })).toContain(
      'id="roh-questions"',
    );
  });

  it('dates a release by the publication month the inspectorate set, never the day the release was made, and says which release it is', () => {
    const dated = { ...writeUp(), cover: { publicationMonth: '2008-02' } };
    const html = reportPage(summary, {
      downloads,
      writeUp: dated,
      audience: 'published',
      release: { kind: 'final', createdAt: '2008-03-12T10:00:00.000Z' },
    });
    expect(textOf(html)).toContain('Status Final report Published February 2008');
    expect(textOf(html)).not.toContain('12 March 2008');
    const welsh = reportPage(summary, {
      downloads,
      writeUp: dated,
      audience: 'published',
      lang: 'cy',
      release: { kind: 'factual-accuracy', createdAt: '2008-01-07T10:00:00.000Z' },
    });
    expect(textOf(welsh)).toContain('Cyhoeddwyd Chwefror 2008');
    const unset = reportPage(summary, {
      downloads,
      writeUp: writeUp(),
      audience: 'published',
      release: { kind: 'final', createdAt: '2008-02-12T10:00:00.000Z' },
    });
    expect(textOf(unset)).toContain('Published Not yet set by the inspectorate');
  });

  it('gives a Welsh cover the fieldwork dates in Welsh when the cover’s own words for them have no Welsh', () => {
    const cover = (inspectionDates: { text: string; textCy?: string }) => ({ ...writeUp(), cover: { publicationMonth: '2008-02', inspectionDates } });
    const english = textOf(reportPage(summary, { downloads, writeUp: cover({ text: 'Fieldwork: 5-9 November 2007' }), lang: 'cy' }));
    expect(english).not.toContain('November');
    expect(english).toMatch(/Gwaith maes \d+ (i \d+ )?[A-Z][a-z]+ \d{4}/);
    const welsh = textOf(
      reportPage(summary, {
        downloads,
        writeUp: cover({ text: 'Fieldwork: 5-9 November 2007', textCy: 'Gwaith maes: 5-9 Tachwedd 2007' }),
        lang: 'cy',
      }),
    );
    expect(welsh).toContain('Gwaith maes: 5-9 Tachwedd 2007');
    expect(textOf(reportPage(summary, { downloads, writeUp: cover({ text: 'Fieldwork: 5-9 November 2007' }) }))).toContain(
      'Fieldwork: 5-9 November 2007',
    );
  });

  it('prints the Welsh version of authored text in Welsh, and marks English text left as written', () => {
    const html = reportPage(summary, { downloads, writeUp: writeUp(), lang: 'cy' });
    expect(html).toContain('<p class="govuk-body">Roedd gwaith paratoi ar gyfer dedfryd yn nodwedd gref.</p>');
    // Each with its anchor in the translator's list (staff).
    expect(html).toMatch(/<p class="govuk-body" lang="en" id="untranslated-\d+">The area had made improvements/);
    expect(html).toMatch(/<span lang="en" id="untranslated-\d+">accurate Risk of Harm screenings are undertaken in all cases<\/span>/);
  });
});

describe('the Welsh report (?lang=cy)', () => {
  const english = [
    'Summary of scores',
    'Recommendations for improvement',
    'Next steps',
    'Strengths',
    'Areas for improvement',
    'Appendix 2',
    'Section score',
    'Table 1',
  ];

  it('on every report route: <html lang="cy">, Welsh headings, chart labels, table heads and conclusions, and a link to the English', async () => {
    const { cookie } = await signIn('staff');
    const pages = {
      api: (await call(`/inspections/${id}/report?lang=cy`, { as: 'staff' })).text,
      link: await (await fetch(`${linkUrl}?lang=cy`)).text(),
      workbench: (await page(`/workbench/inspections/${id}/report?lang=cy`, { cookie })).text,
    };
    for (const [route, html] of Object.entries(pages)) {
      expect(html, route).toMatch(/<html lang="cy" class="govuk-template">/);
      const text = textOf(html);
      for (const heading of [
        reportTextCy.scoresHeading,
        reportTextCy.recommendationsHeading,
        reportTextCy.nextStepsHeading,
        reportTextCy.chartLegendSection,
        reportTextCy.table1Caption,
        reportTextCy.appendix2Heading,
      ]) {
        expect(text, `${route}: ${heading}`).toContain(heading);
      }
      for (const words of english) expect(text, `${route}: ${words}`).not.toContain(words);
      expect(html).toMatch(/<a class="govuk-link" href="\?lang=en" hreflang="en" lang="en" rel="alternate">English<\/a>/);
      expect(text).toContain('1.1 Maen Prawf Cyffredinol: Paratoi ar gyfer dedfryd');
      // Staff see the suggested band's conclusion; a published report only what the lead inspector recorded.
      expect(text).toMatch(
        route === 'link'
          ? /Casgliad Dim casgliad eto/
          : /Roedd y perfformiad yn erbyn y maen prawf hwn yn dda\.|Mae’r maen prawf hwn yn flaenoriaeth/,
      );
    }
    expect(staffPage).toMatch(/<a class="govuk-link" href="\?lang=cy" hreflang="cy" lang="cy" rel="alternate">Cymraeg<\/a>/);
  });

  it('uses the Welsh quantity and number words in the service users’ sentences', async () => {
    const html = (await call(`/inspections/${id}/report?lang=cy`, { as: 'staff' })).text;
    // In the English sentences' shapes: "The one questionnaire sent to victims was returned.", "The one victim who answered ...".
    expect(textOf(html)).toContain('Dychwelwyd yr unig holiadur a anfonwyd at ddioddefwyr.');
    expect(textOf(html)).toMatch(/Roedd yr unig ddioddefwr a atebodd yn|Ni ddywedodd yr unig ddioddefwr a atebodd eu bod/);
  });

  it('answers a bad ?lang with a 400, never a page in some language', async () => {
    expect((await call(`/inspections/${id}/report?lang=fr`, { as: 'staff' })).status).toBe(400);
  });
});

describe('the write-up saved through the API', () => {
  it('is printed in the staff report and the report link, the moved figure flagged for staff only', async () => {
    const read = await call(`/inspections/${id}/write-up`, { as: 'inspector' });
    expect(read.status).toBe(200);
    const q = summary.questions.find((x) => x.id === '2.4.9')!;
    const body: WriteUp = {
      summary: [{ section: '2', text: 'Offender managers worked hard to secure compliance.' }],
      criteria: {
        '2.4': {
          strengths: [{ text: 'Case files were well organised.', drafted: { question: '2.4.9', percent: (q.percent! + 10) % 101 } }],
          improvements: [],
        },
      },
      recommendations: [{ text: 'prolific and other priority offenders are given an enhanced service', criteria: ['2.4'] }],
      goodPractice: [],
    };
    const put = await call(`/inspections/${id}/write-up`, {
      method: 'PUT',
      as: 'inspector',
      json: body,
      headers: { 'if-match': read.headers.get('etag')! },
    });
    expect(put.status, put.text).toBe(200);

    const staff = textOf((await call(`/inspections/${id}/report`, { as: 'staff' })).text);
    const published = textOf(await (await fetch(linkUrl)).text());
    for (const text of [staff, published]) {
      expect(text).toContain('Implementation of interventions Offender managers worked hard to secure compliance.');
      expect(text).toContain('(a) Case files were well organised.');
      expect(text).toContain('prolific and other priority offenders are given an enhanced service (criterion 2.4)');
    }
    expect(staff).toContain(`Check this finding: it was written from a figure of ${(q.percent! + 10) % 101}%, and the figure is now ${q.percent}%.`);
    expect(published).not.toContain('Check this finding');
  });
});
