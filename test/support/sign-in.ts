/**
 * Signing in to the workbench the way a person does (issue 25): through the local OpenID
 * Connect provider that `npm start` runs, over HTTP (redirects followed by hand, the login form
 * posted, cookies kept per host as a browser keeps them) or in Chromium.
 */
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import type { Role } from '#core/roles';

/** Cookies per host, as a browser keeps them (paths and expiry apart from Max-Age=0 are not needed here). */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  take(url: string, res: Response): void {
    const host = new URL(url).host;
    const jar = this.byHost.get(host) ?? new Map<string, string>();
    this.byHost.set(host, jar);
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      if (/max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, pair!.slice(at + 1).trim());
    }
  }

  header(url: string): string {
    return [...(this.byHost.get(new URL(url).host) ?? new Map<string, string>()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(url: string, name: string): string | undefined {
    return this.byHost.get(new URL(url).host)?.get(name);
  }

  set(url: string, name: string, value: string): void {
    const host = new URL(url).host;
    const jar = this.byHost.get(host) ?? new Map<string, string>();
    jar.set(name, value);
    this.byHost.set(host, jar);
  }
}

export interface Hop {
  url: string;
  status: number;
  location: string | null;
  setCookie: string[];
  text: string;
}

/** One request with the jar's cookies for its host; the jar takes what it sets. */
export async function hop(
  jar: CookieJar,
  url: string,
  init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<Hop> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  const cookie = jar.header(url);
  if (cookie) headers.cookie = cookie;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    headers.origin ??= new URL(url).origin;
  }
  const res = await fetch(url, {
    method: init.method ?? (init.form ? 'POST' : 'GET'),
    headers,
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    redirect: 'manual',
  });
  jar.take(url, res);
  return { url, status: res.status, location: res.headers.get('location'), setCookie: res.headers.getSetCookie(), text: await res.text() };
}

/** Follows redirects (GETs) until a page answers, or `stop` says so; every hop, in order. */
export async function follow(jar: CookieJar, url: string, stop: (hop: Hop) => boolean = () => false, limit = 12): Promise<Hop[]> {
  const hops: Hop[] = [];
  let next: string | undefined = url;
  while (next && hops.length < limit) {
    const h = await hop(jar, next);
    hops.push(h);
    if (stop(h) || h.status < 300 || h.status >= 400 || !h.location) break;
    next = new URL(h.location, next).toString();
  }
  return hops;
}

const formAction = (html: string) => /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');

export interface SignedIn {
  /** `omi_session=<id>`, ready for a Cookie header. */
  cookie: string;
  /** The Set-Cookie line the callback sent. */
  setCookie: string;
  /** Where the callback sent the browser (the `returnTo`). */
  location: string | null;
  jar: CookieJar;
  /** Every hop of the sign-in's last leg: from the login form's post to our callback's answer. */
  hops: Hop[];
}

export interface SignInOptions {
  baseUrl?: string;
  password?: string;
  returnTo?: string;
  jar?: CookieJar;
}

/** The provider's login form for this browser's sign-in: its action, and the hops that led to it. */
export async function reachLoginForm(jar: CookieJar, base: string, returnTo?: string): Promise<{ action: string; hops: Hop[] }> {
  const start = `${base}/sign-in${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`;
  const hops = await follow(jar, start);
  const last = hops.at(-1)!;
  const action = formAction(last.text);
  if (last.status !== 200 || !action) throw new Error(`no login form after ${hops.map((h) => `${h.status} ${h.url}`).join(' -> ')}`);
  return { action: new URL(action, last.url).toString(), hops };
}

/** Signs in as one of the demo people (or the tests' extra ones, global-setup.ts) through the local provider, as a browser would. */
export async function signInOverHttp(person: Role | string, options: SignInOptions = {}): Promise<SignedIn> {
  const base = options.baseUrl ?? inject('baseUrl');
  const jar = options.jar ?? new CookieJar();
  const { action } = await reachLoginForm(jar, base, options.returnTo);
  const posted = await hop(jar, action, { form: { username: person, password: options.password ?? inject('demoPassword') } });
  if (posted.status !== 303 && posted.status !== 302) throw new Error(`login as ${person} refused: ${posted.status}`);
  const hops = [posted, ...(await follow(jar, new URL(posted.location!, action).toString(), (h) => h.url.startsWith(`${base}/auth/callback`)))];
  const callback = hops.at(-1)!;
  const setCookie = callback.setCookie.find((c) => /^(__Host-)?omi_session=[^;]/.test(c));
  if (!callback.url.startsWith(`${base}/auth/callback`) || !setCookie)
    throw new Error(`sign-in as ${person} did not end at the callback: ${hops.map((h) => `${h.status} ${h.url}`).join(' -> ')}`);
  return { cookie: setCookie.split(';')[0]!, setCookie, location: callback.location, jar, hops };
}

/** Signs out with the page's own form, then follows the provider's logout back to the service. */
export async function signOutOverHttp(signedIn: SignedIn, options: { baseUrl?: string } = {}): Promise<Hop[]> {
  const base = options.baseUrl ?? inject('baseUrl');
  const home = await hop(signedIn.jar, `${base}/`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(home.text)?.[1] ?? '';
  const out = await hop(signedIn.jar, `${base}/sign-out`, { form: { csrf } });
  const hops = [out];
  if (out.location) hops.push(...(await follow(signedIn.jar, new URL(out.location, `${base}/`).toString())));
  // The provider's logout page asks to confirm (and confirms itself where scripts run): post its form.
  const confirmAt = hops.at(-1)!;
  const action = confirmAt.status === 200 ? formAction(confirmAt.text) : undefined;
  if (action && !confirmAt.url.startsWith(base)) {
    const fields = Object.fromEntries([...confirmAt.text.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const confirmUrl = new URL(action, confirmAt.url).toString();
    const confirmed = await hop(signedIn.jar, confirmUrl, { form: fields });
    hops.push(confirmed);
    if (confirmed.location) hops.push(...(await follow(signedIn.jar, new URL(confirmed.location, confirmUrl).toString())));
  }
  return hops;
}

/**
 * In Chromium, on the provider's sign-in page: fills the form (by its labels, or by keyboard
 * alone) and waits to be back on the service. The provider's page is not the product's, so
 * it is not audited here.
 */
export async function completeProviderLogin(
  page: Page,
  person: Role | string,
  options: { keyboard?: boolean; password?: string; baseUrl?: string } = {},
): Promise<void> {
  const base = options.baseUrl ?? inject('baseUrl');
  const password = options.password ?? inject('demoPassword');
  await page.waitForURL((url) => url.origin === inject('identityProvider'));
  const backHome = page.waitForURL((url) => url.toString().startsWith(base) && !url.pathname.startsWith('/auth/callback'));
  if (options.keyboard) {
    for (let i = 0; i < 10 && !(await page.evaluate<boolean>("document.activeElement?.id === 'username'")); i++) await page.keyboard.press('Tab');
    await page.keyboard.type(person);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
  } else {
    await page.getByLabel('Username').fill(person);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await backHome;
  await page.waitForLoadState('load');
}

/** Signs in in Chromium from /sign-in (or `path`, a page that sends a signed-out browser there). */
export async function signInInBrowser(
  page: Page,
  person: Role | string,
  options: { baseUrl?: string; password?: string; path?: string } = {},
): Promise<void> {
  const base = options.baseUrl ?? inject('baseUrl');
  await page.goto(`${base}${options.path ?? '/sign-in'}`);
  await completeProviderLogin(page, person, options);
}

/**
 * The journey a person takes: the start page, its "Sign in" (by keyboard alone, or a click),
 * the provider's form, and back. `audit` runs on each of the service's pages on the way.
 */
export async function signInFromStartPage(
  page: Page,
  person: Role | string,
  options: { keyboard?: boolean; audit?: (page: Page) => Promise<void> } = {},
): Promise<void> {
  await page.goto(`${inject('baseUrl')}/`);
  await options.audit?.(page);
  if (options.keyboard) {
    for (let i = 0; i < 80 && !(await page.evaluate<boolean>(`document.activeElement?.matches('a[href="/sign-in"]') ?? false`)); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
  } else {
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await completeProviderLogin(page, person, { keyboard: options.keyboard });
  await options.audit?.(page);
}
