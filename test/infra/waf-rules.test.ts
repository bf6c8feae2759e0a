/**
 * The WAF's settings as rules over the synthesised web ACL (issue 32): what each rule does,
 * not only that it is there. The figures are the design's (infra/stacks/waf-stack.ts explains
 * them: 600 requests per IP per 5 minutes on the respondents' paths), written here as numbers,
 * not read back from the constants under test. Paths are matched the way WAF matches them
 * (positional constraint over the decoded, normalised path), against every route of the table:
 * a respondent rule covers every respondent and report-link route, and nothing else.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { WafStack } from '#infra/stacks/waf-stack';
import { routes } from '#shared/routes';

const template = Template.fromStack(new WafStack(new App(), 'WafRulesUnderTest', { stage: 'test', env: { region: 'us-east-1' } }));
const [, acl] = Object.entries(template.findResources('AWS::WAFv2::WebACL'))[0]!;
const props = (acl as { Properties: Record<string, any> }).Properties;
const rules = props.Rules as { Name: string; Priority: number; Action?: any; OverrideAction?: any; Statement: any }[];
const ruleNamed = (name: string) => rules.find((r) => r.Name === name)!;

/** The design's figures. */
const RATE_PER_IP = 600;
const RATE_WINDOW_S = 300;
/** The one managed rule counted rather than blocked: the respondent body rule takes its place with the service's own limit. */
const COUNTED_MANAGED_RULES = ['SizeRestrictions_BODY'];

/** Whether a statement matches a request for `path` (only the statement kinds a path rule uses). */
function matches(statement: any, path: string): boolean {
  if (statement.OrStatement) return statement.OrStatement.Statements.some((s: any) => matches(s, path));
  if (statement.AndStatement) return statement.AndStatement.Statements.every((s: any) => matches(s, path));
  if (statement.NotStatement) return !matches(statement.NotStatement.Statement, path);
  const byte = statement.ByteMatchStatement;
  if (byte?.FieldToMatch?.UriPath !== undefined) {
    const s = byte.SearchString as string;
    switch (byte.PositionalConstraint) {
      case 'STARTS_WITH':
        return path.startsWith(s);
      case 'ENDS_WITH':
        return path.endsWith(s);
      case 'EXACTLY':
        return path === s;
      case 'CONTAINS':
      case 'CONTAINS_WORD':
        return path.includes(s);
      default:
        throw new Error(`unknown positional constraint ${byte.PositionalConstraint}`);
    }
  }
  // Anything else (a body size, ...) is not about the path: true, so that an AND reads as its path part.
  return true;
}

/** A route's path as a request spells it: each parameter one plausible segment. */
const concrete = (path: string) => path.replace(/\{(\w+)\+?\}/g, (_, name: string) => `${name}0`);

describe("the WAF's rules", () => {
  it('blocks what the AWS managed groups match: no group is left counting, and only the body-size rule is overridden', () => {
    const managed = rules.filter((r) => r.Statement.ManagedRuleGroupStatement);
    expect(managed.length).toBeGreaterThanOrEqual(3);
    for (const rule of managed) {
      expect(rule.OverrideAction, rule.Name).toEqual({ None: {} });
      const overrides = (rule.Statement.ManagedRuleGroupStatement.RuleActionOverrides ?? []) as { Name: string; ActionToUse: any }[];
      for (const o of overrides) {
        expect(COUNTED_MANAGED_RULES, `${rule.Name}: ${o.Name}`).toContain(o.Name);
        expect(o.ActionToUse).toEqual({ Count: {} });
      }
    }
    // Our own rules block; the ACL lets through what no rule blocks.
    for (const rule of rules.filter((r) => !r.Statement.ManagedRuleGroupStatement))
      expect(Object.keys(rule.Action ?? {}), rule.Name).toEqual(['Block']);
    expect(props.DefaultAction).toEqual({ Allow: {} });
    const priorities = rules.map((r) => r.Priority);
    expect(new Set(priorities).size).toBe(priorities.length);
  });

  it(`limits each IP to ${RATE_PER_IP} requests in ${RATE_WINDOW_S} s on the respondents' paths, and the 429 says to wait that window out`, () => {
    const rate = ruleNamed('RespondentRatePerIp');
    const statement = rate.Statement.RateBasedStatement;
    expect({ limit: statement.Limit, window: statement.EvaluationWindowSec, key: statement.AggregateKeyType }).toEqual({
      limit: RATE_PER_IP,
      window: RATE_WINDOW_S,
      key: 'IP',
    });
    const headers = rate.Action.Block.CustomResponse.ResponseHeaders as { Name: string; Value: string }[];
    expect(Number(headers.find((h) => h.Name.toLowerCase() === 'retry-after')?.Value)).toBe(RATE_WINDOW_S);
  });

  it("scopes each respondent rule to exactly the respondents' and report links' routes, matching a path by its start", () => {
    const scoped = [
      ['RespondentRatePerIp', ruleNamed('RespondentRatePerIp').Statement.RateBasedStatement.ScopeDownStatement],
      ['RespondentBodySize', ruleNamed('RespondentBodySize').Statement],
    ] as const;
    for (const [name, statement] of scoped) {
      const wrong = routes
        .map((r) => ({ path: concrete(r.path), token: r.access === 'token' }))
        .filter((r) => matches(statement, r.path) !== r.token)
        .map((r) => `${r.path} (${r.token ? 'respondent route not covered' : 'not a respondent route, but covered'})`);
      expect(wrong, name).toEqual([]);
      // A path rule is anchored at the start of the path, whatever paths the table has today.
      const byteMatches = JSON.stringify(statement).match(/"PositionalConstraint":"\w+"/g) ?? [];
      expect(byteMatches.length, name).toBeGreaterThan(0);
      for (const m of byteMatches) expect(m, name).toBe('"PositionalConstraint":"STARTS_WITH"');
    }
    // A workbench page whose path merely contains a respondent prefix is not a respondent's.
    const rate = ruleNamed('RespondentRatePerIp').Statement.RateBasedStatement.ScopeDownStatement;
    expect(matches(rate, '/workbench/inspections/x/q/y')).toBe(false);
    expect(matches(rate, '/inspections/x/reports/y')).toBe(false);
  });
});
