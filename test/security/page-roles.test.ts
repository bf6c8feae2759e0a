/**
 * Every workbench page against every role, signed out, and the page rules written apart from
 * the route table (role-rules.ts), through the real local server. The JSON role matrix
 * (roles.test.ts) cannot reach these routes: they take only the session cookie.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#core/roles';
import { routes, type RouteSpec } from '#shared/routes';
import { call } from '#support/api';
import { createInspection, makeCase } from '#support/fixtures';
import { fillPath, pool, routeKeyOf } from '#support/hostile';
import { csrfOf, form, page, signIn } from '#support/workbench';
import { PAGE_ROLE_RULES, ruleProblems } from './role-rules';

const PAGES = (routes as readonly RouteSpec[]).filter((r) => r.auth === 'session' && !r.localOnly);
const ROLES: readonly Role[] = ['admin', 'inspector', 'staff'];
// Signing out ends the session the other checks use: it gets its own sessions below.
const ROLE_PAGES = PAGES.filter((r) => Array.isArray(r.access) && routeKeyOf(r) !== 'POST /sign-out');

let values: Record<string, string>;
const sessions = new Map<Role, { cookie: string; csrf: string }>();

async function sessionFor(role: Role) {
  const { cookie } = await signIn(role);
  const home = await page('/', { cookie });
  return { cookie, csrf: csrfOf(home.text) };
}

function request(route: RouteSpec, session?: { cookie: string; csrf: string }) {
  const path = fillPath(route, values);
  if (route.method === 'GET') return page(path, { cookie: session?.cookie });
  // A form with a valid CSRF token and nothing else: enough to pass the checks, too little to change anything that matters.
  return page(path, { cookie: session?.cookie, method: route.method, ...form(session ? { csrf: session.csrf } : {}) });
}

const isSignInRedirect = (res: { status: number; headers: Headers }) =>
  (res.status === 302 || res.status === 303) && (res.headers.get('location') ?? '').startsWith('/sign-in');

beforeAll(async () => {
  const inspectionId = await createInspection('Page roles');
  const put = await call(`/inspections/${inspectionId}/cases/PR-001`, { as: 'inspector', method: 'PUT', json: makeCase('community', 1) });
  expect(put.status, put.text).toBe(201);
  values = {
    id: inspectionId,
    caseRef: 'PR-001',
    criterionId: '4.1',
    linkId: 'no-such-link',
    releaseId: 'no-such-release',
    meetingId: 'new',
    batchFile: 'no-such-batch.csv',
    resource: 'cases.csv',
    batchId: 'no-such-batch',
    jobId: '00000000-0000-0000-0000-000000000000',
  };
  for (const role of ROLES) sessions.set(role, await sessionFor(role));
}, 60_000);

describe('the workbench pages and their roles', () => {
  it('the route table gives each page the roles the contract gives it (an oracle apart from the table)', () => {
    expect(ruleProblems(PAGES, PAGE_ROLE_RULES)).toEqual([]);
    // The check can fail: a page widened to every role is caught.
    const widened = PAGES.map((r) =>
      routeKeyOf(r) === 'GET /workbench/inspections/{id}/erase' ? { ...r, access: ['admin', 'inspector', 'staff'] } : r,
    );
    expect(ruleProblems(widened, PAGE_ROLE_RULES)).toEqual([expect.stringContaining('GET /workbench/inspections/{id}/erase: the route table says')]);
  });

  it('serves each page to exactly the roles its rule names, and a 403 page to the others', async () => {
    const cells = ROLE_PAGES.flatMap((route) => ROLES.map((role) => ({ route, role })));
    const problems = (
      await pool(cells, 4, async ({ route, role }) => {
        const key = routeKeyOf(route);
        const allowed = (PAGE_ROLE_RULES[key] as readonly Role[]).includes(role);
        const res = await request(route, sessions.get(role));
        if (allowed && (res.status === 401 || res.status === 403 || isSignInRedirect(res) || res.status >= 500))
          return `${key} as ${role}: ${res.status}, expected it served`;
        if (!allowed && res.status !== 403) return `${key} as ${role}: ${res.status}, expected 403`;
        if (!allowed && !String(res.headers.get('content-type')).startsWith('text/html')) return `${key} as ${role}: the 403 is not a page`;
        return undefined;
      })
    ).filter(Boolean);
    expect(problems).toEqual([]);
  }, 120_000);

  it('sends a signed-out browser to sign in from every page that needs a role', async () => {
    const problems = (
      await pool(
        PAGES.filter((r) => Array.isArray(r.access)),
        4,
        async (route) => {
          const res = await request(route);
          return isSignInRedirect(res) ? undefined : `${routeKeyOf(route)} signed out: ${res.status} ${res.headers.get('location') ?? ''}`;
        },
      )
    ).filter(Boolean);
    expect(problems).toEqual([]);
  }, 60_000);

  it('lets every role sign out, and the public pages serve everyone', async () => {
    for (const role of ROLES) {
      const own = await sessionFor(role);
      const res = await page('/sign-out', { cookie: own.cookie, method: 'POST', ...form({ csrf: own.csrf }) });
      expect([302, 303], `sign-out as ${role}`).toContain(res.status);
    }
    for (const route of PAGES.filter((r) => r.access === 'public' && r.method === 'GET' && r.path === '/')) {
      for (const role of ROLES) expect((await request(route, sessions.get(role))).status).toBe(200);
      expect((await request(route)).status).toBe(200);
    }
  });
});
