/**
 * Issue 28, "Welsh throughout": the Welsh report of a fully translated inspection has no
 * English left in it outside names and quotations. The Kent demo, with a Welsh version given
 * for every authored field (the write-up, the meetings' findings, the conclusions), is read in
 * both languages through the local server; the oracle (test/support/welsh-words.ts) calls a
 * Welsh page's word English when the English page uses it and it is neither a Welsh word
 * spelt as in English nor a name, whatever lang marks the page carries.
 *
 * The Welsh stand-ins given here are one Welsh sentence each: the count measures the words
 * the product writes itself (fixed text, the bank's questions, the interview questions, the
 * service users' sentences), not the quality of an inspector's translation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKentDemo } from '#infra/local/seed';
import { kentDemoMeetings } from '#infra/local/demo-meetings';
import { baseUrl, call, tokenFor } from '#support/api';
import { englishWordsIn, withoutParts, withoutQuotations, wordsOf } from '#support/welsh-words';
import { page, signIn } from '#support/workbench';

const AREA = 'Kent (Welsh)';

/**
 * Parts other engineers are translating at the same time as this test was written (issue 28
 * items 4, 3 and 6): left out of the count by their heading ids until they land, and named here
 * so the lead can take each out of the list once it is merged.
 *   - Appendix 1's measure names: id="performance";
 *   - Appendices 3 and 5 (fixed text versioned with the bank): their ids as they land;
 *   - section 4's leadership findings (stored as plain strings without Welsh): the blocks
 *     id="criterion-4.1" to "criterion-4.6", cut below.
 * The translator's list (id="untranslated") is English by design: it quotes what is left.
 */
const EXCLUDED_PARTS = ['untranslated'] as const;

/** The Welsh stand-in for one authored text: Welsh words only, numbered so no two blocks are the same. */
let made = 0;
const welsh = () => `Dyma’r testun hwn yn Gymraeg, fersiwn ${++made}.`;

/** Every authored text of a write-up with its Welsh: strings in the findings become `{ text, textCy }`. */
function translated(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return key === 'strengths' || key === 'improvements' ? { text: value, textCy: welsh() } : value;
  if (Array.isArray(value)) return value.map((v) => translated(v, key));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = translated(v, k === 'strengths' || k === 'improvements' ? k : '');
  if (typeof out.text === 'string' && out.textCy === undefined) out.textCy = welsh();
  if (typeof out.title === 'string' && Array.isArray(out.criteria) && out.titleCy === undefined) out.titleCy = welsh();
  return out;
}

let id: string;
let en: string;
let cy: string;

async function reports(): Promise<void> {
  expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
  en = (await call(`/inspections/${id}/report`, { as: 'staff' })).text;
  cy = (await call(`/inspections/${id}/report?lang=cy`, { as: 'staff' })).text;
}

/** The translator's list on a Welsh staff page: each item's anchor and the English it quotes. */
function listed(html: string): { anchor: string; text: string }[] {
  const list = /<ol[^>]*id="untranslated-list">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<li><a class="govuk-link" href="#(untranslated-\d+)" lang="en">([^<]*)<\/a><\/li>/g)].map((m) => ({
    anchor: m[1]!,
    text: m[2]!
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  }));
}

const counted = (html: string) => withoutQuotations(withoutParts(html, EXCLUDED_PARTS));

/** The people named in the write-up's inspection team: names, not English. */
let names: Set<string>;

beforeAll(async () => {
  id = await createKentDemo(baseUrl(), await tokenFor('admin'), AREA, await tokenFor('inspector'));
  await reports();
  const before = englishWordsIn(counted(cy), en, new Set(wordsOf(AREA)));
  console.info(`Welsh report of the Kent demo as seeded (English authored text): ${before.length} English words of ${wordsOf(counted(cy)).length}`);

  const read = await call(`/inspections/${id}/write-up`, { as: 'inspector' });
  expect(read.status).toBe(200);
  names = new Set((read.json.inspectionTeam ?? []).flatMap((m: { names: string }) => wordsOf(m.names)));
  for (const a of read.json.abbreviations ?? []) for (const w of wordsOf(a.term)) names.add(w);
  const put = await call(`/inspections/${id}/write-up`, {
    method: 'PUT',
    as: 'inspector',
    headers: { 'if-match': read.headers.get('etag')! },
    json: translated(read.json),
  });
  expect(put.status, put.text).toBe(200);
  for (const [meetingId, meeting] of Object.entries(kentDemoMeetings)) {
    const body = {
      ...meeting,
      findings: meeting.findings.map((f) => (typeof f === 'string' ? { text: f, textCy: welsh() } : { ...f, textCy: welsh() })),
    };
    const saved = await call(`/inspections/${id}/meetings/${meetingId}`, { method: 'PUT', as: 'inspector', json: body });
    expect(saved.status, saved.text).toBeLessThan(300);
  }
  // Section 4's leadership points, each with its Welsh beside it.
  const { json: summary } = await call(`/inspections/${id}/summary`, { as: 'staff' });
  for (const l of summary.leadership as { id: string; grade: string; strengths: unknown[]; improvements: unknown[] }[]) {
    const withWelsh = (points: unknown[]) => points.map((p) => ({ text: typeof p === 'string' ? p : (p as { text: string }).text, textCy: welsh() }));
    const graded = await call(`/inspections/${id}/leadership/${l.id}`, {
      method: 'PUT',
      as: 'inspector',
      json: { grade: l.grade, strengths: withWelsh(l.strengths), improvements: withWelsh(l.improvements) },
    });
    expect(graded.status, graded.text).toBeLessThan(300);
  }
  // A conclusion with words of its own, in both languages (the demo's are the bands' sentences alone).
  const concluded = await call(`/inspections/${id}/conclusions/3.2`, {
    method: 'PUT',
    as: 'inspector',
    json: { band: 'priority', text: 'Progress was not always sustained.', textCy: welsh() },
  });
  expect(concluded.status, concluded.text).toBeLessThan(300);
  await reports();
}, 300_000);

describe('the Welsh report of a fully translated inspection', () => {
  it('has no English words outside names, quotations and the parts named in EXCLUDED_PARTS', () => {
    const left = englishWordsIn(counted(cy), en, new Set([...wordsOf(AREA), ...names]));
    const total = wordsOf(counted(cy)).length;
    const tally = new Map<string, number>();
    for (const w of left) tally.set(w, (tally.get(w) ?? 0) + 1);
    console.info(
      `Welsh report of the fully translated Kent demo: ${left.length} English words of ${total}`,
      [...tally].sort((a, b) => b[1] - a[1]).slice(0, 60),
    );
    expect(left).toEqual([]);
    expect(cy).not.toContain('Progress was not always sustained.');
    // Nothing is left for the translator.
    expect(listed(cy)).toEqual([]);
  });

  it('lists, for staff, each block still without Welsh, marked lang="en" where it stands; a report link shows no list', async () => {
    const listedBefore = listed(cy);
    const english = 'Progress was not always sustained.';
    expect(
      (await call(`/inspections/${id}/conclusions/3.2`, { method: 'PUT', as: 'inspector', json: { band: 'priority', text: english } })).status,
    ).toBeLessThan(300);
    const read = await call(`/inspections/${id}/write-up`, { as: 'inspector' });
    const writeUp = structuredClone(read.json);
    const finding = writeUp.criteria['1.1'].strengths[0];
    writeUp.criteria['1.1'].strengths[0] = finding.text;
    expect(
      (
        await call(`/inspections/${id}/write-up`, {
          method: 'PUT',
          as: 'inspector',
          headers: { 'if-match': read.headers.get('etag')! },
          json: writeUp,
        })
      ).status,
    ).toBe(200);
    await reports();
    const before = new Set(listedBefore.map((m) => m.text));
    const added = listed(cy).filter((m) => !before.has(m.text));
    // The conclusion stands twice (in the scores table and under its criterion): each place is listed.
    expect(added.map((m) => m.text)).toEqual([
      english,
      finding.text.length > 120 ? `${finding.text.slice(0, 117).trimEnd()}…` : finding.text,
      english,
    ]);
    for (const { anchor } of listed(cy)) expect(cy).toMatch(new RegExp(`<[a-z]+ lang="en" id="${anchor}">`));
    expect(cy).toContain('id="untranslated-count"');
    // The English report, and the Welsh one a report link shows, carry no list.
    expect(en).not.toContain('id="untranslated"');
    const link = await call(`/inspections/${id}/report-links`, { method: 'POST', as: 'admin', json: { draft: true } });
    expect(link.status).toBe(201);
    const token = /\/reports\/([^/?#]+)/.exec(link.json.url)![1]!;
    const published = (await call(`/reports/${token}?lang=cy`)).text;
    // The dashboard counts them before anyone opens the Welsh report: the finding and the conclusion (the leadership points have their Welsh).
    const dashboard = await page(`/workbench/inspections/${id}`, { cookie: (await signIn('staff')).cookie });
    expect(dashboard.text).toContain(`<div id="task-welsh-hint" class="govuk-task-list__hint">1 finding and 1 other block still without Welsh</div>`);
    // Still marked as English where it stands, with no anchor and no list.
    expect(published).toContain(`<span lang="en">${english}</span>`);
    expect(published).not.toMatch(/id="untranslated/);
  });
});
