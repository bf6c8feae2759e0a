/**
 * Deploys you can undo, room to grow, and queues that wait long enough (issue 30, items 6 and
 * 10), on the synthesized templates of both stages. Bundling is skipped: nothing here reads a
 * bundle, only the resources around it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack, type CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#infra/app';
import { API_5XX, type CollectorStack } from '#infra/stacks/collector-stack';
import { LIVE_ALIAS } from '#infra/stacks/deploys';
import { queueConsumers } from '#shared/routes';
import { PROD_SETTINGS, EMAIL } from './prod-settings';
import { flatResources, nestedStacksOf, type Resources } from './flat-template';

process.env.CDK_DISABLE_CLI_TELEMETRY = 'true';

const ROOT = new URL('../../', import.meta.url).pathname;
const CDK_CONTEXT = (JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
/** CloudFormation's limit of resources in one stack (nested stacks count on their own). */
const STACK_RESOURCE_LIMIT = 500;
const MORE_FUNCTIONS = 20;

const ofType = (resources: Resources, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const refTo = (id: string) => JSON.stringify({ Ref: id });

const dirs: string[] = [];
/** Both stages side by side, as production.test.ts builds them, with `stackProps` for every stage. */
function buildStages(stackProps: Parameters<typeof createApp>[1] = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'omi-cdk-deploys-'));
  dirs.push(outdir);
  const prodOnly = Object.fromEntries(Object.entries(PROD_SETTINGS).map(([k, v]) => [`prod.${k}`, v]));
  const built = createApp({ outdir, context: { ...CDK_CONTEXT, alarmEmail: EMAIL, ...prodOnly, 'aws:cdk:bundling-stacks': [] } }, stackProps, [
    'staging',
    'prod',
  ]);
  built.app.synth();
  return built;
}

/** Resources in each stack of the app, nested stacks on their own, by construct path. */
function countsByStack(app: ReturnType<typeof createApp>['app']): Map<string, number> {
  const all = app.node.findAll().filter((c): c is Stack => Stack.isStack(c));
  return new Map(all.map((s) => [s.node.path, Object.keys(Template.fromStack(s).toJSON().Resources ?? {}).length]));
}

let stacks: { stage: string; stack: CollectorStack; resources: Resources }[];
let app: ReturnType<typeof createApp>['app'];

beforeAll(() => {
  const built = buildStages();
  app = built.app;
  stacks = built.stacks.map((stack) => ({ stage: stack.config.stage, stack, resources: flatResources(stack) }));
}, 900_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function fnIdOf(stack: CollectorStack, key: string): string {
  return stack.getLogicalId(stack.functions.get(key)!.node.defaultChild as CfnResource);
}

/** The alias in front of each function, by the function's key. */
function aliasesOf(stack: CollectorStack, resources: Resources): Map<string, [string, Resources[string]]> {
  const aliases = ofType(resources, 'AWS::Lambda::Alias');
  return new Map(
    [...stack.functions.keys()].map((key) => {
      const mine = aliases.filter(([, a]) => JSON.stringify(a.Properties.FunctionName) === refTo(fnIdOf(stack, key)));
      expect(mine, key).toHaveLength(1);
      return [key, mine[0]!];
    }),
  );
}

describe('deploys you can undo', () => {
  it('publishes every function as a version behind the alias `live`', () => {
    for (const { stage, stack, resources } of stacks) {
      for (const [key, [id, alias]] of aliasesOf(stack, resources)) {
        expect(alias.Properties.Name, `${stage} ${key}`).toBe(LIVE_ALIAS);
        const [versionId] = alias.Properties.FunctionVersion['Fn::GetAtt'] as [string, string];
        expect(resources[versionId], `${stage} ${id}`).toMatchObject({
          Type: 'AWS::Lambda::Version',
          Properties: { FunctionName: { Ref: fnIdOf(stack, key) } },
        });
      }
    }
  });

  it('has every caller invoke the alias: the API, the queues, the stream and the schedule, never a function itself', () => {
    for (const { stage, stack, resources } of stacks) {
      const aliasIds = new Set([...aliasesOf(stack, resources).values()].map(([id]) => id));
      const fnIds = new Set([...stack.functions.keys()].map((key) => fnIdOf(stack, key)));
      const invokes = (value: unknown) => {
        const text = JSON.stringify(value);
        expect(
          [...fnIds].filter((id) => text.includes(`"${id}"`)),
          text,
        ).toEqual([]);
        return [...aliasIds].filter((id) => text.includes(`{"Ref":"${id}"}`));
      };
      const integrations = ofType(resources, 'AWS::ApiGatewayV2::Integration');
      expect(integrations.length).toBeGreaterThan(10);
      for (const [id, i] of integrations) expect(invokes(i.Properties.IntegrationUri), `${stage} ${id}`).toHaveLength(1);
      const mappings = ofType(resources, 'AWS::Lambda::EventSourceMapping');
      expect(mappings.length).toBeGreaterThanOrEqual(queueConsumers.length + 1);
      for (const [id, m] of mappings) expect(invokes(m.Properties.FunctionName), `${stage} ${id}`).toHaveLength(1);
      const targets = ofType(resources, 'AWS::Events::Rule').flatMap(([, r]) => r.Properties.Targets as { Arn: unknown }[]);
      expect(targets.length).toBeGreaterThan(0);
      for (const t of targets) expect(invokes(t.Arn)).toHaveLength(1);
      // Lambda's permissions to be invoked: on the alias, which is what is called.
      for (const [id, p] of ofType(resources, 'AWS::Lambda::Permission')) {
        if (/^CustomCDK|AWS679f53fac002430cb0da5b7982bd2287/.test(id)) continue;
        expect(invokes(p.Properties.FunctionName), `${stage} ${id}`).toHaveLength(1);
      }
    }
  });

  it("hands each alias's move to CodeDeploy, which shifts traffic gradually and rolls back by itself on the alarms", () => {
    for (const { stage, stack, resources } of stacks) {
      const [application] = ofType(resources, 'AWS::CodeDeploy::Application').map(([, a]) => a.Properties.ApplicationName as string);
      const groups = new Map(
        ofType(resources, 'AWS::CodeDeploy::DeploymentGroup').map(([, g]) => [g.Properties.DeploymentGroupName as string, g.Properties]),
      );
      const alarms = Object.fromEntries(ofType(resources, 'AWS::CloudWatch::Alarm'));
      const [api5xxId] = Object.entries(alarms).find(([, a]) =>
        JSON.stringify(a.Properties.Metrics ?? []).includes(`IF(errors >= ${API_5XX.minErrors}`),
      )!;
      for (const [key, [, alias]] of aliasesOf(stack, resources)) {
        const where = `${stage} ${key}`;
        // The update policy names the group and application as strings, which must be theirs.
        const update = alias.UpdatePolicy?.CodeDeployLambdaAliasUpdate;
        expect(update?.ApplicationName, where).toBe(application);
        const group = groups.get(update?.DeploymentGroupName)!;
        expect(group, where).toBeDefined();
        expect(group.ApplicationName, where).toEqual({ Ref: ofType(resources, 'AWS::CodeDeploy::Application')[0]![0] });
        expect(group.DeploymentStyle, where).toEqual({ DeploymentType: 'BLUE_GREEN', DeploymentOption: 'WITH_TRAFFIC_CONTROL' });
        // Gradual: a canary or linear shift, never all at once.
        expect(group.DeploymentConfigName, where).toMatch(/^CodeDeployDefault\.Lambda(Canary|Linear)\d+Percent/);
        expect(group.AutoRollbackConfiguration.Enabled, where).toBe(true);
        expect(group.AutoRollbackConfiguration.Events, where).toEqual(
          expect.arrayContaining(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST']),
        );
        expect(group.AlarmConfiguration.Enabled, where).toBe(true);
        const watched = (group.AlarmConfiguration.Alarms as { Name: { Ref: string } }[]).map((a) => alarms[a.Name.Ref]!);
        // The function's own failures through its alias, minute by minute, so a canary of a tenth is seen.
        const functionName = resources[fnIdOf(stack, key)]!.Properties.FunctionName as string;
        expect(typeof functionName, where).toBe('string');
        const own = watched.find((a) => a.Properties.MetricName === 'Errors')!;
        expect(own.Properties, where).toMatchObject({
          Namespace: 'AWS/Lambda',
          Period: 60,
          Threshold: 0,
          ComparisonOperator: 'GreaterThanThreshold',
        });
        expect(own.Properties.Dimensions, where).toEqual(
          expect.arrayContaining([
            { Name: 'FunctionName', Value: functionName },
            { Name: 'Resource', Value: `${functionName}:${LIVE_ALIAS}` },
          ]),
        );
        // A function people call also rolls back when the API's 5xx rate pages.
        const http = !/^(schedule|queue|stream):/.test(key);
        expect(JSON.stringify(group.AlarmConfiguration.Alarms).includes(refTo(api5xxId)), where).toBe(http);
      }
    }
  });

  it('creates the deployment groups before the aliases that name them', () => {
    for (const { stack } of stacks) {
      const parent = Template.fromStack(stack).toJSON().Resources as Resources;
      const nested = nestedStacksOf(stack);
      const holding = (type: string) => nested.find((n) => ofType(Template.fromStack(n).toJSON().Resources ?? {}, type).length > 0)!;
      const aliasesStack = stack.getLogicalId(holding('AWS::Lambda::Alias').nestedStackResource!);
      const groupsStack = stack.getLogicalId(holding('AWS::CodeDeploy::DeploymentGroup').nestedStackResource!);
      expect(aliasesStack).not.toBe(groupsStack);
      expect(parent[aliasesStack]!.DependsOn).toContain(groupsStack);
    }
  });
});

describe('room to grow', () => {
  let empty: ReturnType<typeof buildStages>;
  beforeAll(() => {
    // The same stages with no function at all: what is left is what the functions do not cost.
    empty = buildStages({ routes: [], schedules: [], queueConsumers: [], streamConsumers: [], extraFiles: {} });
  }, 900_000);

  it(`leaves room in every stack for ${MORE_FUNCTIONS} more functions at what a function costs today`, () => {
    const full = countsByStack(app);
    const without = countsByStack(empty.app);
    expect([...without.keys()].sort()).toEqual([...full.keys()].sort());
    const functions = stacks[0]!.stack.functions.size;
    expect(empty.stacks[0]!.functions.size).toBe(0);
    for (const [path, count] of full) {
      const stageFunctions = stacks.find(({ stack }) => path.startsWith(stack.node.path))?.stack.functions.size ?? functions;
      // Routes, integrations, permissions, queues and alarms included: the average over today's functions.
      const perFunction = (count - without.get(path)!) / stageFunctions;
      const room = STACK_RESOURCE_LIMIT - count;
      console.log(
        `${path}: ${count} resources, ${perFunction.toFixed(1)} a function, room for ${perFunction > 0 ? Math.floor(room / perFunction) : 'any number of'} more`,
      );
      expect(count + MORE_FUNCTIONS * perFunction, path).toBeLessThanOrEqual(STACK_RESOURCE_LIMIT);
    }
  });
});

describe('queues that wait long enough', () => {
  it("hides a message for six times its consumer's timeout, and the dispatcher waits as long before sending a unit again", () => {
    for (const { stage, resources } of stacks) {
      const sqsMappings = ofType(resources, 'AWS::Lambda::EventSourceMapping').filter(([, m]) =>
        JSON.stringify(m.Properties.EventSourceArn).includes('Queue'),
      );
      expect(sqsMappings, stage).toHaveLength(queueConsumers.length);
      for (const [id, m] of sqsMappings) {
        const [queueId] = m.Properties.EventSourceArn['Fn::GetAtt'] as [string, string];
        const aliasId = (JSON.stringify(m.Properties.FunctionName).match(/\{"Ref":"([^"]+)"\}/) ?? [])[1]!;
        const fnId = resources[aliasId]!.Properties.FunctionName.Ref as string;
        const timeout = resources[fnId]!.Properties.Timeout as number;
        const visibility = resources[queueId]!.Properties.VisibilityTimeout as number;
        expect(timeout, id).toBeGreaterThan(0);
        expect(visibility, `${stage} ${id}`).toBe(6 * timeout);
        // Whoever dispatches to this queue by a window waits the queue's visibility timeout.
        for (const [, f] of ofType(resources, 'AWS::Lambda::Function')) {
          const env = (f.Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
          const sends = Object.values(env).some((v) => JSON.stringify(v) === refTo(queueId));
          if (sends && env.AGGREGATION_DISPATCH_WINDOW_S !== undefined)
            expect(Number(env.AGGREGATION_DISPATCH_WINDOW_S), `${stage} ${id}`).toBe(visibility);
        }
      }
    }
  });
});
