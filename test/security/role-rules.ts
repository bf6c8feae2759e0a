/**
 * Who may do what, written a second time by hand from the contract
 * (/work/shared/docs/contract.md, "Authentication" and "Routes"), apart from the route table.
 *
 * The role matrix (roles.test.ts) takes its 401/403/served expectations from shared/routes.ts,
 * so on its own it can never notice a wrong rule there: widen a route to every role and the
 * matrix widens with it. This table is the independent statement it is checked against. A route
 * in shared/routes.ts without a row here fails, and so does a row without a route: add the row
 * in the same change as the route, from the contract, not by copying `access` from the table.
 *
 * The contract's roles:
 * - admin: everything.
 * - inspector: cases, leadership grades, conclusions; read inspections, summaries and reports.
 * - staff: read summaries, downloads and reports; POST aggregate.
 * - no credentials: GET /health, GET /openapi.json, page assets, report.css.
 * - the token in the path: the respondent's questionnaire routes and the report-link routes.
 */
import type { Role } from '#core/roles';

export type Rule = 'public' | 'token' | readonly Role[];

const ADMIN: readonly Role[] = ['admin'];
const INSPECTORS: readonly Role[] = ['admin', 'inspector'];
const SIGNED_IN: readonly Role[] = ['admin', 'inspector', 'staff'];

export const ROLE_RULES: Readonly<Record<string, Rule>> = {
  // Public: liveness, the API's own description, what the pages load.
  'GET /health': 'public',
  'GET /openapi.json': 'public',
  'GET /assets/{path+}': 'public',
  'GET /report.css': 'public',
  // The accessibility statement and privacy notice every respondent page links to.
  'GET /accessibility': 'public',
  'GET /privacy': 'public',

  // Reading: every signed-in role.
  'GET /question-bank': SIGNED_IN,
  'GET /inspections': SIGNED_IN,
  'GET /inspections/{id}': SIGNED_IN,
  // A job says what long work on an inspection did: every signed-in role may read inspections and their releases.
  'GET /jobs/{jobId}': SIGNED_IN,
  'GET /inspections/{id}/cases': SIGNED_IN,
  'GET /inspections/{id}/cases/{caseRef}': SIGNED_IN,
  'GET /inspections/{id}/cases-template.csv': SIGNED_IN,
  // Sub-group figures for drafting: staff figures, read like the summary by every signed-in role (never published as they are).
  'GET /inspections/{id}/question-breakdowns': SIGNED_IN,
  'GET /inspections/{id}/summary': SIGNED_IN,
  'GET /inspections/{id}/summary/comments': SIGNED_IN,
  'GET /inspections/{id}/report': SIGNED_IN,
  // A report link is a way of reading the report, which staff may do.
  'POST /inspections/{id}/report-links': SIGNED_IN,
  'GET /inspections/{id}/report-links': SIGNED_IN,
  // Evidence beyond the case file is the inspectors' work, like the case judgements.
  'PUT /inspections/{id}/cases/{caseRef}/second-marking': INSPECTORS,
  'PUT /inspections/{id}/interviews/{caseRef}': INSPECTORS,
  'PUT /inspections/{id}/performance-figures': INSPECTORS,
  'PUT /inspections/{id}/context': INSPECTORS,
  // Paper returns are entered by inspectors; the reminders mail merge is the admin's, like the invitations.
  'POST /inspections/{id}/paper-responses': INSPECTORS,
  'GET /inspections/{id}/invitations/reminders.csv': ADMIN,
  // A batch's links again, and marking it sent: the admin's, like issuing them.
  'GET /inspections/{id}/invitations/{batchFile}': ADMIN,
  'POST /inspections/{id}/invitations/{batchId}/sent': ADMIN,
  'DELETE /inspections/{id}/report-links/{linkId}': SIGNED_IN,
  // The write-up is read by everyone who reads the report, and written by the inspectors.
  'GET /inspections/{id}/write-up': SIGNED_IN,
  'PUT /inspections/{id}/write-up': INSPECTORS,
  // Section by section: the same readers and writers as the whole document (issue 27).
  'GET /inspections/{id}/write-up/sections': SIGNED_IN,
  'PUT /inspections/{id}/write-up/sections/{sectionId}': INSPECTORS,
  // Releases: publishing (and reopening what a final release closed) is the admin's; reading a release is reading a report.
  'POST /inspections/{id}/releases': ADMIN,
  'POST /inspections/{id}/reopen': ADMIN,
  // Finishing or undoing a release or reopening that died half-way is the admin's, as releasing is.
  'POST /inspections/{id}/releases/recover': ADMIN,
  'GET /inspections/{id}/releases': SIGNED_IN,
  'GET /inspections/{id}/releases/{releaseId}/report': SIGNED_IN,
  'GET /inspections/{id}/releases/{releaseId}/summary': SIGNED_IN,
  // The analyst's export is a download of a release, which staff may read; respondents' own words in it are checked by the use case (admin, staff).
  'GET /inspections/{id}/releases/{releaseId}/data-package': SIGNED_IN,
  'GET /inspections/{id}/releases/{releaseId}/data-package/{resource}': SIGNED_IN,
  // Meetings met in person are evidence, the inspectors' work; read by everyone signed in (contract, "Meetings and the improvement plan").
  'GET /inspections/{id}/meetings': SIGNED_IN,
  'GET /inspections/{id}/meetings/{meetingId}': SIGNED_IN,
  'PUT /inspections/{id}/meetings/{meetingId}': INSPECTORS,
  'DELETE /inspections/{id}/meetings/{meetingId}': INSPECTORS,
  // The improvement plan: staff and admins record it, an admin exports and publishes it; reading it is reading the report's follow-up.
  'GET /inspections/{id}/improvement-plan': SIGNED_IN,
  'PUT /inspections/{id}/improvement-plan': ['admin', 'staff'],
  'GET /inspections/{id}/improvement-plan.csv': ADMIN,
  'POST /inspections/{id}/releases/{releaseId}/improvement-plan': ADMIN,
  'GET /inspections/{id}/releases/{releaseId}/improvement-plan': SIGNED_IN,

  // Admin only: creating inspections, inviting respondents, erasing their answers.
  'POST /inspections': ADMIN,
  'POST /inspections/{id}/invitations': ADMIN,
  'DELETE /inspections/{id}/responses': ADMIN,
  // Deleting an inspection made by mistake: the admin, who alone creates them.
  'DELETE /inspections/{id}': ADMIN,

  // Inspectors' judgements: cases, leadership grades, the lead inspector's conclusions.
  'PUT /inspections/{id}/cases/{caseRef}': INSPECTORS,
  'POST /inspections/{id}/cases': INSPECTORS,
  'PUT /inspections/{id}/leadership/{criterionId}': INSPECTORS,
  'PUT /inspections/{id}/conclusions/{criterionId}': INSPECTORS,

  // Recompute now: the contract gives it to admin and staff, not inspectors.
  'POST /inspections/{id}/aggregate': ['admin', 'staff'],

  // The respondent's token is the credential.
  'GET /questionnaires/{token}': 'token',
  'POST /questionnaires/{token}/responses': 'token',
  'GET /q/{token}': 'token',
  'POST /q/{token}': 'token',
  'GET /q/{token}/check': 'token',
  'POST /q/{token}/check': 'token',
  'GET /q/{token}/saved': 'token',
  'GET /q/{token}/sent': 'token',
  'GET /q/{token}/{questionId}': 'token',
  'POST /q/{token}/{questionId}': 'token',

  // A report link's token is the credential.
  'GET /reports/{token}': 'token',
  'GET /reports/{token}/summary.json': 'token',
  'GET /reports/{token}/summary.csv': 'token',
  'GET /reports/{token}/improvement-plan': 'token',
};

/**
 * The workbench's pages (contract, "The workbench"): each page is for the people whose JSON
 * route does the same thing, so the rules follow the table above, written out again here.
 * Signed out, every page but the start page and the sign-in redirects to sign in.
 */
export const PAGE_ROLE_RULES: Readonly<Record<string, Rule>> = {
  'GET /': 'public',
  'GET /sign-in': 'public',
  'GET /auth/callback': 'public',
  'POST /sign-out': SIGNED_IN,
  // Any other page address answers "Page not found", to anyone.
  'GET /workbench/jobs/{jobId}': SIGNED_IN,
  'GET /workbench': 'public',
  'GET /workbench/{path+}': 'public',
  // Who is signed in, and ending a person's sessions (issue 25): admin only.
  'GET /workbench/sessions': ADMIN,
  'POST /workbench/sessions/end': ADMIN,

  // Creating an inspection, inviting respondents, the reminders mail merge, erasure: admin only.
  'GET /workbench/inspections/new': ADMIN,
  'POST /workbench/inspections/new': ADMIN,
  'GET /workbench/inspections/{id}/delete': ADMIN,
  'POST /workbench/inspections/{id}/delete': ADMIN,
  'GET /workbench/inspections/{id}/invitations': ADMIN,
  'POST /workbench/inspections/{id}/invitations': ADMIN,
  'GET /workbench/inspections/{id}/invitations/{batchFile}': ADMIN,
  'POST /workbench/inspections/{id}/invitations/{batchId}/sent': ADMIN,
  'GET /workbench/inspections/{id}/reminders.csv': ADMIN,
  'GET /workbench/inspections/{id}/erase': ADMIN,
  'POST /workbench/inspections/{id}/erase': ADMIN,

  // Reading: the dashboard, the figures, the report, the cases, grades and moderation.
  'GET /workbench/inspections/{id}': SIGNED_IN,
  'GET /workbench/inspections/{id}/cases-template.csv': SIGNED_IN,
  'GET /workbench/inspections/{id}/summary': SIGNED_IN,
  'GET /workbench/inspections/{id}/summary.csv': SIGNED_IN,
  'GET /workbench/inspections/{id}/summary.json': SIGNED_IN,
  'GET /workbench/inspections/{id}/report': SIGNED_IN,
  'GET /workbench/inspections/{id}/cases': SIGNED_IN,
  'GET /workbench/inspections/{id}/cases/{caseRef}': SIGNED_IN,
  'GET /workbench/inspections/{id}/grades': SIGNED_IN,
  'GET /workbench/inspections/{id}/grades/{criterionId}': SIGNED_IN,
  'GET /workbench/inspections/{id}/moderation': SIGNED_IN,
  // Report links are a way of reading the report.
  'GET /workbench/inspections/{id}/report-links': SIGNED_IN,
  'POST /workbench/inspections/{id}/report-links': SIGNED_IN,
  'POST /workbench/inspections/{id}/report-links/{linkId}/withdraw': SIGNED_IN,

  // The inspectors' judgements and the paper returns they enter.
  'POST /workbench/inspections/{id}/cases': INSPECTORS,
  'POST /workbench/inspections/{id}/cases/replace': INSPECTORS,
  'GET /workbench/inspections/{id}/cases/new': INSPECTORS,
  'POST /workbench/inspections/{id}/cases/new': INSPECTORS,
  'POST /workbench/inspections/{id}/cases/{caseRef}': INSPECTORS,
  'POST /workbench/inspections/{id}/grades/{criterionId}': INSPECTORS,
  'GET /workbench/inspections/{id}/paper-returns': INSPECTORS,
  'POST /workbench/inspections/{id}/paper-returns': INSPECTORS,

  // Recompute now, as POST /inspections/{id}/aggregate: admin and staff.
  'POST /workbench/inspections/{id}/recompute': ['admin', 'staff'],

  // The write-up and its drafted findings: read by everyone signed in, written by inspectors (contract, "Write-up and releases").
  'GET /workbench/inspections/{id}/write-up': SIGNED_IN,
  'POST /workbench/inspections/{id}/write-up': INSPECTORS,
  'GET /workbench/inspections/{id}/write-up/document': SIGNED_IN,
  'POST /workbench/inspections/{id}/write-up/document': INSPECTORS,
  'GET /workbench/inspections/{id}/findings': SIGNED_IN,
  'GET /workbench/inspections/{id}/findings/{criterionId}': SIGNED_IN,
  'POST /workbench/inspections/{id}/findings/{criterionId}': INSPECTORS,
  // Releasing and reopening are the admin's; a release, once made, is read like the report.
  'GET /workbench/inspections/{id}/releases': SIGNED_IN,
  'POST /workbench/inspections/{id}/releases': ADMIN,
  'POST /workbench/inspections/{id}/reopen': ADMIN,
  'POST /workbench/inspections/{id}/releases/recover': ADMIN,
  'GET /workbench/inspections/{id}/releases/{releaseId}/report': SIGNED_IN,
  'GET /workbench/inspections/{id}/releases/{releaseId}/summary.json': SIGNED_IN,
  'GET /workbench/inspections/{id}/releases/{releaseId}/summary.csv': SIGNED_IN,
  'GET /workbench/inspections/{id}/releases/{releaseId}/data-package': SIGNED_IN,
  'GET /workbench/inspections/{id}/releases/{releaseId}/data-package/{resource}': SIGNED_IN,
  // Meetings, as their JSON routes: read by everyone signed in, recorded by inspectors.
  'GET /workbench/inspections/{id}/meetings': SIGNED_IN,
  'GET /workbench/inspections/{id}/meetings/{meetingId}': SIGNED_IN,
  'POST /workbench/inspections/{id}/meetings/{meetingId}': INSPECTORS,
  // The improvement plan, as its JSON routes: read by everyone signed in, recorded by staff and admins, exported and published by admins.
  'GET /workbench/inspections/{id}/improvement-plan': SIGNED_IN,
  'POST /workbench/inspections/{id}/improvement-plan': ['admin', 'staff'],
  'GET /workbench/inspections/{id}/improvement-plan.csv': ADMIN,
  'POST /workbench/inspections/{id}/improvement-plan/annex': ADMIN,
  // The breakdowns are figures, read like the summary.
  'GET /workbench/inspections/{id}/breakdowns': SIGNED_IN,
  // The evidence beyond the case file (contract, "Evidence beyond the case file"): read by everyone
  // signed in, written by inspectors and admins as the JSON routes are; a moderator's agreed
  // judgement changes a case, so it is an inspector's too.
  'GET /workbench/inspections/{id}/interviews': SIGNED_IN,
  'POST /workbench/inspections/{id}/interviews': INSPECTORS,
  'GET /workbench/inspections/{id}/interviews/{caseRef}': SIGNED_IN,
  'POST /workbench/inspections/{id}/interviews/{caseRef}': INSPECTORS,
  'GET /workbench/inspections/{id}/second-marking': SIGNED_IN,
  'GET /workbench/inspections/{id}/second-marking/{caseRef}': SIGNED_IN,
  'POST /workbench/inspections/{id}/second-marking/{caseRef}': INSPECTORS,
  'POST /workbench/inspections/{id}/moderation/{caseRef}': INSPECTORS,
  'GET /workbench/inspections/{id}/area': SIGNED_IN,
  'POST /workbench/inspections/{id}/area': INSPECTORS,
  'POST /workbench/inspections/{id}/area/performance-figures': INSPECTORS,
};

/** Every disagreement between a route table and these rules, one line each; [] when they agree. */
export function ruleProblems(
  table: readonly { method: string; path: string; access: unknown }[],
  rules: Readonly<Record<string, Rule>> = ROLE_RULES,
): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const route of table) {
    const key = `${route.method} ${route.path}`;
    keys.add(key);
    const want = rules[key];
    if (want === undefined) {
      problems.push(`${key}: no row in test/security/role-rules.ts (add one from the contract)`);
      continue;
    }
    const got = route.access;
    const same =
      typeof want === 'string'
        ? got === want
        : Array.isArray(got) && [...new Set(got)].sort().join(',') === [...want].sort().join(',') && got.length === want.length;
    if (!same) problems.push(`${key}: the route table says ${JSON.stringify(got)}, the rules say ${JSON.stringify(want)}`);
  }
  for (const key of Object.keys(rules)) if (!keys.has(key)) problems.push(`${key}: a rule with no route in shared/routes.ts`);
  return problems;
}
