/**
 * The edge's answers to a blocked respondent and its path matching (issue 26, findings 8 and
 * 9), in the WAF stack's template: a respondent over the per-IP limit gets the service's own
 * "too many attempts" page (429, in English and Welsh, every page's security headers, within
 * WAF's 4 KB body limit), and every rule that matches a path matches it decoded and normalised,
 * so `/%71/...` or `//q/...` cannot go round the respondent rules.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { WafStack } from '#infra/stacks/waf-stack';
import { pageText } from '#questionnaires/index';

const template = Template.fromStack(new WafStack(new App(), 'WafUnderTest', { stage: 'test', env: { region: 'us-east-1' } }));
const [, acl] = Object.entries(template.findResources('AWS::WAFv2::WebACL'))[0]!;
const props = (acl as { Properties: Record<string, any> }).Properties;
const ruleNamed = (name: string) => (props.Rules as { Name: string; Action?: any; Statement: any }[]).find((r) => r.Name === name)!;

/** Every object in a tree, depth first. */
function* objects(node: unknown): Generator<Record<string, any>> {
  if (!node || typeof node !== 'object') return;
  if (!Array.isArray(node)) yield node as Record<string, any>;
  for (const child of Object.values(node)) yield* objects(child);
}

describe('the WAF', () => {
  it('answers a respondent over the per-IP limit with the service’s 429 page and every page’s security headers', () => {
    const custom = ruleNamed('RespondentRatePerIp').Action.Block.CustomResponse;
    expect(custom.ResponseCode).toBe(429);
    const headers = Object.fromEntries((custom.ResponseHeaders as { Name: string; Value: string }[]).map((h) => [h.Name.toLowerCase(), h.Value]));
    expect(Object.keys(headers).sort()).toEqual(
      [
        'cache-control',
        'content-security-policy',
        'referrer-policy',
        'retry-after',
        'strict-transport-security',
        'x-content-type-options',
        'x-frame-options',
      ].sort(),
    );
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['cache-control']).toBe('no-store');
    expect(Number(headers['retry-after'])).toBeGreaterThan(0);
    const body = props.CustomResponseBodies[custom.CustomResponseBodyKey];
    expect(body.ContentType).toBe('TEXT_HTML');
    expect(Buffer.byteLength(body.Content)).toBeLessThanOrEqual(4096);
    for (const words of [
      pageText.en.tooManyRequestsTitle,
      pageText.en.tooManyRequestsBody,
      pageText.cy.tooManyRequestsTitle,
      pageText.cy.tooManyRequestsBody,
    ]) {
      expect(body.Content).toContain(words.replace(/'/g, '&#39;'));
    }
    expect(body.Content).toMatch(/^<!DOCTYPE html>\n<html lang="en" class="govuk-template">/);
    expect(body.Content).toContain('<div lang="cy">');
    expect(body.Content).toMatch(/<link rel="stylesheet" href="\/assets\/css\/govuk-frontend\.min\.css/);
  });

  it('matches every path decoded and normalised, never as spelt', () => {
    const pathMatches = [...objects(props.Rules)].filter((o) => o.FieldToMatch?.UriPath !== undefined);
    expect(pathMatches.length).toBeGreaterThanOrEqual(6);
    for (const match of pathMatches) {
      const types = (match.TextTransformations as { Priority: number; Type: string }[]).sort((a, b) => a.Priority - b.Priority).map((t) => t.Type);
      expect(types).toEqual(['URL_DECODE', 'NORMALIZE_PATH']);
    }
    // The managed rule groups bring their own transformations; nothing of ours narrows them to a path as spelt.
    for (const group of [...objects(props.Rules)].filter((o) => o.ManagedRuleGroupStatement)) {
      expect(group.ManagedRuleGroupStatement.ScopeDownStatement).toBeUndefined();
    }
  });
});
