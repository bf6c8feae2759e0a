/**
 * A frozen release's authored text is served exactly as frozen (issue 26, finding 5): text
 * that spells the placeholder the release's download links are frozen with stays as written
 * on every route that serves the release, and only the real links become the route's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { useTestTable } from '#support/direct';
import { createInspection, makeCase, makeRelease } from '#support/fixtures';
import { page, signIn } from '#support/workbench';

// The store module wants a table before it loads; the placeholder is read from the code so this cannot go stale.
useTestTable();
const { FROZEN_DOWNLOADS } = await import('#domain/releases');
let id: string;
let releaseId: string;
const finding = `Staff wrote ${FROZEN_DOWNLOADS.json} and ${FROZEN_DOWNLOADS.csv} into a finding.`;
const welsh = `Ysgrifennodd staff ${FROZEN_DOWNLOADS.csv} mewn canfyddiad.`;
const recommendation = `Link to href="${FROZEN_DOWNLOADS.json}" nowhere.`;

beforeAll(async () => {
  id = await createInspection('Placeholder text');
  expect((await call(`/inspections/${id}/cases/P-001`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 1) })).status).toBeLessThan(300);
  const read = await call(`/inspections/${id}/write-up`, { as: 'admin' });
  const writeUp = {
    summary: [],
    criteria: { '1.1': { strengths: [{ text: finding, textCy: welsh }], improvements: [] } },
    recommendations: [{ text: recommendation, criteria: ['1.1'] }],
    goodPractice: [],
  };
  const put = await call(`/inspections/${id}/write-up`, {
    method: 'PUT',
    as: 'admin',
    headers: { 'if-match': read.headers.get('etag')! },
    json: writeUp,
  });
  expect(put.status, put.text).toBe(200);
  releaseId = await makeRelease(id);
}, 120_000);

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

describe('a release whose authored text spells the download placeholder', () => {
  it('serves that text as frozen on the API, the workbench and a report link, in English and Welsh, with the route’s own links', async () => {
    const { cookie } = await signIn('staff');
    const link = new URL((await call(`/inspections/${id}/report-links?releaseId=${releaseId}`, { method: 'POST', as: 'staff' })).json.url).pathname;
    const api = `/inspections/${id}/releases/${releaseId}`;
    const pages = {
      api: {
        en: (await call(`${api}/report`, { as: 'staff' })).text,
        cy: (await call(`${api}/report?lang=cy`, { as: 'staff' })).text,
        downloads: `${api}/summary`,
      },
      workbench: {
        en: (await page(`/workbench${api}/report`, { cookie })).text,
        cy: (await page(`/workbench${api}/report?lang=cy`, { cookie })).text,
        downloads: `/workbench${api}/summary.json`,
      },
      link: { en: (await call(link)).text, cy: (await call(`${link}?lang=cy`)).text, downloads: `${link}/summary.json` },
    };
    for (const [route, { en, cy, downloads }] of Object.entries(pages)) {
      expect(en, route).toContain(finding);
      expect(en, route).toContain(escaped(recommendation));
      expect(cy, route).toContain(welsh);
      expect(en, route).toContain(`href="${downloads}`);
      // Nothing else was rewritten: the pages of two routes differ only in their download links.
      const neutral = (html: string) => html.replace(/href="[^"]*summary[^"]*"/g, 'href=""');
      expect(neutral(en), route).toBe(neutral(pages.api.en));
      expect(neutral(cy), route).toBe(neutral(pages.api.cy));
    }
  });
});
