/**
 * The demo's Section 4 as the report prints it, through the real local server: every lettered
 * strength and area for improvement of the Kent report, in order, lettered as the report letters
 * them, in the report's words. The oracle is the seed file (test/support/kent-seed.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#infra/local/seed';
import { baseUrl, call, tokenFor } from '#support/api';
import { seedSection4Findings } from '#support/kent-seed';

const decoded = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Each list of one criterion's block: the (letter, text) of its items, strengths first. */
function listsIn(html: string, criterion: string): [string, string][][] {
  const start = html.indexOf(`<div class="app-criterion" id="criterion-${criterion}"`);
  expect(start, `criterion ${criterion}`).toBeGreaterThan(0);
  const end = html.indexOf('</div>', start);
  return [...html.slice(start, end).matchAll(/<ol class="govuk-list app-lettered">([\s\S]*?)<\/ol>/g)].map((ol) =>
    [...ol[1]!.matchAll(/<li><span class="app-letter">\(([a-z]+)\)<\/span> ([\s\S]*?)<\/li>/g)].map(
      (m) => [m[1]!, decoded(m[2]!)] as [string, string],
    ),
  );
}

describe("the demo's Section 4 in the report", () => {
  let report: string;

  beforeAll(async () => {
    const lines = await seedDemo(baseUrl(), await tokenFor('admin'), await tokenFor('inspector'));
    const kentId = /^demo (\S+) (seeded|found) /.exec(lines[0]!)![1]!;
    const res = await call(`/inspections/${kentId}/report`, { as: 'staff' });
    expect(res.status).toBe(200);
    report = res.text;
  }, 180_000);

  it('letters all 52 of the seed’s findings, 4.1 to 4.6, in its words', () => {
    const seed = seedSection4Findings();
    let count = 0;
    for (const [id, { strengths, improvements }] of Object.entries(seed)) {
      const [shownStrengths, shownImprovements] = listsIn(report, id);
      const lettered = (list: string[]) => list.map((text, i) => [String.fromCharCode(97 + i), text]);
      expect(shownStrengths, `${id} strengths`).toEqual(lettered(strengths));
      expect(shownImprovements, `${id} areas for improvement`).toEqual(lettered(improvements));
      count += shownStrengths!.length + shownImprovements!.length;
    }
    expect(count).toBe(52);
  });
});
