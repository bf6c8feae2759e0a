/**
 * The printable report and its capability links, through the real local server.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCasesCsv } from '#infra/local/demo-data';
import { hashToken } from '#domain/invitation-tokens';
import { baseUrl, call, expectProblem } from '#support/api';
import { useTestTable } from '#support/direct';
import { bank, createInspection, kentSample, makeRelease } from '#support/fixtures';

const HOSTILE = '<script>alert("x")</script> & "quotes"';

/** How many times `needle` occurs in `haystack`. */
const count = (haystack: string, needle: string | RegExp) =>
  typeof needle === 'string' ? haystack.split(needle).length - 1 : (haystack.match(new RegExp(needle, 'g')) ?? []).length;

/** The HTML's text with tags dropped and the common entities decoded, whitespace collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

async function createLink(
  id: string,
  as: 'staff' | 'inspector' | 'admin' = 'staff',
  query = '',
): Promise<{ url: string; expiresAt: string; token: string }> {
  const res = await call(`/inspections/${id}/report-links${query}`, { method: 'POST', as });
  expect(res.status, res.text).toBe(201);
  const url = res.json.url as string;
  return { url, expiresAt: res.json.expiresAt, token: new URL(url).pathname.split('/').pop()! };
}

/** Opens a report link as a browser would: no Authorization header. */
async function open(url: string) {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('the report', () => {
  let id: string;
  let summary: any;
  let page: string;

  beforeAll(async () => {
    id = await createInspection('Report & Co (test)');
    const csv = demoCasesCsv(
      kentSample().map(({ caseRef, input }) => ({ caseRef, profile: input.profile, answers: input.answers })),
      bank(),
    );
    const upload = await call(`/inspections/${id}/cases`, { as: 'inspector', body: csv, headers: { 'content-type': 'text/csv' } });
    expect(upload.status, upload.text).toBe(200);
    for (const [criterion, grade] of [
      ['4.1', 'satisfactorily-met'],
      ['4.3', 'partly-met'],
    ] as const) {
      const res = await call(`/inspections/${id}/leadership/${criterion}`, {
        method: 'PUT',
        as: 'inspector',
        json: { grade, strengths: [`Strength of ${criterion}: ${HOSTILE}`], improvements: [`Improve ${criterion}`] },
      });
      expect(res.status).toBe(201);
    }
    const concluded = await call(`/inspections/${id}/conclusions/1.2`, {
      method: 'PUT',
      as: 'inspector',
      json: { band: 'priority', text: 'Recorded on site.' },
    });
    expect(concluded.status).toBe(201);

    const invited = await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience: 'victim', language: 'en', count: 4 } });
    expect(invited.status).toBe(201);
    const answers = (satisfied: boolean, comments?: string) => ({
      'agreed-contact': 'yes',
      'contact-prompt': 'yes',
      'role-explained': 'yes',
      'needs-considered': satisfied ? 'yes' : 'no',
      'offender-information': 'yes',
      'regular-updates': 'yes',
      'influence-licence': 'yes',
      'breach-know': 'yes',
      safety: 'yes',
      satisfaction: satisfied ? 'satisfied' : 'dissatisfied',
      'mappa-aware': 'no',
      'first-time-asked': 'yes',
      ...(comments ? { comments } : {}),
    });
    const tokens = (invited.json.invitations as { token: string }[]).map((i) => i.token);
    for (const [i, body] of [answers(true, `Call 07700 900123. ${HOSTILE}`), answers(true), answers(false)].entries()) {
      const res = await call(`/questionnaires/${tokens[i]}/responses`, { json: { answers: body } });
      expect(res.status, res.text).toBe(201);
    }
    const aggregated = await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' });
    expect(aggregated.status).toBe(200);
    summary = aggregated.json;

    const res = await call(`/inspections/${id}/report`, { as: 'staff' });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    page = res.text;
  }, 120_000);

  it('is a GOV.UK HTML page with its own stylesheet, under the strict CSP', async () => {
    const res = await call(`/inspections/${id}/report`, { as: 'inspector' });
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(page).toMatch(/<html lang="en" class="govuk-template">/);
    expect(page).toContain('Probation inspection reports');
    expect(page).not.toMatch(/\sstyle="/);
    expect(page).not.toMatch(/<style[\s>]/);
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)/); // only the one external module script

    const href = /<link rel="stylesheet" href="(\/report\.css\?v=[0-9a-f]+)">/.exec(page)?.[1];
    expect(href).toBeDefined();
    const css = await call(href!);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect(css.text).toContain('@media print');
    expect(css.text).toMatch(/\.govuk-template__header[\s\S]*display: none/);
    expect(css.text).toContain('break-before: page');
  });

  it('has the title block: area, fieldwork dates, question bank version, and says it is a dated draft (no clock time)', () => {
    const text = textOf(page);
    expect(text).toContain('Offender Management Inspection');
    expect(text).toContain('Report & Co (test)');
    expect(text).toContain('5 to 9 November 2007');
    expect(text).toContain(summary.questionBankVersion);
    const at = new Date(summary.computedAt);
    const month = at.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    expect(text).toContain(
      `Status Draft: the figures as last computed, not yet released Draft of ${at.getUTCDate()} ${month} ${at.getUTCFullYear()}`,
    );
    expect(text).not.toMatch(/Figures computed|\d:\d\d[ap]m/);
  });

  it('draws Chart 1 as an accessible SVG: one bar per scored criterion, one per section, and the same figures in a table', () => {
    const svg = /<svg class="app-chart__svg"[\s\S]*?<\/svg>/.exec(page)?.[0];
    expect(svg).toBeDefined();
    expect(svg).toMatch(/ role="img" /);
    expect(svg).toMatch(/aria-labelledby="chart1-title chart1-desc"/);
    expect(svg).toMatch(/<title id="chart1-title">Chart 1: Scoring of sections 1 to 3/);
    expect(svg).toMatch(/<desc id="chart1-desc">[^<]+<\/desc>/);
    const scored = summary.criteria.filter((c: { percent: number | null }) => c.percent !== null);
    expect(scored.length).toBeGreaterThan(10);
    // criterion bars are solid blue, section bars hatched; the legend has one of each
    expect(count(svg!, /<rect [^>]*fill="#1d70b8"/) - 1).toBe(scored.length);
    expect(count(svg!, /<rect [^>]*fill="url\(#chart1-hatch\)"/) - 1).toBe(
      summary.sections.filter((s: { percent: number | null }) => s.percent !== null).length,
    );
    for (const c of scored) expect(svg).toContain(`>${c.id} ${c.title}</text>`);
    for (const c of scored) expect(svg).toContain(`>${c.percent}%</text>`);

    const table = /<table class="govuk-table govuk-visually-hidden">[\s\S]*?<\/table>/.exec(page)?.[0];
    expect(table).toContain('Chart 1: Scoring of sections 1 to 3, as a table');
    for (const c of scored) expect(textOf(table!)).toContain(`${c.id} ${c.title} ${c.percent}%`);
  });

  it('has the summary of scores: percent, cases, suggested band, and the recorded conclusion over the suggestion', () => {
    const table = /<table class="govuk-table" id="scores-table">[\s\S]*?<\/table>/.exec(page)![0];
    const text = textOf(table);
    for (const c of summary.criteria) {
      // A recorded conclusion stands alone: no suggestion from the figures beside it.
      expect(text).toContain(
        `${c.id} ${c.title} ${c.percent}% ${c.cases} ${c.conclusion ? 'none: the inspectors’ conclusion stands' : c.suggestedBand.label}`,
      );
    }
    // 1.2 has a recorded conclusion: it is the one shown, with its text
    const row12 = /<th scope="row" class="govuk-table__header">1\.2<\/th>[\s\S]*?<\/tr>/.exec(table)![0];
    expect(textOf(row12)).toContain('Priority for improvement Recorded on site.');
    expect(textOf(row12)).not.toContain('Not yet recorded');
    const row11 = /<th scope="row" class="govuk-table__header">1\.1<\/th>[\s\S]*?<\/tr>/.exec(table)![0];
    expect(textOf(row11)).toContain('Not yet recorded: the suggested band');
    for (const s of summary.sections) expect(text).toContain(`Section ${s.id}:`);
    for (const s of summary.sections) expect(text).toContain(`${s.percent}% Section score`);
  });

  it('has Table 1 (grades with strengths and improvements, escaped) and Table 2 (the RoH thread and its questions)', () => {
    const t1 = textOf(/<table class="govuk-table app-keep" id="table-1">[\s\S]*?<\/table>/.exec(page)![0]);
    expect(t1).toContain('4.1 General Criterion: Leadership and planning Satisfactorily met');
    expect(t1).toContain('4.3 General Criterion: Resource deployment Partly met');
    expect(t1).toContain('4.2 General Criterion: Performance against national and regional targets Not yet graded');
    expect(textOf(page)).toContain(`Strength of 4.1: ${HOSTILE}`);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert');
    expect(textOf(page)).toContain('Improve 4.3');

    const t2 = textOf(/<table class="govuk-table app-keep" id="table-2">[\s\S]*?<\/table>/.exec(page)![0]);
    expect(t2).toContain(`Score for Risk of Harm thread ${summary.rohThread.percent}%`);
    const roh = bank().questions.filter((q) => q.roh);
    const byId = new Map(summary.questions.map((q: { id: string }) => [q.id, q]));
    const text = textOf(page);
    for (const q of roh) {
      const s = byId.get(q.id) as { yes: number; no: number; percent: number };
      expect(text).toContain(`${q.id} ${q.text} ${s.yes + s.no} ${s.yes} ${s.percent}%`);
    }
  });

  it("has the service users' perspective in sentences, response rates, the breakdown by language with [c], and masked comments", () => {
    const text = textOf(page);
    for (const audience of ['offender', 'victim', 'sentencer']) {
      expect(text).toContain(summary.serviceUsers[audience].returnedSentence);
    }
    expect(text).toContain('Three of the four questionnaires sent to victims were returned. The response rate was 75%.');
    for (const q of summary.serviceUsers.victim.questions.filter((q: { type: string }) => q.type !== 'text')) expect(text).toContain(q.sentence);
    expect(text).toContain('All but one of the three victims who had agreed to contact and who answered were satisfied with the services provided.');
    expect(text).toContain('Victims 4 3 75%');
    expect(text).toContain('Offenders 0 0 none sent');
    // [c] in the returned-by-language table, and the note that explains it
    const byLanguage = textOf(/<table class="govuk-table app-keep" id="by-language-returned">[\s\S]*?<\/table>/.exec(page)![0]);
    expect(byLanguage).toContain('[c]');
    expect(byLanguage).toContain('Victims');
    expect(text).toMatch(/\[c\] marks a figure that is not shown because fewer than 3 people gave it/);
    // the comment: masked, escaped, for staff
    expect(text).toContain(`“Call [phone]. ${HOSTILE}”`);
    expect(page).not.toContain('07700 900123');
    expect(text).toContain('For inspection staff only');
  });

  it("has the sample's composition, Appendix 2 style, and the download links", () => {
    const text = textOf(page);
    expect(text).toContain('The sample is made up of 40 licence cases, 60 community order cases and 10 custody cases: 110 in all.');
    for (const id of ['case-type', 'gender', 'ethnicity', 'roh', 'ppo', 'mappa', 'approved-premises', 'victim-contact', 'assessor', 'tier']) {
      expect(page, id).toContain(`id="sample-${id}"`);
    }
    expect(textOf(/id="sample-case-type">[\s\S]*?<\/table>/.exec(page)![0])).toContain('Licence 40 36% Community order 60 55% Custody 10 9%');
    expect(page).toContain(`href="/inspections/${id}/summary?format=csv" download`);
    expect(page).toContain(`href="/inspections/${id}/summary" download`);
  });

  it('says "no score (no relevant cases)" for criteria without cases, never 0%', async () => {
    const empty = await createInspection('Empty (test)');
    const res = await call(`/inspections/${empty}/report`, { as: 'staff' });
    expect(res.status).toBe(200);
    const svg = /<svg class="app-chart__svg"[\s\S]*?<\/svg>/.exec(res.text)![0];
    expect(count(svg, /<rect [^>]*fill="#1d70b8"/)).toBe(1); // the legend only
    expect(count(svg, '>no score (no relevant cases)</text>')).toBe(14 + 3);
    const scores = /<table class="govuk-table" id="scores-table">[\s\S]*?<\/table>/.exec(res.text)![0];
    expect(count(scores, 'no score (no relevant cases)')).toBe(14 + 3);
    expect(scores).not.toContain('>0%<');
    expect(textOf(res.text)).toContain('Score for Risk of Harm thread no score (no relevant cases)');
    expect(textOf(res.text)).toContain('No cases have been recorded yet.');
  });

  it('needs a signed-in user (401 without a token) and lets every role read it; an unknown inspection is a 404 page', async () => {
    expectProblem(await call(`/inspections/${id}/report`), 401);
    for (const role of ['staff', 'inspector', 'admin'] as const)
      expect((await call(`/inspections/${id}/report`, { as: role })).status, role).toBe(200);
    const missing = await call('/inspections/no-such-inspection-1/report', { as: 'staff' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    expect(missing.text).toContain('Page not found');
    const bad = await call('/inspections/NOT_AN_ID/report', { as: 'staff' });
    expect(bad.status).toBe(404);
  });

  describe('report links', () => {
    // A link opens the latest release (issue 24): these read the one made here.
    let releaseId = '';
    beforeAll(async () => {
      releaseId = await makeRelease(id);
    });

    it('are made by any signed-in role (201, url and expiry, 24 hours by default) and never without a token', async () => {
      const before = Date.now();
      const link = await createLink(id, 'staff');
      expect(link.url).toMatch(new RegExp(`^${new URL(baseUrl()).origin.replace(/[.]/g, '\\.')}/reports/[A-Za-z0-9_-]{22}$`));
      const hours = (Date.parse(link.expiresAt) - before) / 3_600_000;
      expect(hours).toBeGreaterThan(23.9);
      expect(hours).toBeLessThan(24.1);
      for (const role of ['inspector', 'admin'] as const) await createLink(id, role);
      const short = await createLink(id, 'staff', '?expiresInHours=2');
      expect((Date.parse(short.expiresAt) - before) / 3_600_000).toBeLessThan(2.1);
      expectProblem(await call(`/inspections/${id}/report-links?expiresInHours=0`, { method: 'POST', as: 'staff' }), 400);
      expectProblem(await call(`/inspections/${id}/report-links?expiresInHours=169`, { method: 'POST', as: 'staff' }), 400);
      expectProblem(await call(`/inspections/${id}/report-links`, { method: 'POST' }), 401);
      expectProblem(await call('/inspections/no-such-inspection-1/report-links', { method: 'POST', as: 'staff' }), 404);
    });

    it('open the same report without a bearer token, with downloads that work through the link', async () => {
      const link = await createLink(id);
      const res = await open(link.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(textOf(res.text)).toContain('Report & Co (test)');
      expect(res.text).toContain('id="chart-1"');
      expect(res.text).toContain(`href="/reports/${link.token}/summary.csv" download`);
      expect(res.text).toContain(`href="/reports/${link.token}/summary.json" download`);

      const json = await open(`${link.url}/summary.json`);
      expect(json.status).toBe(200);
      expect(JSON.parse(json.text).inspectionId).toBe(id);
      expect(JSON.parse(json.text).criteria).toHaveLength(14);

      const csv = await open(`${link.url}/summary.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="${id}-${releaseId}-summary.csv"`);
      const lines = csv.text.trim().split(/\r?\n/);
      expect(lines[0]).toBe('part,id,name,measure,value');
      expect(lines).toContain(`criterion,1.1,${summary.criteria[0].title},percent,${summary.criteria[0].percent}`);
    });

    it('are stored only as a hash, with the inspection, an expiry and a TTL', async () => {
      const link = await createLink(id);
      useTestTable();
      const { doc, tableName } = await import('#store/client');
      const { keys } = await import('#store/keys');
      const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.reportLink(hashToken(link.token)) }));
      expect(Item).toMatchObject({ entity: 'report-link', inspectionId: id, expiresAt: link.expiresAt, createdBy: 'test-staff' });
      expect(JSON.stringify(Item)).not.toContain(link.token);
      // TTL deletion is the table's, not the app's: the item must outlive the expiry by a week
      // (shared/store/README.md), or an expired link is gone and answers 404, not 410.
      const expiry = Math.floor(Date.parse(link.expiresAt) / 1000);
      expect(Item!.expiresAtEpoch).toBe(expiry + 7 * 86_400);
    });

    it('answer 404 for an unknown or malformed link and 410 for an expired one, as pages (and problems for the downloads)', async () => {
      const origin = new URL(baseUrl()).origin;
      for (const token of [randomBytes(16).toString('base64url'), 'short', 'x'.repeat(200)]) {
        const res = await open(`${origin}/reports/${token}`);
        expect(res.status, token).toBe(404);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        expect(res.text).toContain('Page not found');
        expect(res.text).not.toContain(token.slice(0, 22));
      }
      expectProblem(await call(`/reports/${randomBytes(16).toString('base64url')}/summary.json`), 404);

      useTestTable();
      const { putReportLink } = await import('#store/report-links');
      const token = randomBytes(16).toString('base64url');
      const past = new Date(Date.now() - 60_000).toISOString();
      await putReportLink(hashToken(token), { inspectionId: id, createdAt: past, createdBy: 'test', expiresAt: past });
      const expired = await open(`${origin}/reports/${token}`);
      expect(expired.status).toBe(410);
      expect(expired.headers.get('content-type')).toMatch(/^text\/html/);
      expect(expired.text).toContain('This report link has expired');
      expectProblem(await call(`/reports/${token}/summary.json`), 410);
      expectProblem(await call(`/reports/${token}/summary.csv`), 410);

      // DynamoDB deletes an item when its TTL has passed (within days; DynamoDB Local never
      // does): a link expired six days ago must still be there, its TTL not yet reached.
      const { doc, tableName } = await import('#store/client');
      const { keys } = await import('#store/keys');
      const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
      const old = randomBytes(16).toString('base64url');
      const sixDaysAgo = new Date(Date.now() - 6 * 86_400_000).toISOString();
      await putReportLink(hashToken(old), { inspectionId: id, createdAt: sixDaysAgo, createdBy: 'test', expiresAt: sixDaysAgo });
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.reportLink(hashToken(old)) }));
      expect(Item!.expiresAtEpoch).toBeGreaterThan(Date.now() / 1000);
      expect((await open(`${origin}/reports/${old}`)).status).toBe(410);
    });
  });
});
