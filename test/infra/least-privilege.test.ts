/**
 * Least privilege by key (issue 30, item 8): respondents' functions may touch only their links'
 * partitions. The patterns are checked against the store's real keys (an oracle apart from the
 * patterns: keys.ts builds the keys, IAM's StringLike is emulated), and the synthesized policies
 * against the patterns.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flatResources, type Resources } from './flat-template';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#infra/app';
import { REPORT_LINK_DENIED_KEYS, REPORT_LINK_LEADING_KEYS, RESPONDENT_LEADING_KEYS, stringLike } from '#infra/stacks/leading-keys';
import type { CollectorStack } from '#infra/stacks/collector-stack';
import { deployedRoutes, functionData, READ_ACTIONS, routes, type RouteSpec } from '#shared/routes';
import { keys } from '#store/keys';

const ROOT = new URL('../../', import.meta.url).pathname;
const CDK_CONTEXT = (JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

/** Functions every deployed route of which is a link route (access 'token'): anonymous people's. */
const respondentFns = [...new Set(deployedRoutes(routes as readonly RouteSpec[]).map((r) => r.fn))].filter((fn) =>
  deployedRoutes(routes as readonly RouteSpec[])
    .filter((r) => r.fn === fn)
    .every((r) => r.access === 'token'),
);
const matchesAny = (patterns: readonly string[], pk: string) => patterns.some((p) => stringLike(p, pk));
const id = fc.stringMatching(/^[0-9A-Za-z-]{8,40}$/);
const hash = fc.stringMatching(/^[0-9a-f]{64}$/);

let outdir: string;
let stack: CollectorStack;
let resources: Resources;
beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'omi-cdk-keys-'));
  ({ stack } = createApp({ outdir, context: { ...CDK_CONTEXT, stage: 'staging', 'aws:cdk:bundling-stacks': [] } }));
  resources = flatResources(stack);
}, 300_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe("respondents' functions and the table", () => {
  it('every function that serves only link routes and touches the table is limited by key', () => {
    const touching = respondentFns.filter((fn) => functionData[fn as keyof typeof functionData].actions.length > 0);
    expect(touching.length).toBeGreaterThanOrEqual(3);
    for (const fn of touching) expect(RESPONDENT_LEADING_KEYS[fn] ?? REPORT_LINK_LEADING_KEYS[fn], fn).toBeDefined();
  });

  it('the patterns take in every slot of every inspection, and no inspection, case, summary, report link or marker', () => {
    fc.assert(
      fc.property(id, hash, (inspectionId, tokenHash) => {
        for (const patterns of Object.values(RESPONDENT_LEADING_KEYS)) {
          expect(matchesAny(patterns, keys.slot(inspectionId, tokenHash).pk)).toBe(true);
          for (const other of [
            keys.inspection(inspectionId),
            keys.case(inspectionId, 'C1'),
            keys.response(inspectionId, 'i1'),
            keys.grade(inspectionId, '1.1'),
          ]) {
            expect(matchesAny(patterns, other.pk), other.pk).toBe(false);
          }
          expect(matchesAny(patterns, `REPORTLINK#${tokenHash}`)).toBe(false);
          expect(matchesAny(patterns, 'STALE')).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("a report link's patterns take in its link and its inspection's items, never a session, person, job or other partition; its denied ones every slot and nothing else", () => {
    const [allowed, denied] = [REPORT_LINK_LEADING_KEYS['report-link']!, REPORT_LINK_DENIED_KEYS['report-link']!];
    fc.assert(
      fc.property(id, hash, (inspectionId, tokenHash) => {
        for (const own of [
          keys.reportLink(tokenHash),
          keys.inspection(inspectionId),
          keys.release(inspectionId, 'r1'),
          keys.summary(inspectionId),
          keys.writeUp(inspectionId),
          keys.planAnnex(inspectionId, 'r1', 'a1'),
        ]) {
          expect(matchesAny(allowed, own.pk), own.pk).toBe(true);
          expect(matchesAny(denied, own.pk), own.pk).toBe(false);
        }
        for (const other of [
          keys.session(tokenHash),
          keys.person(inspectionId),
          keys.job(inspectionId),
          keys.idempotency(tokenHash),
          keys.stale(inspectionId),
          keys.formStashUsed(inspectionId),
        ]) {
          expect(matchesAny(allowed, other.pk), other.pk).toBe(false);
        }
        expect(matchesAny(denied, keys.slot(inspectionId, tokenHash).pk)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('the anonymous report-link routes run in a function of their own, which may only read', () => {
    const deployed = deployedRoutes(routes as readonly RouteSpec[]);
    const linkFns = new Set(deployed.filter((r) => r.path.startsWith('/reports/')).map((r) => r.fn));
    expect([...linkFns]).toEqual(['report-link']);
    // No staff route shares its role.
    expect(deployed.filter((r) => r.fn === 'report-link').every((r) => r.access === 'token')).toBe(true);
    const policies = Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Policy');
    const roleId = stack.getLogicalId((stack.functions.get('report-link')!.role as unknown as { node: { defaultChild: never } }).node.defaultChild);
    const statements = policies
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Effect: string; Action: string | string[]; Resource: unknown }[])
      .filter((st) => st.Effect === 'Allow' && JSON.stringify(st.Resource).includes('Table'));
    const actions = statements.flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]));
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions)
      expect(
        READ_ACTIONS.map((a) => `dynamodb:${a}`),
        action,
      ).toContain(action);
  });

  it('the synthesized policies carry the condition, exactly for those functions', () => {
    const policies = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::IAM::Policy');
    let limited = 0;
    for (const [fn, handler] of stack.functions) {
      const roleId = stack.getLogicalId((handler.role as unknown as { node: { defaultChild: never } }).node.defaultChild);
      const table = policies
        .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(roleId))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Sid?: string; Condition?: Record<string, Record<string, unknown>> }[])
        .find((st) => st.Sid === 'Table');
      if (!table) continue;
      const wanted = RESPONDENT_LEADING_KEYS[fn] ?? REPORT_LINK_LEADING_KEYS[fn];
      if (wanted) {
        limited++;
        expect(table.Condition, fn).toEqual({
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...wanted] },
          Null: { 'dynamodb:LeadingKeys': 'false' },
        });
      } else {
        expect(table.Condition, fn).toBeUndefined();
      }
    }
    expect(limited).toBe(Object.keys(RESPONDENT_LEADING_KEYS).length + Object.keys(REPORT_LINK_LEADING_KEYS).length);
    const denials = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Sid?: string; Effect: string; Condition?: unknown }[])
      .filter((st) => st.Sid === 'NotTheseKeys');
    expect(denials).toEqual([
      {
        ...denials[0],
        Effect: 'Deny',
        Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [...REPORT_LINK_DENIED_KEYS['report-link']!] } },
      },
    ]);
  });
});
