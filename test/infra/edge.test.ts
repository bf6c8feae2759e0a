/**
 * The edge (issue 30, items 3 and 4). The origin behind the edge only: on the synthesized prod template, every
 * route has an authorizer; every route without Cognito's JWT authorizer has the origin authorizer,
 * whose identity source is CloudFront's header (so API Gateway refuses a request without it,
 * invoking nothing) and whose cached answers turn over inside the runbook's rotation wait; its
 * function may read the origin secret and nothing else. The edge's logs: CloudFront's standard
 * logs, delivered in us-east-1 with the chosen fields only (none that names or follows a person or
 * carries a token), kept as long as the WAF's log.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#infra/app';
import { EDGE_LOG } from '#infra/stacks/edge-logs';
import { WAF_LOG } from '#infra/stacks/waf-stack';
import { WatchStack } from '#infra/stacks/watch-stack';
import { ORIGIN_AUTHORIZER_CACHE, type CollectorStack } from '#infra/stacks/collector-stack';
import { ORIGIN_VERIFY_HEADER } from '#http/origin-verify';
import { deployedRoutes, isSessionRoute, routeKeyOf, routes, type RouteSpec } from '#shared/routes';
import { flatResources, type Resources } from './flat-template';
import { PROD_SETTINGS } from './prod-settings';

const ROOT = new URL('../../', import.meta.url).pathname;
const CDK_CONTEXT = (JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
const ofType = (resources: Resources, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

let outdir: string;
let stack: CollectorStack;
let resources: Resources;
let watch: WatchStack;
beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'omi-cdk-origin-'));
  ({ stack } = createApp({ outdir, context: { ...CDK_CONTEXT, stage: 'prod', ...PROD_SETTINGS, 'aws:cdk:bundling-stacks': [] } }));
  // The functions and their roles live in the nested Functions stack (deploys.ts): read them folded in.
  resources = flatResources(stack);
  watch = stack.node.root.node.children.find((c): c is WatchStack => c instanceof WatchStack)!;
}, 300_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** The oracle for which routes are the JSON ones: the route table, not the stack's own choice. */
const jsonRoute = (route: RouteSpec) => Array.isArray(route.access) && !isSessionRoute(route);
const deployed = () => deployedRoutes(routes as readonly RouteSpec[]).filter((r) => !r.servedByEdge);

function originAuthorizer(): [string, { Properties?: any }] {
  const lambda = ofType(resources, 'AWS::ApiGatewayV2::Authorizer').filter(([, a]) => a.Properties.AuthorizerType === 'REQUEST');
  expect(lambda).toHaveLength(1);
  return lambda[0]!;
}

describe('the origin behind the edge only', () => {
  it("gives every route an authorizer: the JSON routes Cognito's JWT, every other route the origin authorizer", () => {
    const [originId] = originAuthorizer();
    const [jwtId] = ofType(resources, 'AWS::ApiGatewayV2::Authorizer').find(([, a]) => a.Properties.AuthorizerType === 'JWT')!;
    const byKey = new Map(ofType(resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => [r.Properties.RouteKey as string, r.Properties]));
    expect(byKey.size).toBe(deployed().length);
    let origin = 0;
    for (const route of deployed()) {
      const key = routeKeyOf(route);
      const props = byKey.get(key);
      expect(props, key).toBeDefined();
      expect(props.AuthorizationType, key).not.toBe('NONE');
      if (jsonRoute(route)) {
        expect({ type: props.AuthorizationType, id: props.AuthorizerId }, key).toEqual({ type: 'JWT', id: { Ref: jwtId } });
      } else {
        expect({ type: props.AuthorizationType, id: props.AuthorizerId }, key).toEqual({ type: 'CUSTOM', id: { Ref: originId } });
        origin++;
      }
    }
    // The respondents', the pages, /health and the other public routes: most of the API.
    expect(origin).toBeGreaterThan(50);
  });

  it("takes CloudFront's header as its identity source, answers simply, and calls the origin authorizer function", () => {
    const [, { Properties: props }] = originAuthorizer();
    // A request without the header is refused by API Gateway itself (401), with no invocation.
    expect(props.IdentitySource).toEqual([`$request.header.${ORIGIN_VERIFY_HEADER}`]);
    expect(props).toMatchObject({
      AuthorizerPayloadFormatVersion: '2.0',
      EnableSimpleResponses: true,
      AuthorizerResultTtlInSeconds: ORIGIN_AUTHORIZER_CACHE.toSeconds(),
    });
    // Through its alias `live`, as every caller of a function (deploys.ts).
    const alias = stack.aliases.get('authorizer:origin-authorizer')!;
    expect(JSON.stringify(props.AuthorizerUri)).toContain(stack.getLogicalId(alias.node.defaultChild as never));
  });

  it("caches answers for less than the runbook's wait: key cache plus answer cache fit before CloudFront moves to a new value", () => {
    expect(ORIGIN_AUTHORIZER_CACHE.toSeconds()).toBeGreaterThan(0);
    const runbook = readFileSync(join(ROOT, 'docs/runbook.md'), 'utf8');
    const rotation = runbook.slice(runbook.indexOf('rotate-keys.ts rotate origin'));
    const wait = Number(/sleep (\d+)/.exec(rotation)![1]);
    // The functions' and the authorizer's read of the key ring: OMI_KEYS_CACHE_S's default (shared/core/key-ring.ts).
    const keyCacheS = 300;
    expect(keyCacheS + ORIGIN_AUTHORIZER_CACHE.toSeconds()).toBeLessThanOrEqual(wait);
    // And well inside the 5 minutes between CloudFront's last old value and `retire`.
    expect(ORIGIN_AUTHORIZER_CACHE.toSeconds()).toBeLessThan(300);
  });

  it('runs a function of its own that may read the origin secret and no other, and no table', () => {
    const fn = stack.functions.get('authorizer:origin-authorizer')!;
    const roleId = stack.getLogicalId((fn.role as unknown as { node: { defaultChild: never } }).node.defaultChild);
    const statements = ofType(resources, 'AWS::IAM::Policy')
      .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const [originSecret] = ofType(resources, 'AWS::SecretsManager::Secret').find(([id]) => id.startsWith('OriginVerifySecret'))!;
    const secretReads = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('secretsmanager:')));
    expect(secretReads.map((s) => s.Resource)).toEqual([{ Ref: originSecret }]);
    expect(JSON.stringify(statements)).not.toContain('dynamodb:');
    const env = resources[stack.getLogicalId(fn.node.defaultChild as never)]!.Properties!.Environment.Variables as Record<string, unknown>;
    expect(env.OMI_ORIGIN_KEY_ARN).toEqual({ Ref: originSecret });
    expect(env.OMI_SESSION_KEY_ARN).toBeUndefined();
    expect(env.OMI_INVITATION_KEY_ARN).toBeUndefined();
  });
});

/**
 * CloudFront's field names (standard and real-time logs) that hold a client's address, what they
 * asked for (a respondent's path carries their token), their cookies or what identifies their browser.
 */
const PERSONAL_FIELDS = [
  'c-ip',
  'c-ip-version',
  'c-port',
  'x-forwarded-for',
  'cs-uri-stem',
  'cs-uri-query',
  'cs(Cookie)',
  'cs-cookie',
  'cs(Referer)',
  'cs-referer',
  'cs(User-Agent)',
  'cs-user-agent',
  'cs-headers',
  'cs-header-names',
  'cs(Host)',
  'cs-host',
  'x-host-header',
  'asn',
];

describe("the edge's logs", () => {
  it("delivers CloudFront's standard logs of the distribution, in us-east-1, to a log group kept as long as the WAF's", () => {
    expect(watch.region).toBe('us-east-1');
    const edge = Template.fromStack(watch).toJSON().Resources as Resources;
    const [, source] = ofType(edge, 'AWS::Logs::DeliverySource')[0]!;
    expect(source.Properties.LogType).toBe('ACCESS_LOGS');
    expect(JSON.stringify(source.Properties.ResourceArn)).toMatch(/cloudfront::.*distribution\//);
    const [destinationId, destination] = ofType(edge, 'AWS::Logs::DeliveryDestination')[0]!;
    const [logGroupId, logGroup] = ofType(edge, 'AWS::Logs::LogGroup').find(([id]) =>
      JSON.stringify(destination.Properties.DestinationResourceArn).includes(id),
    )!;
    expect(logGroupId).toBeDefined();
    expect(logGroup.Properties.RetentionInDays).toBe(WAF_LOG.retention);
    const deliveries = ofType(edge, 'AWS::Logs::Delivery');
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]![1].Properties.DeliveryDestinationArn).toEqual({ 'Fn::GetAtt': [destinationId, 'Arn'] });
  });

  it('records the chosen fields only, and none that names or follows a person or carries a token', () => {
    const edge = Template.fromStack(watch).toJSON().Resources as Resources;
    const fields = ofType(edge, 'AWS::Logs::Delivery')[0]![1].Properties.RecordFields as string[];
    expect(fields).toEqual([...EDGE_LOG.fields]);
    for (const field of PERSONAL_FIELDS) expect(fields, field).not.toContain(field);
    // What an operator needs to find a refusal: when, the status, and the request id the WAF's log carries too.
    for (const field of ['date', 'time', 'sc-status', 'x-edge-request-id', 'x-edge-result-type']) expect(fields, field).toContain(field);
  });
});
