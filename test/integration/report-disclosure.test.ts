/**
 * The one disclosure rule (contract, "Disclosure control") on every published file, through
 * the real local server: a report link's JSON, CSV and HTML (English and Welsh) and a
 * release's frozen files. An intruder written apart from the rule
 * (test/support/disclosure-oracle.ts) tries to recover every held-back figure and every small
 * group from each; the staff report shows every figure, marked as not for publication.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCasesCsv } from '#infra/local/demo-data';
import type { PublishedSummary } from '#schemas/summary';
import { call } from '#support/api';
import { bank, createInspection, kentSample } from '#support/fixtures';
import { meetingLeaks, questionLeaks, type MetTruth } from '#support/disclosure-oracle';

let id: string;
let staffSummary: PublishedSummary;
const files: Record<string, string> = {};

/** The answers sent, to know which groups are small (the oracle's truth). */
const sent: { audience: string; language: 'en' | 'cy'; answers: Record<string, unknown> }[] = [];

async function respond(audience: string, language: 'en' | 'cy', answers: Record<string, unknown>[]): Promise<void> {
  const invited = await call(`/inspections/${id}/invitations`, { as: 'admin', json: { audience, language, count: answers.length } });
  expect(invited.status, invited.text).toBe(201);
  for (const [i, a] of answers.entries()) {
    const token = new URL(invited.json.invitations[i].url).pathname.split('/').pop();
    const res = await call(`/questionnaires/${token}/responses`, { json: { answers: a } });
    expect(res.status, res.text).toBe(201);
    sent.push({ audience, language, answers: a });
  }
}

const sentencer = (kind: string, quality: string) => ({
  'sentencer-kind': kind,
  'sdr-quality': quality,
  'fdr-quality': 'satisfied',
  'sdr-timeliness': 'satisfied',
  'fdr-timeliness': 'satisfied',
  'report-type-clear': 'yes',
  'breach-effective': 'yes',
  'liaison-effective': 'in-part',
  'policy-information': 'yes',
  'lcjb-engagement': 'no',
  'court-staffing': 'yes',
  'court-staff-skills': 'satisfied',
  'proposal-monitoring': 'yes',
  'manager-leadership': 'yes',
});
const victim = (agreed: string, safety: string) => ({
  'agreed-contact': agreed,
  ...(agreed === 'yes'
    ? {
        'contact-prompt': 'yes',
        'role-explained': 'yes',
        'needs-considered': 'yes',
        'offender-information': 'no',
        'regular-updates': 'yes',
        'influence-licence': 'yes',
        'breach-know': 'yes',
        safety,
        satisfaction: 'satisfied',
      }
    : {}),
  'mappa-aware': 'yes',
  'first-time-asked': 'no',
});

beforeAll(async () => {
  id = await createInspection('Disclosure (test)');
  const csv = demoCasesCsv(
    kentSample().map(({ caseRef, input }) => ({ caseRef, profile: input.profile, answers: input.answers })),
    bank(),
  );
  expect((await call(`/inspections/${id}/cases`, { as: 'inspector', body: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
  // Small groups on purpose: one judge, one district judge, one Welsh victim, one victim who felt unsafe.
  await respond('sentencer', 'en', [
    sentencer('magistrate', 'satisfied'),
    sentencer('magistrate', 'satisfied'),
    sentencer('magistrate', 'very-satisfied'),
    sentencer('judge', 'dissatisfied'),
    sentencer('district-judge', 'satisfied'),
  ]);
  await respond('victim', 'en', [victim('yes', 'yes'), victim('yes', 'yes'), victim('yes', 'no'), victim('no', 'yes')]);
  await respond('victim', 'cy', [victim('yes', 'yes')]);
  // People met in person, some in small numbers: three victims one by one (none in groups), two partners, one key worker alone beside three in a group.
  for (const [meetingId, m] of Object.entries(met)) {
    const res = await call(`/inspections/${id}/meetings/${meetingId}`, {
      method: 'PUT',
      as: 'inspector',
      json: { date: '2007-11-06', criteria: [], findings: [`What the ${m.audience}s told us.`], quotes: [], ...m },
    });
    expect(res.status, res.text).toBe(201);
  }
  const aggregated = await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' });
  expect(aggregated.status).toBe(200);
  staffSummary = aggregated.json;
  // A link to the live draft (admin only): it serves what a published link serves, marked as a draft.
  const link = new URL((await call(`/inspections/${id}/report-links`, { method: 'POST', as: 'admin', json: { draft: true } })).json.url).pathname;
  const release = await call(`/inspections/${id}/releases`, { method: 'POST', as: 'admin', json: { kind: 'factual-accuracy' } });
  expect(release.status, release.text).toBe(201);
  const r = `/inspections/${id}/releases/${release.json.releaseId}`;
  const get = async (path: string, as?: 'staff') => {
    const res = await call(path, as ? { as } : {});
    expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBe(200);
    return res.text;
  };
  Object.assign(files, {
    linkJson: await get(`${link}/summary.json`),
    linkCsv: await get(`${link}/summary.csv`),
    linkHtml: await get(link),
    linkHtmlCy: await get(`${link}?lang=cy`),
    releaseJson: await get(`${r}/summary`, 'staff'),
    releaseCsv: await get(`${r}/summary?format=csv`, 'staff'),
    releaseHtml: await get(`${r}/report`, 'staff'),
    releaseHtmlCy: await get(`${r}/report?lang=cy`, 'staff'),
    staffHtml: await get(`/inspections/${id}/report`, 'staff'),
  });
}, 180_000);

const met: Record<string, { kind: 'interview' | 'group'; audience: string; people: number; individually?: number }> = {
  'victims-1': { kind: 'interview', audience: 'victim', people: 3 },
  'offenders-1': { kind: 'group', audience: 'offender', people: 8 },
  'offenders-2': { kind: 'interview', audience: 'offender', people: 12 },
  'partners-1': { kind: 'interview', audience: 'partner', people: 2 },
  'key-workers-1': { kind: 'group', audience: 'key-worker', people: 4, individually: 1 },
};
/** Who was really met (the contract's defaults: an interview's people one by one, a group's together). */
const metTruth: MetTruth = {
  victim: { individually: 3, inGroups: 0 },
  offender: { individually: 12, inGroups: 8 },
  partner: { individually: 2, inGroups: 0 },
  'key-worker': { individually: 1, inGroups: 3 },
};

const truth = (audience: string, qid: string) => {
  const out = { en: {} as Record<string, number>, cy: {} as Record<string, number> };
  for (const s of sent) {
    const v = s.answers[qid];
    if (s.audience === audience && typeof v === 'string') out[s.language][v] = (out[s.language][v] ?? 0) + 1;
  }
  return out;
};

/** The CSV's value for one row (part, id, measure). */
function csvValue(csv: string, part: string, rowId: string, measure: string): string | undefined {
  for (const line of csv.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')) ?? [];
    if (cells[0] === part && cells[1] === rowId && cells[3] === measure) return cells[4];
  }
  return undefined;
}

describe('every published file', () => {
  it('gives the intruder nothing: no held-back figure and no group under 3 can be worked out from the JSON (link and release)', () => {
    for (const name of ['linkJson', 'releaseJson']) {
      const published: PublishedSummary = JSON.parse(files[name]!);
      expect(questionLeaks(published, truth, 6), name).toEqual([]);
      // The sample's own intruder enumerates every split of the cases: the unit property test runs it on small samples.
      const shown = Object.entries(published.sample).flatMap(([part, v]) =>
        v && typeof v === 'object' && !Array.isArray(v) && part.startsWith('by') ? Object.entries(v) : [],
      );
      expect(
        shown.filter(([, n]) => typeof n === 'number' && n < 3),
        name,
      ).toEqual([]);
    }
  });

  it('gives the intruder no count of people met in person under 3, nor any held back, from the JSON (link and release)', () => {
    for (const name of ['linkJson', 'releaseJson']) {
      const published: PublishedSummary = JSON.parse(files[name]!);
      expect(published.meetings?.length, name).toBeGreaterThan(0);
      expect(meetingLeaks(published, metTruth, 40), name).toEqual([]);
      const shownUnder3 = (published.meetings ?? []).flatMap((m) =>
        Object.entries(m.met)
          .filter(([, n]) => typeof n === 'number' && n < 3)
          .map(([k]) => `${m.audience}.${k}`),
      );
      expect(shownUnder3, name).toEqual([]);
    }
    // The staff summary keeps every figure.
    expect(staffSummary.meetings?.find((m) => m.audience === 'partner')?.met).toMatchObject({ individually: 2, inGroups: 0 });
  });

  it('the CSV (link and release) carries the met counts exactly as the JSON, "[c]" and all', () => {
    const published: PublishedSummary = JSON.parse(files.linkJson!);
    for (const name of ['linkCsv', 'releaseCsv']) {
      for (const m of published.meetings ?? []) {
        for (const [k, v] of Object.entries(m.met))
          expect(csvValue(files[name]!, 'meetings', m.audience, `met:${k}`), `${name} ${m.audience} ${k}`).toBe(String(v));
        expect(csvValue(files[name]!, 'meetings', m.audience, 'groups'), `${name} ${m.audience} groups`).toBe(String(m.groups));
      }
    }
    expect(csvValue(files.linkCsv!, 'meetings', 'offender', 'met:inGroups')).toBe('8');
    expect(csvValue(files.linkCsv!, 'meetings', 'victim', 'met:inGroups')).toBe('[c]');
  });

  it('the HTML (link and release, English and Welsh) says how many were met only as far as the rule allows; the staff report says it all', () => {
    const text = (html: string) =>
      html
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#39;/g, "'")
        .replace(/\s+/g, ' ');
    for (const name of ['linkHtml', 'releaseHtml']) {
      const page = text(files[name]!);
      expect(page, name).toContain('We met 20 offenders in person: 12 individually and eight in one group.');
      expect(page, name).toContain('We met three victims in person.');
      expect(page, name).toContain('We met partners in person; how many is not published ([c]).');
      expect(page, name).toContain('We met four key workers in person.');
      expect(page, name).not.toMatch(/We met (one|two) |individually and (one|two) |(one|two) individually|We met three victims individually/);
    }
    for (const name of ['linkHtmlCy', 'releaseHtmlCy']) {
      const page = text(files[name]!);
      expect(page, name).toContain('Gwnaethom gyfarfod â thri o ddioddefwyr wyneb yn wyneb.');
      expect(page, name).not.toMatch(/â (un|dau|dwy) o /);
    }
    const staff = text(files.staffHtml!);
    expect(staff).toContain('We met three victims individually.');
    expect(staff).toContain('We met two partners individually.');
  });

  it('holds back the small counts the staff summary shows: one judge, one district judge, one unsafe victim', () => {
    const published: PublishedSummary = JSON.parse(files.linkJson!);
    const kinds = published.serviceUsers.sentencer.questions.find((q) => q.id === 'sentencer-kind')!;
    const staffKinds = staffSummary.serviceUsers.sentencer.questions.find((q) => q.id === 'sentencer-kind')!;
    expect(staffKinds.type !== 'text' && staffKinds.counts).toMatchObject({ judge: 1, 'district-judge': 1 });
    expect(kinds.type !== 'text' && kinds.counts).toMatchObject({ judge: '[c]', 'district-judge': '[c]' });
    expect(published.sentencersByKind?.returned).toMatchObject({ judge: '[c]', 'district-judge': '[c]' });
    expect(kinds.type !== 'text' && kinds.sentence).not.toMatch(/positive/);
    const safety = published.serviceUsers.victim.questions.find((q) => q.id === 'safety')!;
    expect(safety.type !== 'text' && safety.counts.no).toBe('[c]');
  });

  it('the CSV (link and release) carries the JSON figures exactly, "[c]" and all, and no caseload row reads [object Object]', () => {
    const published: PublishedSummary = JSON.parse(files.linkJson!);
    for (const name of ['linkCsv', 'releaseCsv']) {
      const csv = files[name]!;
      expect(csv).not.toContain('[object Object]');
      for (const [audience, s] of Object.entries(published.serviceUsers)) {
        for (const q of s.questions) {
          if (q.type === 'text') continue;
          for (const [o, n] of Object.entries(q.counts))
            expect(csvValue(csv, 'service-users-question', `${audience}.${q.id}`, `count:${o}`), `${name} ${audience}.${q.id} ${o}`).toBe(String(n));
          expect(csvValue(csv, 'service-users-question', `${audience}.${q.id}`, 'answered')).toBe(String(q.answered));
          expect(csvValue(csv, 'service-users-question', `${audience}.${q.id}`, 'positive')).toBe(String(q.positive));
        }
      }
    }
  });

  it('the HTML (link and release, English and Welsh) prints no answer count under 3 and marks the held-back ones [c]', () => {
    for (const name of ['linkHtml', 'linkHtmlCy', 'releaseHtml', 'releaseHtmlCy']) {
      const html = files[name]!;
      // "Judge: 1" in the all-answers column, or a 1 or 2 in a numeric cell of the service users' tables.
      const serviceUsers = html.slice(html.indexOf('id="service-users"'), html.indexOf('id="section-1"'));
      expect(serviceUsers.length, name).toBeGreaterThan(0);
      expect(serviceUsers, name).not.toMatch(/: [12](;|<)/);
      expect(serviceUsers, name).toContain('[c]');
      expect(html, name).not.toContain('id="not-for-publication"');
    }
  });

  it('the staff report shows every figure, marked as not for publication', () => {
    const html = files.staffHtml!;
    expect(html).toContain('id="not-for-publication"');
    expect(html).toMatch(/Judge: 1/);
  });
});
