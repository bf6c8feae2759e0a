/** What both browser suites share: Debian's Chromium, axe-core's source, where screenshots go. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '#core/roles';
import { baseUrl } from './api';
import { signIn } from './workbench';

const require = createRequire(import.meta.url);

/** Injected by evaluation: page.addScriptTag would be an inline script, which the pages' CSP (rightly) refuses. */
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The README's screenshots are refreshed on request (`OMI_SCREENSHOTS=1 npx vitest run test/browser`); an ordinary
// run writes them to a scratch folder so a test run never changes tracked files.
export const SCREENSHOTS =
  process.env.OMI_SCREENSHOTS === '1'
    ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
    : `${mkdtempSync(join(tmpdir(), 'omi-screenshots-'))}/`;

/** Without the background-networking flags Chromium keeps dialling out, and this machine's closed network refuses it. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** axe-core's violations on `url`, in a page of its own in `context` with scripts on (the page under test needs none). */
export async function axeViolationsAt(context: BrowserContext, url: string): Promise<string[]> {
  const page = await context.newPage();
  await page.addInitScript(AXE_SOURCE);
  await page.goto(url);
  const found = await axeViolations(page);
  await page.close();
  return found;
}

/** A browser context signed in as `role` (the session cookie set as a browser would hold it), with axe-core loaded in every page. */
export async function signedInContext(browser: Browser, role: Role): Promise<{ context: BrowserContext; page: Page }> {
  const { cookie } = await signIn(role);
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.addCookies([{ name, value, url: baseUrl() }]);
  await context.addInitScript(AXE_SOURCE);
  return { context, page: await context.newPage() };
}

/** axe-core's violations on the page as it is now, one line each: its rule and where. */
export async function axeViolations(page: Page): Promise<string[]> {
  const found = await page.evaluate<{ id: string; nodes: { target: string[] }[] }[]>(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  );
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
