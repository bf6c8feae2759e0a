/**
 * The service basics through the real local server: the accessibility statement and privacy
 * notice in English and Welsh, linked from every respondent page's footer, and the language
 * switch on every respondent page keeping the place and the answers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { createInspection } from '#support/fixtures';

const form = (fields: [string, string][]) => ({
  method: 'POST',
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

let inspectionId: string;
beforeAll(async () => {
  inspectionId = await createInspection('Kent');
});

async function invite(language: 'en' | 'cy', expiresAt?: string): Promise<{ token: string; invitationId: string }> {
  const res = await call(`/inspections/${inspectionId}/invitations`, {
    as: 'admin',
    json: { audience: 'victim', language, count: 1, ...(expiresAt ? { expiresAt } : {}) },
  });
  return res.json.invitations[0];
}

const footerLinks = (html: string, lang: 'en' | 'cy') => {
  const q = lang === 'cy' ? '?lang=cy' : '';
  expect(html).toContain(`href="/accessibility${q}"`);
  expect(html).toContain(`href="/privacy${q}"`);
};

describe('/accessibility and /privacy', () => {
  it.each(['/accessibility', '/privacy'])('%s is a public page in English, and in Welsh with ?lang=cy', async (path) => {
    const en = await call(path);
    expect(en.status).toBe(200);
    expect(en.headers.get('content-type')).toMatch(/^text\/html/);
    expect(en.text).toContain('<html lang="en"');
    footerLinks(en.text, 'en');
    const cy = await call(`${path}?lang=cy`);
    expect(cy.status).toBe(200);
    expect(cy.text).toContain('<html lang="cy"');
    expect(cy.text).toContain(path === '/privacy' ? 'Hysbysiad preifatrwydd' : 'Datganiad hygyrchedd');
    footerLinks(cy.text, 'cy');
    const fr = await call(`${path}?lang=fr`);
    expect(fr.status).toBe(400);
    expect(fr.text).toContain('This language is not available');
    expect(fr.text).toContain("Nid yw'r iaith hon ar gael");
  });

  it('the privacy notice gives the retention period the table keeps answers for', async () => {
    expect((await call('/privacy')).text).toContain('We delete answers 2 years after they were sent.');
  });
});

describe('every respondent page', () => {
  it('links to both statements from its footer, in its language, and has a language switch', async () => {
    const en = await invite('en');
    const cy = await invite('cy');
    const expired = await invite('en');
    const pages: [string, 'en' | 'cy'][] = [
      [`/q/${en.token}`, 'en'],
      [`/q/${en.token}/agreed-contact`, 'en'],
      [`/q/${en.token}/check`, 'en'],
      [`/q/${en.token}/saved`, 'en'],
      [`/q/${cy.token}`, 'cy'],
      [`/q/${cy.token}/mappa-aware`, 'cy'],
      [`/q/${cy.token}/check`, 'cy'],
    ];
    for (const [path, lang] of pages) {
      const res = await call(path);
      expect(res.status, path).toBe(200);
      footerLinks(res.text, lang);
      expect(res.text, path).toContain(`href="?lang=${lang === 'en' ? 'cy' : 'en'}"`);
    }
    // The pages of links that cannot be used, and the unknown link's page, too.
    expect((await call('/q/AAAAAAAAAAAAAAAAAAAAAA')).text).toContain('href="/accessibility"');
    await call(`/questionnaires/${expired.token}/responses`, {
      json: { answers: { 'agreed-contact': 'no', 'mappa-aware': 'no', 'first-time-asked': 'no' } },
    });
    const used = await call(`/q/${expired.token}`);
    expect(used.status).toBe(409);
    footerLinks(used.text, 'en');
    const usedCy = await call(`/q/${expired.token}?lang=cy`);
    expect(usedCy.status).toBe(409);
    expect(usedCy.text).toContain('<html lang="cy"');
    expect(usedCy.text).toContain('eisoes wedi cael ei defnyddio');
  });
});

describe('the language switch', () => {
  it('keeps the place and the answers, and what is sent records the language answered in', async () => {
    const inv = await invite('en');
    const t = inv.token;
    await call(
      `/q/${t}/agreed-contact`,
      form([
        ['agreed-contact', 'no'],
        ['action', 'continue'],
      ]),
    );
    const switched = await call(`/q/${t}/mappa-aware?lang=cy`);
    expect(switched.status).toBe(303);
    expect(switched.headers.get('location')).toBe(`/q/${t}/mappa-aware`);
    const page = await call(`/q/${t}/mappa-aware`);
    expect(page.text).toContain('<html lang="cy"');
    expect(page.text).toContain('Cwestiwn 2 o 4');
    // The answer given in English is there, in Welsh.
    const first = await call(`/q/${t}/agreed-contact`);
    expect(first.text).toMatch(/value="no" checked/);
    // Other parameters stay: from the check page, back to it.
    expect((await call(`/q/${t}/agreed-contact?from=check&lang=en`)).headers.get('location')).toBe(`/q/${t}/agreed-contact?from=check`);
    expect((await call(`/q/${t}/agreed-contact`)).text).toContain('<html lang="en"');
    await call(`/q/${t}?lang=cy`);

    const unsupported = await call(`/q/${t}/mappa-aware?lang=de`);
    expect(unsupported.status).toBe(400);
    expect(unsupported.text).toContain('This language is not available');
    expect((await call(`/q/${t}/mappa-aware`)).text).toContain('<html lang="cy"');

    await call(
      `/q/${t}/mappa-aware`,
      form([
        ['mappa-aware', 'no'],
        ['action', 'continue'],
      ]),
    );
    await call(
      `/q/${t}/first-time-asked`,
      form([
        ['first-time-asked', 'yes'],
        ['action', 'continue'],
      ]),
    );
    await call(
      `/q/${t}/comments`,
      form([
        ['comments', 'Diolch'],
        ['action', 'continue'],
      ]),
    );
    const check = await call(`/q/${t}/check`);
    expect(check.text).toContain('Gwirio eich atebion cyn anfon');
    expect((await call(`/q/${t}/check`, form([]))).headers.get('location')).toBe(`/q/${t}/sent`);
    const summary = (await call(`/inspections/${inspectionId}/aggregate`, { method: 'POST', as: 'admin' })).json;
    const cyVictims = summary.serviceUsersByLanguage.returned.find((r: { audience: string }) => r.audience === 'victim');
    expect(cyVictims.cy).not.toBe('0');
    expect((await call(`/q/${t}/sent`)).text).toContain('<html lang="cy"');
  });
});
