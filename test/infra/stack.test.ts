/**
 * The CDK app's template, checked against the route table it is generated from, and the
 * cdk-nag AwsSolutions pack run exactly as `npx cdk synth` runs it. Every expectation about
 * routes and functions is derived from shared/routes.ts, so a new route is checked without
 * touching this file.
 *
 * Synthesis bundles every function with the local esbuild (no Docker), so each app is built
 * once per describe block (beforeAll), never per test.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, type CfnResource } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNag, createApp, STRICT_VALIDATION_CONTEXT } from '#infra/app';
import {
  API_5XX,
  ACCESS_LOG_FIELDS,
  FUNCTION_DEFAULTS,
  SCHEDULE_RETRIES,
  THROTTLE,
  isRoleList,
  type CollectorStack,
  type ScheduleSpec,
} from '#infra/stacks/collector-stack';
import { EXTRA_FILES, extraFilesHooks } from '#infra/stacks/extra-files';
import { PROD_SETTINGS } from './prod-settings';
import { flatResources } from './flat-template';
import { ROLES } from '#core/roles';
import {
  deployedRoutes,
  functionData,
  isReadOnly,
  isSessionRoute,
  queueConsumers,
  routeKeyOf,
  routes,
  schedules,
  streamConsumers,
  type DataAccess,
  type RouteSpec,
} from '#shared/routes';
import { TABLE } from '#store/table';

process.env.CDK_DISABLE_CLI_TELEMETRY = 'true';

const ROOT = new URL('../../', import.meta.url).pathname;
const CDK_CONTEXT = (JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
/** What AWS gets: any local stand-in is left out (the local sign-in is a separate OpenID Connect provider now, never a route). */
// The app always has the edge, which serves the static files from S3 in place of a function.
const ROUTES = deployedRoutes(routes as readonly RouteSpec[]).filter((r) => !r.servedByEdge);
const STAND_INS = (routes as readonly RouteSpec[]).filter((r) => r.localOnly);
const SYNTH_TIMEOUT = 900_000; // a crowded machine bundles ~35 functions slowly; a timeout, not a measurement

type Resources = Record<string, { Type: string; Properties?: any; DependsOn?: string[]; Metadata?: any }>;

interface Built {
  app: App;
  stack: CollectorStack;
  assembly: CloudAssembly;
  template: Template;
  resources: Resources;
  outdir: string;
}

const outdirs: string[] = [];

/** Synthesizes like `cdk synth`: cdk.json's context, cdk-nag registered, one synth. Throws on any finding. */
function build(stackProps?: Parameters<typeof createApp>[1]): Built {
  const outdir = mkdtempSync(join(tmpdir(), 'omi-cdk-'));
  outdirs.push(outdir);
  // prod: the stage that keeps everything (retained, deletion-protected).
  const { app, stack } = createApp({ outdir, context: { ...CDK_CONTEXT, stage: 'prod', ...PROD_SETTINGS } }, stackProps);
  const assembly = app.synth();
  const template = Template.fromStack(stack);
  return { app, stack, assembly, template, resources: flatResources(stack), outdir };
}

afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

function logicalId(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnResource);
}

/** The staged bundle of a function: its Code.S3Key is `<asset hash>.zip`, staged at cdk.out/asset.<hash>. */
function bundleDir(built: Built, fnLogicalId: string): string {
  const key = built.resources[fnLogicalId]!.Properties.Code.S3Key as string;
  expect(key).toMatch(/^[0-9a-f]{64}\.zip$/);
  return join(built.assembly.directory, `asset.${key.replace(/\.zip$/, '')}`);
}

function ofType(resources: Resources, type: string) {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

/** CDK's own deploy-time Lambda (BucketDeployment, which uploads the assets) is not one of ours. */
const CDK_DEPLOY_HELPER = /^CustomCDKBucketDeployment/;

function ownFunctions(resources: Resources) {
  return ofType(resources, 'AWS::Lambda::Function').filter(([id]) => !CDK_DEPLOY_HELPER.test(id));
}

/** Every IAM action granted to `roleId` by the policies attached to it. */
function actionsOf(resources: Resources, roleId: string): string[] {
  return ofType(resources, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: string | string[] }[])
    .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

/** Each deployed HTTP function's table access, as declared once per function (a local stand-in's function is never deployed). */
function expectedHttpFunctions(): Map<string, DataAccess> {
  const deployed = new Set<string>(ROUTES.map((r) => r.fn));
  return new Map(Object.entries(functionData).filter(([fn]) => deployed.has(fn)));
}

/** The role's DynamoDB statements are exactly the map's: its actions on the table, Query on gsi1 only where declared, never Scan. */
function checkGrants(built: Built, roleId: string, data: DataAccess) {
  const dynamo = actionsOf(built.resources, roleId).filter((a) => a.startsWith('dynamodb:'));
  expect(dynamo).not.toContain('dynamodb:Scan');
  const statements = ofType(built.resources, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Effect: string; Action: string | string[]; Resource: unknown }[])
    // A Deny only narrows what is allowed (a report link's slot partitions: test/infra/least-privilege.test.ts).
    .filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Action).includes('dynamodb:'));
  const tableArn = { 'Fn::GetAtt': [logicalId(built.stack, built.stack.table), 'Arn'] };
  const onTable = statements.filter((s) => JSON.stringify(s.Resource) === JSON.stringify(tableArn));
  const onIndex = statements.filter((s) => JSON.stringify(s.Resource).includes('/index/'));
  // A stream consumer's event source mapping reads the table's stream with the function's role: those four actions on the stream, nothing more.
  const streamArn = { 'Fn::GetAtt': [logicalId(built.stack, built.stack.table), 'StreamArn'] };
  const onStream = statements.filter((s) => JSON.stringify(s.Resource) === JSON.stringify(streamArn));
  for (const s of onStream) expect([s.Action].flat().sort()).toEqual(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator']);
  // ListStreams names no resource: CDK puts it on "*" beside X-Ray's actions.
  const listStreams = statements.filter(
    (s) =>
      s.Resource === '*' &&
      [s.Action]
        .flat()
        .filter((a) => a.startsWith('dynamodb:'))
        .join() === 'dynamodb:ListStreams',
  );
  expect(statements, JSON.stringify(statements)).toHaveLength(onTable.length + onIndex.length + onStream.length + listStreams.length);
  const actions = (s: { Action: string | string[] }[]) => s.flatMap((x) => (Array.isArray(x.Action) ? x.Action : [x.Action])).sort();
  expect(actions(onTable)).toEqual(data.actions.map((a) => `dynamodb:${a}`).sort());
  expect(actions(onIndex)).toEqual(data.index ? ['dynamodb:Query'] : []);
  for (const s of onIndex) expect(JSON.stringify(s.Resource)).toContain(`/index/${TABLE.gsi1.name}`);
  if (isReadOnly(data)) for (const a of dynamo) expect(a).toMatch(/^dynamodb:(GetItem|Query|BatchGetItem)$/);
}

function checkNagClean(built: Built) {
  // 1. The synth itself ran the plugin: its report is in the assembly and lists no violation.
  const report = JSON.parse(readFileSync(join(built.assembly.directory, 'validation-report.json'), 'utf8')) as {
    pluginReports: { pluginName?: string; violations?: unknown[] }[];
  };
  const open = report.pluginReports.flatMap((r) => r.violations ?? []);
  expect(open).toEqual([]);
  // 2. The pack again, directly: nothing unacknowledged, errors or warnings.
  const direct = new AwsSolutionsChecks().validateScope(built.app);
  expect(direct.violations.map((v) => `${v.severity} ${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`)).toEqual([]);
  expect(direct.success).toBe(true);
}

describe('the stack generated from shared/routes.ts', () => {
  let built: Built;
  beforeAll(() => {
    built = build();
  }, SYNTH_TIMEOUT);

  it('has one table: pk/sk strings, gsi1, on demand, PITR, deletion protection, SSE, TTL, retained', () => {
    const tables = ofType(built.resources, 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    built.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: TABLE.partitionKey, AttributeType: 'S' },
          { AttributeName: TABLE.sortKey, AttributeType: 'S' },
          { AttributeName: TABLE.gsi1.partitionKey, AttributeType: 'S' },
          { AttributeName: TABLE.gsi1.sortKey, AttributeType: 'S' },
        ]),
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
        GlobalSecondaryIndexes: [
          {
            IndexName: TABLE.gsi1.name,
            KeySchema: [
              { AttributeName: TABLE.gsi1.partitionKey, KeyType: 'HASH' },
              { AttributeName: TABLE.gsi1.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      },
    });
  });

  it('has a user pool without self sign-up, with a strong password policy and required TOTP MFA', () => {
    built.template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: Match.anyValue(),
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
      }),
    });
    const pool = ofType(built.resources, 'AWS::Cognito::UserPool')[0]![1];
    expect(pool.Properties.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
  });

  it('has one user pool group per role: admin, inspector, staff', () => {
    const groups = ofType(built.resources, 'AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
    expect(ROLES).toEqual(expect.arrayContaining(['admin', 'inspector', 'staff']));
  });

  it('has one Lambda function per distinct fn (plus one per schedule and consumer, and the origin authorizer), Node 24 on arm64', () => {
    const expected = expectedHttpFunctions();
    const fns = ownFunctions(built.resources);
    expect(fns).toHaveLength(expected.size + schedules.length + streamConsumers.length + queueConsumers.length + 1);
    for (const [, fn] of fns) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: FUNCTION_DEFAULTS.memorySize,
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
        Environment: { Variables: { TABLE_NAME: { Ref: expect.any(String) }, NODE_OPTIONS: '--enable-source-maps' } },
      });
    }
    for (const fn of expected.keys()) {
      const handler = built.stack.functions.get(fn);
      expect(handler, `a function for functions/${fn}.ts`).toBeDefined();
      const props = built.resources[logicalId(built.stack, handler!)]!.Properties;
      expect(props.Timeout).toBe(FUNCTION_DEFAULTS.httpTimeout.toSeconds());
      expect(props.Timeout).toBeLessThanOrEqual(29);
    }
  });

  it('bundles each function as one ESM file with its source map and its EXTRA_FILES', () => {
    for (const fn of expectedHttpFunctions().keys()) {
      const handler = built.stack.functions.get(fn)!;
      const dir = bundleDir(built, logicalId(built.stack, handler));
      expect(existsSync(join(dir, 'index.mjs')), `${fn}/index.mjs`).toBe(true);
      expect(existsSync(join(dir, 'index.mjs.map')), `${fn}/index.mjs.map`).toBe(true);
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code.startsWith('import{createRequire') || code.startsWith('import { createRequire')).toBe(true);
      for (const { to } of EXTRA_FILES[fn] ?? []) expect(existsSync(join(dir, to)), `${fn}: ${to}`).toBe(true);
    }
  });

  it('puts the texts beside every bundle that reads them (HTTP, queue, schedule and stream functions alike)', () => {
    let readers = 0;
    for (const [name, handler] of built.stack.functions) {
      const dir = bundleDir(built, logicalId(built.stack, handler));
      const sources = (JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as { sources: string[] }).sources;
      if (!sources.some((s) => s.endsWith('shared/text-files.ts'))) continue;
      readers++;
      for (const file of ['texts/bank/omi-2008.1.texts.json', 'texts/questionnaires/victim-2008.2.en.json']) {
        expect(existsSync(join(dir, file)), `${name}: ${file}`).toBe(true);
      }
    }
    // The questionnaire functions and the aggregation worker at least.
    expect(readers).toBeGreaterThanOrEqual(3);
  });

  it('grants each function exactly the table access its routes declare', () => {
    for (const [fn, data] of expectedHttpFunctions()) {
      const handler = built.stack.functions.get(fn)!;
      const roleId = logicalId(built.stack, handler.role as unknown as { node: { defaultChild?: unknown } });
      checkGrants(built, roleId, data);
    }
    // Nothing else in the stack gets table access behind the route table's back.
    const dynamoRoles = ofType(built.resources, 'AWS::IAM::Policy').filter(([, p]) =>
      JSON.stringify(p.Properties.PolicyDocument).includes('dynamodb:'),
    );
    for (const c of [
      ...streamConsumers.map((x) => ({ key: `stream:${x.fn}`, data: x.data })),
      ...queueConsumers.map((x) => ({ key: `queue:${x.fn}`, data: x.data })),
    ]) {
      const handler = built.stack.functions.get(c.key)!;
      checkGrants(built, logicalId(built.stack, handler.role as unknown as { node: { defaultChild?: unknown } }), c.data);
    }
    const withData =
      [...expectedHttpFunctions().values()].filter((d) => d.actions.length > 0).length +
      schedules.length +
      streamConsumers.length +
      queueConsumers.length;
    expect(dynamoRoles).toHaveLength(withData);
  });

  it('uses no AWS managed policies on the function roles', () => {
    const roles = ofType(built.resources, 'AWS::IAM::Role').filter(
      ([id, r]) => !CDK_DEPLOY_HELPER.test(id) && JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('lambda.amazonaws.com'),
    );
    expect(roles.length).toBe(built.stack.functions.size);
    for (const [, role] of roles) {
      expect(role.Properties.ManagedPolicyArns ?? []).toEqual([]);
    }
  });

  it('has every route of the route table, and no other, each integrated with its own function', () => {
    const routeResources = ofType(built.resources, 'AWS::ApiGatewayV2::Route');
    expect(routeResources.map(([, r]) => r.Properties.RouteKey).sort()).toEqual(ROUTES.map(routeKeyOf).sort());
    for (const route of ROUTES) {
      const key = routeKeyOf(route);
      const [, res] = routeResources.find(([, r]) => r.Properties.RouteKey === key)!;
      const integrationId = (res.Properties.Target['Fn::Join'][1] as unknown[])[1] as { Ref: string };
      const integration = built.resources[integrationId.Ref]!;
      const fnId = logicalId(built.stack, built.stack.functions.get(route.fn)!);
      // Through the function's alias `live` (infra/stacks/deploys.ts).
      const aliasId = logicalId(built.stack, built.stack.aliases.get(route.fn)!);
      expect(built.resources[aliasId]!.Properties.FunctionName, key).toEqual({ Ref: fnId });
      expect(integration.Properties.IntegrationUri, key).toEqual({ Ref: aliasId });
      expect(integration.Properties.PayloadFormatVersion).toBe('2.0');
    }
  });

  it('deploys no local sign-in: no stand-in route or function, and GET /sign-in once, to the provider', () => {
    const standInFns = new Set(STAND_INS.map((r) => r.fn));
    for (const fn of standInFns) {
      // A function that also serves a deployed route would be deployed with the stand-in's code.
      expect(
        ROUTES.some((r) => r.fn === fn),
        fn,
      ).toBe(false);
      expect(built.stack.functions.has(fn), fn).toBe(false);
    }
    const entries = JSON.stringify(built.resources);
    expect(entries).not.toContain('local-sign-in');
    expect(entries).not.toContain('oidc-provider');
    // GET /sign-in is deployed once: the function that redirects to Cognito's managed login.
    const signIn = ofType(built.resources, 'AWS::ApiGatewayV2::Route').filter(([, r]) => r.Properties.RouteKey === 'GET /sign-in');
    expect(signIn).toHaveLength(1);
    expect(ofType(built.resources, 'AWS::ApiGatewayV2::Route').some(([, r]) => r.Properties.RouteKey === 'POST /sign-in')).toBe(false);
  });

  it('signs the workbench in through a Cognito domain and an app client with the code grant, MFA still required', () => {
    expect(ofType(built.resources, 'AWS::Cognito::UserPoolDomain')).toHaveLength(1);
    const [, client] = ofType(built.resources, 'AWS::Cognito::UserPoolClient')[0]!;
    expect(client.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect(client.Properties.GenerateSecret ?? false).toBe(false);
    expect(JSON.stringify(client.Properties.CallbackURLs)).toContain('/auth/callback');
    expect(client.Properties.LogoutURLs).toHaveLength(1);
    const [, pool] = ofType(built.resources, 'AWS::Cognito::UserPool')[0]!;
    expect(pool.Properties.MfaConfiguration).toBe('ON');
    // The page functions get the session key's ARN (never its value) and secure cookies; the JSON functions get neither.
    for (const [fn, f] of built.stack.functions) {
      const env = (built.resources[logicalId(built.stack, f)]!.Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
      const isPage = ROUTES.some((r) => r.fn === fn && isSessionRoute(r));
      expect(env.OMI_SECURE_COOKIES, fn).toBe(isPage ? '1' : undefined);
      expect(env.OMI_SESSION_KEY_ARN !== undefined, fn).toBe(isPage);
      expect(env.OMI_SESSION_SECRET, fn).toBeUndefined();
      // The sign-in provider, by the same variables the local runner sets (shared/http/oidc.ts): Cognito's addresses.
      expect(env.OMI_OIDC_ISSUER !== undefined && env.OMI_OIDC_DOMAIN !== undefined && env.OMI_OIDC_CLIENT_ID !== undefined, fn).toBe(isPage);
    }
  });

  it('puts the JWT authorizer on exactly the JSON routes whose access is a role list, never on a page', () => {
    const authorizers = ofType(built.resources, 'AWS::ApiGatewayV2::Authorizer').filter(([, a]) => a.Properties.AuthorizerType === 'JWT');
    expect(authorizers).toHaveLength(1);
    const [authorizerId, authorizer] = authorizers[0]!;
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: logicalId(built.stack, built.stack.userPoolClient) }],
        Issuer: { 'Fn::Join': ['', expect.arrayContaining([{ Ref: logicalId(built.stack, built.stack.userPool) }])] },
      },
    });
    const routeResources = ofType(built.resources, 'AWS::ApiGatewayV2::Route');
    for (const route of ROUTES) {
      const key = routeKeyOf(route);
      const props = routeResources.find(([, r]) => r.Properties.RouteKey === key)![1].Properties;
      if (isRoleList(route.access) && !isSessionRoute(route)) {
        expect(props.AuthorizationType, key).toBe('JWT');
        expect(props.AuthorizerId, key).toEqual({ Ref: authorizerId });
      } else {
        // Only the edge's origin authorizer (test/infra/edge.test.ts): no token is ever demanded.
        expect(props.AuthorizationType, key).toBe('CUSTOM');
        expect(props.AuthorizerId, key).not.toEqual({ Ref: authorizerId });
      }
    }
  });

  it('leaves GET /health and GET /openapi.json open to anyone who comes through the edge', () => {
    for (const key of ['GET /health', 'GET /openapi.json']) {
      const found = ofType(built.resources, 'AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === key);
      expect(found, key).toBeDefined();
      const authorizer = built.resources[found![1].Properties.AuthorizerId.Ref]!;
      expect(found![1].Properties.AuthorizationType).toBe('CUSTOM');
      expect(authorizer.Properties.IdentitySource, key).toEqual(['$request.header.x-omi-origin-verify']);
    }
  });

  it('throttles the stage, and the token routes harder', () => {
    const stages = ofType(built.resources, 'AWS::ApiGatewayV2::Stage');
    expect(stages).toHaveLength(1);
    const [, stage] = stages[0]!;
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.AutoDeploy).toBe(true);
    expect(stage.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: THROTTLE.stage.rateLimit,
      ThrottlingBurstLimit: THROTTLE.stage.burstLimit,
    });
    expect(THROTTLE.tokenRoute.rateLimit).toBeLessThan(THROTTLE.stage.rateLimit);
    const tokenKeys = ROUTES.filter((r) => r.access === 'token').map(routeKeyOf);
    const settings = (stage.Properties.RouteSettings ?? {}) as Record<string, unknown>;
    expect(Object.keys(settings).sort()).toEqual([...tokenKeys].sort());
    for (const key of tokenKeys) {
      expect(settings[key]).toEqual({
        ThrottlingRateLimit: THROTTLE.tokenRoute.rateLimit,
        ThrottlingBurstLimit: THROTTLE.tokenRoute.burstLimit,
      });
      // Route settings name routes that must exist before the stage.
      const routeId = ofType(built.resources, 'AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === key)![0];
      expect(stage.DependsOn ?? []).toContain(routeId);
    }
  });

  it('writes JSON access logs to a log group, without paths, query strings or bodies', () => {
    const [, stage] = ofType(built.resources, 'AWS::ApiGatewayV2::Stage')[0]!;
    const { DestinationArn, Format } = stage.Properties.AccessLogSettings;
    const logGroupId = DestinationArn['Fn::GetAtt'][0] as string;
    expect(built.resources[logGroupId]!.Type).toBe('AWS::Logs::LogGroup');
    expect(built.resources[logGroupId]!.Properties.RetentionInDays).toBeGreaterThan(0);
    const format = JSON.parse(Format) as Record<string, string>;
    expect(format).toEqual(ACCESS_LOG_FIELDS);
    expect(format.requestId).toBe('$context.requestId');
    expect(format.routeKey).toBe('$context.routeKey');
    for (const leaky of [
      '$context.path',
      '$context.rawPath',
      '$input.body',
      '$context.querystring',
      '$request.querystring',
      '$context.identity.sourceIp',
    ]) {
      expect(Format).not.toContain(leaky);
    }
  });

  it('gives every function its own log group with a retention period', () => {
    for (const [, fn] of ownFunctions(built.resources)) {
      const group = built.resources[fn.Properties.LoggingConfig.LogGroup.Ref]!;
      expect(group.Type).toBe('AWS::Logs::LogGroup');
      expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
    }
  });

  it("alarms on the API's 5xx rate", () => {
    const rate = ofType(built.resources, 'AWS::CloudWatch::Alarm').find(([, a]) =>
      JSON.stringify(a.Properties.Metrics ?? []).includes('"MetricName":"5xx"'),
    )!;
    expect(rate[1].Properties).toMatchObject({ ComparisonOperator: 'GreaterThanThreshold', Threshold: API_5XX.percent });
    expect(JSON.stringify(rate[1].Properties.Metrics)).toContain(
      JSON.stringify({ Name: 'ApiId', Value: { Ref: logicalId(built.stack, built.stack.api) } }),
    );
  });

  it('outputs the API URL, user pool id, client id and table name', () => {
    const outputs = built.template.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'TableName']));
  });

  it('passes cdk-nag AwsSolutions with no unacknowledged finding', () => {
    checkNagClean(built);
  });
});

describe('a scheduled function (schedules is empty in the route table today)', () => {
  const schedule: ScheduleSpec = {
    fn: 'health',
    everySeconds: 90,
    summary: 'Test schedule',
    data: { actions: ['GetItem', 'Query', 'DeleteItem'], index: true },
  };
  let built: Built;
  beforeAll(() => {
    built = build({
      routes: [],
      schedules: [schedule],
      streamConsumers: [],
      queueConsumers: [],
      extraFiles: { health: [{ from: 'shared/store/table.ts', to: 'extra/table.ts' }] },
    });
  }, SYNTH_TIMEOUT);

  it('runs on an EventBridge rate rule, rounded up to whole minutes, with retries and a DLQ', () => {
    const fnId = logicalId(built.stack, built.stack.functions.get(`schedule:${schedule.fn}`)!);
    const queues = ofType(built.resources, 'AWS::SQS::Queue');
    expect(queues).toHaveLength(1);
    const [queueId] = queues[0]!;
    // The schedule invokes the function's alias `live` (infra/stacks/deploys.ts).
    const aliasId = logicalId(built.stack, built.stack.aliases.get(`schedule:${schedule.fn}`)!);
    expect(built.resources[aliasId]!.Properties.FunctionName).toEqual({ Ref: fnId });
    const rules = ofType(built.resources, 'AWS::Events::Rule').map(([, r]) => r.Properties);
    expect(rules).toEqual([
      expect.objectContaining({
        ScheduleExpression: 'rate(2 minutes)',
        State: 'ENABLED',
        Targets: [
          expect.objectContaining({
            Arn: { Ref: aliasId },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
            RetryPolicy: {
              MaximumRetryAttempts: SCHEDULE_RETRIES.deliveryRetryAttempts,
              MaximumEventAgeInSeconds: SCHEDULE_RETRIES.deliveryMaxEventAge.toSeconds(),
            },
          }),
        ],
      }),
    ]);
    // Failures inside the function (after Lambda's async retries) land in the same queue.
    expect(built.resources[fnId]!.Properties.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    expect(built.resources[fnId]!.Properties.Timeout).toBe(FUNCTION_DEFAULTS.scheduledTimeout.toSeconds());
    // No reserved concurrency: a new account's quota (10) refuses any, and overlapping runs claim each inspection once.
    expect(built.resources[fnId]!.Properties.ReservedConcurrentExecutions).toBeUndefined();
    // Lambda's own retries of a failed run, and an event old enough for both to happen: the
    // second retry starts about 1 + 2 minutes after the first two attempts, each up to the timeout.
    // Set per qualifier: the alias is what the schedule invokes.
    const [, invokeConfig] = ofType(built.resources, 'AWS::Lambda::EventInvokeConfig').find(([, c]) => c.Properties.Qualifier !== '$LATEST')!;
    expect(JSON.stringify(invokeConfig.Properties.Qualifier)).toContain(aliasId);
    expect(invokeConfig.Properties).toMatchObject({
      FunctionName: { Ref: fnId },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: SCHEDULE_RETRIES.functionMaxEventAge.toSeconds(),
    });
    const worstCase = 3 * FUNCTION_DEFAULTS.scheduledTimeout.toSeconds() + (1 + 2) * 60;
    expect(invokeConfig.Properties.MaximumEventAgeInSeconds).toBeGreaterThan(worstCase);
  });

  it('has an encrypted, SSL-only dead-letter queue with an alarm on messages sent to it', () => {
    const [queueId, queue] = ofType(built.resources, 'AWS::SQS::Queue')[0]!;
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    built.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
    built.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'NumberOfMessagesSent',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
    });
  });

  it('grants the scheduled function the table access its schedule declares', () => {
    const handler = built.stack.functions.get(`schedule:${schedule.fn}`)!;
    checkGrants(built, logicalId(built.stack, handler.role as unknown as { node: { defaultChild?: unknown } }), schedule.data);
  });

  it('copies EXTRA_FILES into the bundle after esbuild', () => {
    const handler = built.stack.functions.get(`schedule:${schedule.fn}`)!;
    const copied = join(bundleDir(built, logicalId(built.stack, handler)), 'extra', 'table.ts');
    expect(readFileSync(copied, 'utf8')).toBe(readFileSync(join(ROOT, 'shared/store/table.ts'), 'utf8'));
  });

  it('passes cdk-nag AwsSolutions with no unacknowledged finding', () => {
    checkNagClean(built);
  });
});

describe('EXTRA_FILES paths', () => {
  it('rejects paths that leave the repository or the bundle, and missing sources', () => {
    expect(() => extraFilesHooks('x', [{ from: '../etc/passwd', to: 'a' }], ROOT)).toThrow(/relative path/);
    expect(() => extraFilesHooks('x', [{ from: 'shared', to: '/abs' }], ROOT)).toThrow(/relative path/);
    expect(() => extraFilesHooks('x', [{ from: 'no/such/dir', to: 'a' }], ROOT)).toThrow(/does not exist/);
    expect(extraFilesHooks('x', [], ROOT)).toBeUndefined();
  });

  it('copies with quoted paths, creating the parent directory', () => {
    const root = mkdtempSync(join(tmpdir(), 'omi-extra-'));
    outdirs.push(root);
    mkdirSync(join(root, "it's here"));
    const hooks = extraFilesHooks('x', [{ from: "it's here", to: 'static/css' }], root)!;
    expect(hooks.beforeBundling('/in', '/out')).toEqual([]);
    expect(hooks.afterBundling('/in', '/out')).toEqual([`mkdir -p '/out/static' && cp -r '/in/it'\\''s here' '/out/static/css'`]);
  });
});

describe('the cdk-nag gate itself', () => {
  it('fails the synth on an unacknowledged finding', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'omi-cdk-neg-'));
    outdirs.push(outdir);
    const app = new App({ outdir, context: CDK_CONTEXT, postCliContext: STRICT_VALIDATION_CONTEXT });
    new Queue(new Stack(app, 'Negative'), 'PlainQueue', { enforceSSL: false });
    addNag(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4|Validation failed/);
  });
});
