/**
 * The second planted-fault round (issue 32, "by someone who has not read the tests"): faults
 * chosen from the product code alone, category by category (sessions, CSRF and the stash;
 * closed-inspection guards; releases and reopening; the write-up's ETag; second marking; the
 * `[c]` threshold; routing; paper returns; reminders; the aggregation dispatch; report-link
 * withdrawal; retention TTLs; Welsh text selection; CSV escaping; the WAF). Each names the
 * suites a developer would run after touching that file. Joined into FAULTS by bench/faults.ts.
 */
import type { Fault } from './faults';

export const FAULTS_HUNT: Fault[] = [
  // Sessions, CSRF and the form stash
  {
    id: 'hunt-session-past-end-accepted',
    what: 'A session past its 12 hours is still accepted until TTL removes it (the read forgets the end)',
    file: 'shared/store/sessions.ts',
    find: 'if (!Item || Item.entity !== ENTITY || !(Date.parse(Item.expiresAt as string) > now)) return undefined;',
    replace: 'if (!Item || Item.entity !== ENTITY) return undefined;',
    tests: ['test/integration/sessions.test.ts'],
  },
  {
    id: 'hunt-csrf-bound-to-person',
    what: "The CSRF token is an HMAC of the person's id, not the session's: one token serves every session of theirs",
    file: 'shared/http/session.ts',
    find: `update(\`csrf:\${session.sid}\`)`,
    replace: `update(\`csrf:\${session.sub}\`)`,
    tests: ['test/unit/csrf-and-stash.property.test.ts', 'test/integration/sessions.test.ts'],
  },
  {
    id: 'hunt-origin-prefix',
    what: "A form's Origin is checked as a prefix of ours, so https://host.evil.example passes",
    file: 'shared/http/stack/origin-csrf.ts',
    find: 'if (origin !== undefined && origin !== publicOrigin(event)) {',
    replace: 'if (origin !== undefined && !origin.startsWith(publicOrigin(event))) {',
    tests: ['test/integration/sessions.test.ts', 'test/security/form-stash.test.ts', 'test/security/origin-rules.test.ts'],
    ruleAdded:
      'origin-rules.test.ts: every Origin but exactly ours (property over near misses: a longer host, a port, a path, user info, https, null, any URL) is refused with 403 on a signed-in form with a valid CSRF token',
  },
  {
    id: 'hunt-stash-cross-site',
    what: "A signed-out post from another site is stashed and given back after sign-in (the origin check dropped from the stash's condition)",
    file: 'shared/http/stack/authorize.ts',
    find: "const keep = route.keepsFormOnSignIn && route.method !== 'GET' && (origin === undefined || origin === publicOrigin(request.event));",
    replace: "const keep = route.keepsFormOnSignIn && route.method !== 'GET';",
    tests: ['test/security/form-stash.test.ts', 'test/security/origin-rules.test.ts'],
    ruleAdded: 'origin-rules.test.ts: a signed-out post from any origin but ours gets no form stash (the same property)',
  },
  {
    id: 'hunt-stash-any-path',
    what: "A stash is given back on any form's page, not only the one it was posted to",
    file: 'shared/http/form-stash.ts',
    find: 'stash.sub !== session.sub || stash.path !== path ||',
    replace: 'stash.sub !== session.sub ||',
    tests: ['test/security/form-stash.test.ts', 'test/unit/csrf-and-stash.property.test.ts'],
  },
  {
    id: 'hunt-sign-in-state-replayable',
    what: "A sign-in's OAuth state can be spent twice (the conditional put lost its condition)",
    file: 'shared/store/sessions.ts',
    find: "Item: { ...keys.signInStateUsed(stateHash), entity: 'sign-in-state', [TABLE.ttlAttribute]: expiresAtEpoch },\n      ConditionExpression: 'attribute_not_exists(pk)',",
    replace: "Item: { ...keys.signInStateUsed(stateHash), entity: 'sign-in-state', [TABLE.ttlAttribute]: expiresAtEpoch },",
    tests: ['test/integration/sessions.test.ts', 'test/unit/sign-in.test.ts'],
  },
  // Closed-inspection guards
  {
    id: 'hunt-closed-link-opens',
    what: "A closed inspection's unsent link still opens its questionnaire (the stamp is not read as closed)",
    file: 'shared/domain/invitations.ts',
    find: "return state === 'open' && slot.slot.closedAt ? 'closed' : state;",
    replace: 'return state;',
    tests: ['test/integration/life-cycle.test.ts', 'test/integration/closed-rules.test.ts'],
    ruleAdded:
      'closed-rules.test.ts: after a final release every respondent route (page and JSON, GET and POST) of every unsent link answers 410 and nothing stored changes; a reopening gives them back',
  },
  {
    id: 'hunt-closed-slot-writable',
    what: "The send's condition forgets the closed stamp: a link stamped by a final release still takes a save",
    file: 'shared/store/responses.ts',
    find: `const OPEN_SLOT = \`\${UNSENT_SLOT} AND attribute_not_exists(closedAt)\`;`,
    replace: 'const OPEN_SLOT = UNSENT_SLOT;',
    tests: ['test/integration/life-cycle.test.ts', 'test/integration/questionnaires.test.ts', 'test/integration/closed-rules.test.ts'],
    ruleAdded:
      'closed-rules.test.ts: every store write on a stamped link (draft answer, language, send) refuses by its own condition, whatever the caller read before',
  },
  {
    id: 'hunt-closed-paper-form-offered',
    what: "A closed inspection's paper-return page still offers its form",
    file: 'functions/workbench-paper.ts',
    find: 'closed: inspectionIsClosed(inspection),',
    replace: 'closed: false,',
    tests: ['test/integration/workbench-paper.test.ts', 'test/integration/closed-rules.test.ts'],
    ruleAdded:
      'closed-rules.test.ts: no workbench page of a closed inspection offers a form with a submit button, but for the writes that stay open after a close (crawl of every inspection page)',
  },
  {
    id: 'hunt-closed-invitations-form-offered',
    what: "A closed inspection's invitations page offers the form to issue links (the server refuses it with 409)",
    file: 'shared/web/workbench/manage-pages.ts',
    find: 'inspectionIsClosed(inspection)\n    ? closedNotice(id)',
    replace: 'false\n    ? closedNotice(id)',
    tests: ['test/integration/workbench-invitations.test.ts', 'test/integration/closed-rules.test.ts'],
    ruleAdded:
      'closed-rules.test.ts: no page of a closed inspection offers a form to fill in but for the writes that stay open (a real bug this round found: the invitations page offered "Issue the links" on a closed inspection; fixed)',
  },
  // Releases and reopening
  {
    id: 'hunt-reopen-keeps-case-ttl',
    what: "A reopening leaves the cases' TTL of the final release: the reopened inspection's cases are still deleted in two years",
    file: 'shared/domain/releases.ts',
    find: '    await setCaseRecordsExpiry(id, null, fence);\n    if (!(await finishReopen(',
    replace: '    if (!(await finishReopen(',
    tests: ['test/integration/life-cycle.test.ts'],
  },
  {
    id: 'hunt-draft-release-sets-ttl',
    what: "A factual-accuracy draft release sets the cases' TTL as a final one does",
    file: 'shared/domain/releases.ts',
    find: 'if (final) await setCaseRecordsExpiry(id, caseRetentionEpoch(',
    replace: 'await setCaseRecordsExpiry(id, caseRetentionEpoch(',
    tests: ['test/integration/releases.test.ts', 'test/integration/life-cycle.test.ts'],
  },
  {
    id: 'hunt-undo-release-links-closed',
    what: 'A final release undone after a failure leaves its questionnaire links closed',
    file: 'shared/domain/releases.ts',
    find: "  if (transition.kind === 'final') {\n    await reopenInspectionLinks(id, fence);\n",
    replace: "  if (transition.kind === 'final') {\n",
    tests: ['test/integration/life-cycle.test.ts'],
  },
  // The write-up's ETag
  {
    id: 'hunt-etag-weak-accepted',
    what: 'A weak ETag (W/"wu-3") is taken as naming the version',
    file: 'shared/domain/write-up.ts',
    find: 'const m = /^"wu-(\\d{1,12})"$/.exec(tag.trim());',
    replace: 'const m = /^(?:W\\/)?"wu-(\\d{1,12})"$/.exec(tag.trim());',
    tests: ['test/integration/write-up.test.ts'],
  },
  {
    id: 'hunt-etag-after-save-stale',
    what: 'A save answers with the ETag of the version it replaced, so the next save with it is refused',
    file: 'shared/domain/write-up.ts',
    find: 'return { inspectionId: inspection.inspectionId, writeUp: withIds, version, etag: etagOf(version) };',
    replace: 'return { inspectionId: inspection.inspectionId, writeUp: withIds, version, etag: etagOf(version - 1) };',
    tests: ['test/integration/write-up.test.ts'],
  },
  {
    id: 'hunt-write-up-put-unconditional',
    what: "The write-up's replacing put lost its version condition (only the read before it checks)",
    file: 'shared/store/write-up.ts',
    find: ": { ConditionExpression: 'version = :seen', ExpressionAttributeValues: { ':seen': basedOn } }),",
    replace: ': {}),',
    tests: ['test/integration/write-up.test.ts', 'test/reliability/races.test.ts'],
  },
  // Second marking
  {
    id: 'hunt-first-marker-seconds-json',
    what: 'The JSON route takes a second marking from the person who marked the case first',
    file: 'shared/domain/evidence.ts',
    find: 'if (first.current.updatedBy === user.sub) throw new Conflict(',
    replace: `if (first.current.updatedBy === \`\${user.sub} \`) throw new Conflict(`,
    tests: ['test/integration/evidence.test.ts', 'test/integration/workbench-evidence.test.ts'],
  },
  {
    id: 'hunt-agreement-counts-na',
    what: "Agreement counts a pair where one marker said 'na' (as a no)",
    file: 'shared/scoring/agreement.ts',
    find: "if ((first !== 'yes' && first !== 'no') || (second !== 'yes' && second !== 'no')) return;",
    replace: 'if (first === undefined || second === undefined) return;',
    tests: ['test/unit/agreement.property.test.ts'],
  },
  // The breakdowns' [c] threshold
  {
    id: 'hunt-threshold-constant-2',
    what: 'The small-number threshold is lowered from 3 to 2 (counts of 2 published)',
    file: 'shared/summaries/thresholds.ts',
    find: 'export const SUPPRESSION_THRESHOLD = 3;',
    replace: 'export const SUPPRESSION_THRESHOLD = 2;',
    tests: ['test/unit/disclosure.property.test.ts', 'test/integration/report-disclosure.test.ts'],
  },
  {
    id: 'hunt-score-min-cases-4',
    what: 'A score over 4 cases is published (the minimum lowered from 5 to 4)',
    file: 'shared/summaries/thresholds.ts',
    find: 'export const SCORE_MIN_CASES = 5;',
    replace: 'export const SCORE_MIN_CASES = 4;',
    tests: ['test/unit/breakdowns.property.test.ts', 'test/unit/question-breakdowns.property.test.ts', 'test/unit/disclosure.property.test.ts'],
  },
  {
    id: 'hunt-question-breakdown-le',
    what: "A question's group figure over exactly 5 cases is suppressed (<= for <)",
    file: 'shared/scoring/question-breakdowns.ts',
    find: 'return yes + no < SCORE_MIN_CASES ? SUPPRESSED : percent;',
    replace: 'return yes + no <= SCORE_MIN_CASES ? SUPPRESSED : percent;',
    tests: ['test/unit/question-breakdowns.property.test.ts', 'test/integration/question-breakdowns.test.ts'],
  },
  {
    id: 'hunt-published-question-one-case',
    what: 'A question answered in one case only is published (the suppression starts at 2)',
    file: 'shared/summaries/disclosure.ts',
    find: 'return relevant > 0 && relevant < SCORE_MIN_CASES ?',
    replace: 'return relevant > 1 && relevant < SCORE_MIN_CASES ?',
    tests: ['test/unit/disclosure.property.test.ts', 'test/integration/report-disclosure.test.ts'],
  },
  // Routing
  {
    id: 'hunt-routing-hidden-parent',
    what: "A question is asked when its condition's question was itself not asked, but a stale answer to it remains",
    file: 'shared/questionnaires/routing.ts',
    find: 'else if (asked.has(q.showIf.question) && chose(',
    replace: 'else if (chose(',
    tests: ['test/unit/routing.property.test.ts', 'test/integration/questionnaire-routing.test.ts'],
  },
  {
    id: 'hunt-routing-multi-first-only',
    what: 'A multi-choice condition looks at the first choice only',
    file: 'shared/questionnaires/routing.ts',
    find: "if (Array.isArray(raw)) return raw.some((v) => typeof v === 'string' && values.includes(v));",
    replace: "if (Array.isArray(raw)) return typeof raw[0] === 'string' && values.includes(raw[0]);",
    tests: ['test/unit/routing.property.test.ts', 'test/integration/questionnaire-routing.test.ts'],
  },
  // Paper returns

  {
    id: 'hunt-paper-brake-found-unchecked',
    what: 'A found reference is given past the brake (only misses are braked), so a guesser keeps learning',
    file: 'shared/domain/paper-returns.ts',
    find: 'if ((await referenceMisses(inspection.inspectionId, hour, who)) >= REFERENCE_LOOKUPS_CEILING) throw tooMany(hour, now);',
    replace: '',
    tests: ['test/integration/paper-returns.test.ts'],
    ruleAdded:
      'paper-returns.test.ts: past three times the brake in the same hour, a real reference is refused (the test judged the hour by the answer it was testing; now by the clock)',
  },
  // Reminders
  {
    id: 'hunt-reminders-include-answered',
    what: 'The reminders list includes invitations already answered',
    file: 'shared/domain/reminders.ts',
    find: "if (!answered.has(ref.invitationId) && invitationState({ expiresAt: ref.expiresAt }, now) === 'open') open.push(ref);",
    replace: "if (invitationState({ expiresAt: ref.expiresAt }, now) === 'open') open.push(ref);",
    tests: ['test/integration/workbench-invitations.test.ts', 'test/integration/paper-returns.test.ts'],
  },
  {
    id: 'hunt-reminders-include-expired',
    what: 'The reminders list includes expired invitations',
    file: 'shared/domain/reminders.ts',
    find: "if (!answered.has(ref.invitationId) && invitationState({ expiresAt: ref.expiresAt }, now) === 'open') open.push(ref);",
    replace: 'if (!answered.has(ref.invitationId)) open.push(ref);',
    tests: ['test/integration/workbench-invitations.test.ts', 'test/integration/paper-returns.test.ts', 'test/integration/paper-rules.test.ts'],
    ruleAdded:
      'paper-rules.test.ts: the reminders list exactly the invitations neither answered (online or on paper) nor expired, over one inspection with an invitation in every state',
  },
  // The aggregation dispatch
  {
    id: 'hunt-dispatch-window-seconds',
    what: 'The dispatch window is taken in ms from a figure in seconds: a unit is sent again on every run',
    file: 'shared/domain/dispatch.ts',
    find: 'Number(process.env.AGGREGATION_DISPATCH_WINDOW_S ?? QUEUE_VISIBILITY_TIMEOUT_S) * 1000;',
    replace: 'Number(process.env.AGGREGATION_DISPATCH_WINDOW_S ?? QUEUE_VISIBILITY_TIMEOUT_S);',
    tests: ['test/integration/aggregation.test.ts', 'test/integration/schedule-rules.test.ts'],
    ruleAdded: 'schedule-rules.test.ts: a stale inspection is handed over once by any number of runs within the 6-minute window, and again after it',
  },
  {
    id: 'hunt-heartbeat-counts-closed',
    what: 'The fieldwork heartbeat counts closed inspections in their fieldwork week',
    file: 'shared/domain/dispatch.ts',
    find: "filter((w) => w.status !== 'closed' && w.fieldworkStart <= today",
    replace: 'filter((w) => w.fieldworkStart <= today',
    tests: ['test/integration/aggregation.test.ts', 'test/integration/business-metrics.test.ts', 'test/integration/schedule-rules.test.ts'],
    ruleAdded:
      'schedule-rules.test.ts: the heartbeat counts exactly the open inspections in their fieldwork week on the day (boundaries included), a closed one never',
  },
  // Report-link withdrawal
  {
    id: 'hunt-withdraw-listing-only',
    what: "Withdrawing a link marks only the inspection's listing, not the token's record the link reads",
    file: 'shared/store/report-links.ts',
    find: 'await transact([update(keys.reportLinkListing(inspectionId, linkId)), update(keys.reportLink(Item.tokenHash as string))]);',
    replace: 'await transact([update(keys.reportLinkListing(inspectionId, linkId))]);',
    tests: ['test/integration/report-links.test.ts'],
  },
  // Retention TTLs
  {
    id: 'hunt-case-retention-hours',
    what: "The cases' TTL after a final release counts hours, not days",
    file: 'shared/domain/retention.ts',
    find: 'return Math.floor(now / 1000) + CASE_RETENTION_DAYS * 86_400;',
    replace: 'return Math.floor(now / 1000) + CASE_RETENTION_DAYS * 3_600;',
    tests: ['test/integration/life-cycle.test.ts', 'test/integration/privacy.test.ts'],
  },
  {
    id: 'hunt-session-ttl-ms',
    what: "A session's TTL is written in milliseconds (DynamoDB then never deletes it)",
    file: 'shared/store/sessions.ts',
    find: 'const epochOf = (iso: string) => Math.floor(Date.parse(iso) / 1000);',
    replace: 'const epochOf = (iso: string) => Date.parse(iso);',
    tests: ['test/integration/sessions.test.ts', 'test/integration/retention-rules.test.ts'],
    ruleAdded:
      "retention-rules.test.ts: every TTL in the table is whole seconds since the epoch within two years from now; a session's TTL is its end, 12 hours after signing in",
  },
  {
    id: 'hunt-report-link-ttl-hours',
    what: 'An expired report link is kept 7 hours rather than 7 days before TTL deletes it (so a withdrawn one answers 404, not 410, within the day)',
    file: 'shared/store/report-links.ts',
    find: 'KEEP_EXPIRED_REPORT_LINKS_DAYS * 86_400;',
    replace: 'KEEP_EXPIRED_REPORT_LINKS_DAYS * 3_600;',
    tests: ['test/integration/report-links.test.ts', 'test/integration/retention-rules.test.ts'],
    ruleAdded: 'retention-rules.test.ts: both records of a report link expire 7 days after the link stops working',
  },
  {
    id: 'hunt-stash-claim-ttl-ms',
    what: "The form stash's claim is kept with a TTL in milliseconds",
    file: 'shared/store/form-stash.ts',
    find: '[TABLE.ttlAttribute]: Math.ceil(expiresAtMs / 1000) },',
    replace: '[TABLE.ttlAttribute]: expiresAtMs },',
    tests: ['test/security/form-stash.test.ts', 'test/integration/retention-rules.test.ts'],
    ruleAdded:
      "retention-rules.test.ts: every TTL in the table is whole seconds since the epoch; a stash claim's is 30 minutes after the stash was kept",
  },
  // Welsh text selection
  {
    id: 'hunt-welsh-dates-english',
    what: 'Dates on Welsh pages are formatted in English ("31 December", not "31 Rhagfyr")',
    file: 'shared/web/common/strings.ts',
    find: "new Intl.DateTimeFormat(language === 'cy' ? 'cy' : 'en-GB', {",
    replace: "new Intl.DateTimeFormat('en-GB', {",
    tests: ['test/integration/welsh-coverage.test.ts', 'test/integration/questionnaires.test.ts', 'test/integration/welsh-rules.test.ts'],
    ruleAdded:
      'welsh-rules.test.ts: a respondent reading in Welsh (issued or switched) gets every page with lang=cy, none of the English texts of the tables, and no English month name',
  },
  {
    id: 'hunt-welsh-switch-ignored',
    what: "A respondent's switch to Welsh is ignored: the invitation's language wins",
    file: 'shared/domain/invitations.ts',
    find: 'const language = slot.language ?? invitation.language;',
    replace: 'const language = invitationOnly.language;',
    tests: ['test/integration/questionnaires.test.ts', 'test/integration/welsh-rules.test.ts'],
    ruleAdded: 'welsh-rules.test.ts: after a switch to Welsh every later page is Welsh (the same rule)',
  },
  {
    id: 'hunt-welsh-score-question-english',
    what: "The Welsh report prints the bank's questions in English in its scores",
    file: 'shared/web/report/scores.ts',
    find: "const welsh = ctx.lang === 'cy' ? bankQuestionCy(summary.questionBankVersion, q.id) : undefined;",
    replace: 'const welsh = undefined as string | undefined;',
    tests: ['test/integration/welsh-coverage.test.ts', 'test/integration/report.test.ts'],
  },
  {
    id: 'hunt-welsh-quote-lang-unmarked',
    what: 'An untranslated quotation in the Welsh report is not marked lang="en"',
    file: 'shared/web/report/service-users.ts',
    find: "const fallback = ctx.lang === 'cy' && !q.textCy;",
    replace: 'const fallback = false;',
    tests: ['test/integration/welsh-coverage.test.ts', 'test/integration/report.test.ts', 'test/integration/welsh-rules.test.ts'],
    ruleAdded: 'welsh-rules.test.ts: in the Welsh report every quotation given in English only stands in an element marked lang="en"',
  },
  // CSV formula escaping
  {
    id: 'hunt-csv-escape-off',
    what: 'The CSV writer no longer escapes formulas',
    file: 'shared/core/csv-out.ts',
    find: 'return stringify(rows as unknown[][], { escape_formulas: true });',
    replace: 'return stringify(rows as unknown[][]);',
    tests: ['test/security/csv-injection.test.ts'],
  },
  {
    id: 'hunt-plan-csv-by-hand',
    what: "The improvement plan's CSV quotes its cells by hand instead of going through the CSV writer",
    file: 'shared/domain/improvement-plan.ts',
    find: 'export function planToCsv(plan: ImprovementPlan): string {\n  return toCsv([',
    replace: String.raw`export function planToCsv(plan: ImprovementPlan): string {
  return ((rows: string[][]) => rows.map((r) => r.map((c) => '"' + c.replaceAll('"', '""') + '"').join(',')).join('\n') + '\n')([`,
    tests: ['test/security/csv-injection.test.ts', 'test/integration/plan-annex.test.ts', 'test/security/csv-rules.test.ts'],
    ruleAdded:
      "csv-rules.test.ts: no cell of the improvement plan's CSV (API and workbench) starts a formula, whatever is typed in its action, owner and progress notes (property over text starting = + - @ TAB CR)",
  },
  // The WAF's settings
  {
    id: 'hunt-waf-rate-limit-raised',
    what: "The respondents' per-IP limit is raised tenfold (600 to 6000 in 5 minutes)",
    file: 'infra/stacks/waf-stack.ts',
    find: 'export const RESPONDENT_RATE_LIMIT = 600;',
    replace: 'export const RESPONDENT_RATE_LIMIT = 6000;',
    tests: ['test/infra/waf-responses.test.ts', 'test/infra/waf-rules.test.ts'],
    ruleAdded: "waf-rules.test.ts: 600 requests per IP per 300 s, written as the design's numbers, with the 429's retry-after equal to the window",
  },
  {
    id: 'hunt-waf-managed-count-only',
    what: 'The AWS managed rule groups only count (override action count): nothing they match is blocked',
    file: 'infra/stacks/waf-stack.ts',
    find: 'overrideAction: { none: {} },',
    replace: 'overrideAction: { count: {} },',
    tests: ['test/infra/waf-responses.test.ts', 'test/infra/waf-rules.test.ts'],
    ruleAdded: "waf-rules.test.ts: every managed group's override action is none (its rules block); only SizeRestrictions_BODY is counted",
  },
  {
    id: 'hunt-waf-path-contains',
    what: "The respondent rules match a path containing /q/ anywhere, not starting with it (a workbench path can trip the respondents' limit)",
    file: 'infra/stacks/waf-stack.ts',
    find: "positionalConstraint: 'STARTS_WITH',",
    replace: "positionalConstraint: 'CONTAINS',",
    tests: ['test/infra/waf-responses.test.ts', 'test/infra/waf-rules.test.ts'],
    ruleAdded:
      "waf-rules.test.ts: each respondent rule, matched as WAF matches, covers exactly the token routes of the table and nothing else, anchored at the path's start",
  },
  {
    id: 'hunt-waf-window-one-minute',
    what: "The rate rule's window is one minute while the 429 page says to wait five",
    file: 'infra/stacks/waf-stack.ts',
    find: 'evaluationWindowSec: 300,',
    replace: 'evaluationWindowSec: 60,',
    tests: ['test/infra/waf-responses.test.ts', 'test/infra/waf-rules.test.ts'],
    ruleAdded: "waf-rules.test.ts: the rate window is 300 s and the 429's retry-after says the same",
  },
];
