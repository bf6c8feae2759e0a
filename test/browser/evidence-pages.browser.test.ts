/**
 * The evidence pages in Chromium (issue 27): interviews, blind second marking and the area's
 * caseload and performance figures, free of axe-core violations for the inspector who fills
 * them and the staff member who reads them; a second marking done with the keyboard alone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, call } from '#support/api';
import { AXE_SOURCE, launchChromium } from '#support/browser';
import { createInspection, makeCase } from '#support/fixtures';
import { signIn } from '#support/workbench';

let browser: Browser;
let inspectionId: string;
const contexts: BrowserContext[] = [];

async function signedInPage(role: 'inspector' | 'staff' | 'admin'): Promise<Page> {
  const { cookie } = await signIn(role);
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: true });
  contexts.push(context);
  await context.addCookies([{ name, value, url: baseUrl() }]);
  await context.addInitScript(AXE_SOURCE);
  return context.newPage();
}

async function violations(page: Page): Promise<string[]> {
  const found = await page.evaluate<{ id: string; nodes: { target: string[] }[] }[]>(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  );
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

beforeAll(async () => {
  browser = await launchChromium();
  inspectionId = await createInspection('Evidence in Chromium');
  for (let i = 1; i <= 2; i++) {
    const res = await call(`/inspections/${inspectionId}/cases/EB-${i}`, {
      method: 'PUT',
      as: 'inspector',
      json: makeCase(i === 1 ? 'community' : 'licence', i),
    });
    expect(res.status).toBe(201);
  }
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('the evidence pages in Chromium', () => {
  it('have no accessibility violations, as the inspector who fills them and as staff', async () => {
    const paths = ['interviews', 'interviews/EB-1', 'second-marking', 'second-marking/EB-1', 'area', 'moderation'];
    for (const role of ['inspector', 'staff'] as const) {
      const page = await signedInPage(role);
      for (const path of paths) {
        const res = await page.goto(`${baseUrl()}/workbench/inspections/${inspectionId}/${path}`);
        expect(res?.status(), `${role} ${path}`).toBe(200);
        expect(await violations(page), `${role} ${path}`).toEqual([]);
      }
    }
  });

  it('takes a second marking from the keyboard alone, and shows the error summary for the caseload, axe-clean', async () => {
    const page = await signedInPage('admin');
    await page.goto(`${baseUrl()}/workbench/inspections/${inspectionId}/second-marking/EB-2`);
    const firstRadio = page.locator('form input[type="radio"]').first();
    const firstId = await firstRadio.getAttribute('id');
    // Tab through the page until the first question's radios have the focus, as a keyboard user would.
    for (let i = 0; i < 60 && (await page.evaluate<string | undefined>('document.activeElement?.id')) !== firstId; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe(firstId);
    await page.keyboard.press('Space');
    expect(await firstRadio.isChecked()).toBe(true);
    // On to the submit button, past every other question, and Enter.
    for (
      let i = 0;
      i < 400 && (await page.evaluate<string | undefined>('document.activeElement?.textContent?.trim()')) !== 'Save the second marking';
      i++
    )
      await page.keyboard.press('Tab');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(`/workbench/inspections/${inspectionId}/second-marking`);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Second marking saved');

    await page.goto(`${baseUrl()}/workbench/inspections/${inspectionId}/area`);
    await page.fill('#caseload', 'many');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save the caseload' }).press('Enter')]);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the caseload as a whole number');
    expect(await violations(page)).toEqual([]);
  });
});
