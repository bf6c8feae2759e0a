/**
 * What an operator needs from the deployed stacks (issue 16), on one synth of both stages side
 * by side in one app, as `npx cdk synth -c stage=…` builds each: stage names and regions, tags,
 * alarms that all notify the topic, least privilege, the schedule, backups.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, stackName } from '#infra/app';
import type { Stack } from 'aws-cdk-lib';
import { EDGE_5XX_PERCENT } from '#infra/stacks/watch-stack';
import { LIVE_ALIAS } from '#infra/stacks/deploys';
import { BACKUP_RETENTION, BACKUP_WEEKLY_RETENTION } from '#infra/stacks/backup';
import { API_5XX, DATA_CLASSIFICATION, SERVICE, type CollectorStack } from '#infra/stacks/collector-stack';
import { loadStage } from '#infra/stages';
import { EMAIL, PROD_SETTINGS } from './prod-settings';
import { flatResources, type Resources } from './flat-template';
import { ORIGIN_VERIFY_HEADER } from '#http/origin-verify';
import { KEY_ARN_ENV } from '#http/keys';
import { RESPONDENT_PATH_PREFIXES, RESPONDENT_RATE_LIMIT } from '#infra/stacks/waf-stack';
import { functionData, isReadOnly, RESPONDENT_MAX_BODY_BYTES, routes, schedules, type DataAccess } from '#shared/routes';

process.env.CDK_DISABLE_CLI_TELEMETRY = 'true';

const ROOT = new URL('../../', import.meta.url).pathname;
const CDK_CONTEXT = (JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
/** prod's settings, with `key` given `value` (the rest from PROD_SETTINGS). */
/** A synth of its own on a crowded machine: a timeout, not a measurement. */
const SYNTH_TIMEOUT = 300_000;
const prodWith = (key: string, value: unknown) => (k: string) => (k === key ? value : PROD_SETTINGS[k]);

const ofType = (resources: Resources, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

let outdir: string;
let stacks: { stage: string; stack: CollectorStack; template: Template; resources: Resources }[];
let app: ReturnType<typeof createApp>['app'];

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'omi-cdk-stages-'));
  // prod's domain only for prod (`prod.<key>`): staging runs on its *.cloudfront.net name.
  const prodOnly = Object.fromEntries(Object.entries(PROD_SETTINGS).map(([k, v]) => [`prod.${k}`, v]));
  const built = createApp({ outdir, context: { ...CDK_CONTEXT, alarmEmail: EMAIL, ...prodOnly } }, {}, ['staging', 'prod']);
  app = built.app;
  app.synth();
  stacks = built.stacks.map((stack) => {
    const template = Template.fromStack(stack);
    return { stage: stack.config.stage, stack, template, resources: flatResources(stack) };
  });
}, 900_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** Whether the function's role may read that secret (GetSecretValue on its ARN). */
function readsSecret(resources: Resources, stack: CollectorStack, fn: { role?: unknown }, secretId: string): boolean {
  const roleId = stack.getLogicalId((fn.role as { node: { defaultChild: never } }).node.defaultChild);
  return ofType(resources, 'AWS::IAM::Policy').some(
    ([, p]) =>
      JSON.stringify(p.Properties.Roles).includes(roleId) &&
      p.Properties.PolicyDocument.Statement.some(
        (st: { Action: unknown; Resource: unknown }) =>
          JSON.stringify(st.Action).includes('secretsmanager:GetSecretValue') &&
          [st.Resource].flat().some((r) => JSON.stringify(r) === JSON.stringify({ Ref: secretId })),
      ),
  );
}

describe('stages', () => {
  it('names each stack after its stage and pins it to the stage region (eu-west-2 by default)', () => {
    expect(stacks.map((s) => s.stack.stackName)).toEqual([stackName('staging'), stackName('prod')]);
    for (const { stack } of stacks) expect(stack.region).toBe('eu-west-2');
    const elsewhere: Record<string, string> = {
      region: 'eu-west-1',
      originCertificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/def',
      backupCopyRegion: 'eu-west-2',
    };
    expect(loadStage('prod', (k) => elsewhere[k] ?? PROD_SETTINGS[k]).region).toBe('eu-west-1');
  });

  it('refuses an unknown stage, a bad address, a half-configured domain and a retention CloudWatch does not offer', () => {
    expect(() => loadStage('dev')).toThrow(/staging, prod/);
    expect(() => loadStage('prod', prodWith('alarmEmail', 'nobody'))).toThrow(/alarmEmail/);
    expect(() => loadStage('staging', (k) => (k === 'domainName' ? 'feedback.example.org' : undefined))).toThrow(/hostedZoneId.*certificateArn/);
  });

  it('refuses a production stage without somebody to alert or its own domain; staging may run without either', () => {
    expect(() => loadStage('prod', prodWith('alarmEmail', ''))).toThrow(/somebody to alert/);
    expect(
      loadStage('prod', (k) => (k === 'alarmEmail' ? '' : k === 'alarmWebhookUrl' ? 'https://chat.example.org/hooks/abc' : PROD_SETTINGS[k]))
        .alarmWebhookUrl,
    ).toMatch(/^https:/);
    expect(() => loadStage('prod', prodWith('alarmWebhookUrl', 'http://chat.example.org/x'))).toThrow(/https/);
    expect(() => loadStage('prod', prodWith('domainName', ''))).toThrow(/its own domain/);
    // Exactly what `npx cdk synth -c stage=prod` does with the repository's prod.json and no context.
    expect(() => createApp({ outdir: mkdtempSync(join(tmpdir(), 'omi-cdk-bare-')), context: { ...CDK_CONTEXT, stage: 'prod' } })).toThrow(
      /somebody to alert.*its own domain/,
    );
    expect(loadStage('staging').domain).toBeNull();
    // Prod as synthesized: TLS 1.2 at the edge and the API's own address off.
    const { resources } = stacks[1]!;
    expect(ofType(resources, 'AWS::ApiGatewayV2::Api')[0]![1].Properties.DisableExecuteApiEndpoint).toBe(true);
    const [, dist] = ofType(resources, 'AWS::CloudFront::Distribution')[0]!;
    expect(dist.Properties.DistributionConfig.ViewerCertificate).toMatchObject({ MinimumProtocolVersion: 'TLSv1.2_2021' });
  });

  // Each synthesizes an app of its own (nested stacks and cdk-nag included): a timeout for a crowded machine, not a measurement.
  it('subscribes a webhook (a chat service, a pager) beside or instead of mail', { timeout: SYNTH_TIMEOUT }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'omi-cdk-hook-'));
    try {
      const { stack } = createApp({
        outdir: dir,
        context: {
          ...CDK_CONTEXT,
          stage: 'prod',
          ...PROD_SETTINGS,
          alarmEmail: '',
          alarmWebhookUrl: 'https://chat.example.org/hooks/abc',
          'aws:cdk:bundling-stacks': [],
        },
      });
      const subs = ofType(Template.fromStack(stack).toJSON().Resources as Resources, 'AWS::SNS::Subscription').map(([, x]) => x.Properties);
      expect(subs).toEqual([expect.objectContaining({ Protocol: 'https', Endpoint: 'https://chat.example.org/hooks/abc' })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("checks the service from outside, and alarms on the edge's 5xx and WAF block spikes, from us-east-1", () => {
    for (const { stage, stack } of stacks) {
      const watch = app.node.findChild(`${stackName(stage)}-watch`) as Stack;
      expect(watch.region).toBe('us-east-1');
      const resources = Template.fromStack(watch).toJSON().Resources as Resources;
      const checks = ofType(resources, 'AWS::Route53::HealthCheck').map(([id, c]) => [id, c.Properties.HealthCheckConfig] as const);
      expect(checks.map(([, c]) => c.ResourcePath).sort()).toEqual(['/', '/health']);
      for (const [, c] of checks) {
        expect(c).toMatchObject({ Type: 'HTTPS', Port: 443, EnableSNI: true });
        // Through CloudFront: the public host, never the API's own.
        if (stack.config.domain) expect(c.FullyQualifiedDomainName).toBe(stack.config.domain.domainName);
        else expect(JSON.stringify(c.FullyQualifiedDomainName)).toContain('Distribution');
      }
      const alarms = ofType(resources, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
      for (const [id] of checks) {
        const outside = alarms.find((a) => JSON.stringify(a.Dimensions).includes(id))!;
        expect(outside).toMatchObject({
          Namespace: 'AWS/Route53',
          MetricName: 'HealthCheckStatus',
          ComparisonOperator: 'LessThanThreshold',
          TreatMissingData: 'breaching',
        });
      }
      expect(alarms.find((a) => a.MetricName === '5xxErrorRate')).toMatchObject({ Namespace: 'AWS/CloudFront', Threshold: EDGE_5XX_PERCENT });
      expect(JSON.stringify(alarms.find((a) => a.MetricName === 'BlockedRequests')!.Dimensions)).toContain(`omi-collector-${stage}`);
      const [topicId] = ofType(resources, 'AWS::SNS::Topic')[0]!;
      const composites = ofType(resources, 'AWS::CloudWatch::CompositeAlarm');
      expect(composites.length).toBeGreaterThan(0);
      for (const [, c] of composites) expect(c.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(ofType(resources, 'AWS::SNS::Subscription').map(([, x]) => x.Properties.Endpoint)).toEqual([EMAIL]);
    }
  });

  it("alarms on Cognito's high-risk sign-ins", () => {
    const alarms = ofType(stacks[1]!.resources, 'AWS::CloudWatch::Alarm').map(([, a]) => JSON.stringify(a.Properties));
    expect(alarms.some((a) => a.includes('AccountTakeoverRisk') && a.includes('CompromisedCredentialRisk') && a.includes('"RiskLevel"'))).toBe(true);
  });

  // The room each stack leaves under CloudFormation's 500 resources: test/infra/deploys.test.ts.
  it('gives each function one API invoke permission, not one per route (and the origin authorizer one)', () => {
    for (const { stage, stack, resources } of stacks) {
      const apiPermissions = ofType(resources, 'AWS::Lambda::Permission').filter(([, p]) => p.Properties.Principal === 'apigateway.amazonaws.com');
      const routed = new Set(ofType(resources, 'AWS::ApiGatewayV2::Integration').map(([, i]) => JSON.stringify(i.Properties.IntegrationUri)));
      expect(apiPermissions.length, stage).toBe(routed.size + 1);
      expect(stack.functions.size).toBeGreaterThanOrEqual(routed.size);
    }
  });

  it('can run side by side: the names each stage sets itself differ', () => {
    const [staging, prod] = stacks;
    const prefix = (r: Resources) => JSON.stringify(ofType(r, 'AWS::Cognito::UserPoolDomain')[0]![1].Properties.Domain);
    expect(prefix(staging!.resources)).toContain('omi-collector-staging-');
    expect(prefix(prod!.resources)).toContain('omi-collector-prod-');
    const dashboards = stacks.map((s) => ofType(s.resources, 'AWS::CloudWatch::Dashboard')[0]![1].Properties.DashboardName);
    expect(new Set(dashboards).size).toBe(2);
    const plans = stacks.flatMap((s) => ofType(s.resources, 'AWS::Backup::BackupPlan').map(([, p]) => p.Properties.BackupPlan.BackupPlanName));
    // Staging has none (point-in-time recovery only, so it can be destroyed).
    expect(plans).toEqual(['omi-collector-prod']);
    // Nothing else is given a fixed physical name that two stages would fight over.
    for (const { stage, resources } of stacks) {
      for (const [id, r] of Object.entries(resources)) {
        if (r.Type === 'AWS::Lambda::Permission') continue;
        for (const key of ['TableName', 'FunctionName', 'RoleName', 'QueueName', 'TopicName', 'LogGroupName', 'BackupVaultName']) {
          const value = r.Properties?.[key];
          // Left to CloudFormation, or made unique from the stack's name (as CDK names a vault).
          if (typeof value === 'string') expect(value.toLowerCase(), `${id}.${key}`).toContain(stage);
        }
      }
    }
  });

  it('keeps prod (retained, deletion-protected) and lets staging go', () => {
    const table = (r: Resources) => ofType(r, 'AWS::DynamoDB::Table')[0]![1];
    expect(table(stacks[1]!.resources).DeletionPolicy).toBe('Retain');
    expect(table(stacks[1]!.resources).Properties.DeletionProtectionEnabled).toBe(true);
    expect(table(stacks[0]!.resources).DeletionPolicy).toBe('Delete');
    expect(table(stacks[0]!.resources).Properties.DeletionProtectionEnabled).toBe(false);
  });

  it('tags every taggable resource with service, stage and data classification', () => {
    for (const { stage, resources } of stacks) {
      let tagged = 0;
      for (const [id, r] of Object.entries(resources)) {
        const tags = r.Properties?.Tags;
        if (tags === undefined) continue;
        tagged++;
        const map: Record<string, unknown> = Array.isArray(tags)
          ? Object.fromEntries(tags.map((t: { Key: string; Value: unknown }) => [t.Key, t.Value]))
          : tags;
        expect(map, id).toMatchObject({ service: SERVICE, stage, 'data-classification': DATA_CLASSIFICATION });
      }
      expect(tagged).toBeGreaterThan(30);
    }
  });
});

describe('alarms that reach someone', () => {
  it('notifies only through composite alarms over every alarm of the stack, to the one topic, which mails the address from context', () => {
    for (const { stage, resources } of stacks) {
      const [topicId] = ofType(resources, 'AWS::SNS::Topic')[0]!;
      const alarms = ofType(resources, 'AWS::CloudWatch::Alarm');
      expect(alarms.length).toBeGreaterThan(8);
      const composites = ofType(resources, 'AWS::CloudWatch::CompositeAlarm');
      expect(composites.map(([, c]) => c.Properties.AlarmName).sort(), stage).toEqual([
        `omi-collector-${stage}-page`,
        `omi-collector-${stage}-ticket`,
      ]);
      for (const [, c] of composites) {
        expect(c.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
        expect(c.Properties.OKActions).toEqual([{ Ref: topicId }]);
      }
      // Each alarm notifies nobody by itself, and sits in exactly one composite; but a function's
      // rollback alarm, which only its deployment group reads (infra/stacks/deploys.ts), sits in none.
      const rules = composites.map(([, c]) => JSON.stringify(c.Properties.AlarmRule));
      const groups = JSON.stringify(ofType(resources, 'AWS::CodeDeploy::DeploymentGroup').map(([, g]) => g.Properties.AlarmConfiguration));
      for (const [id, alarm] of alarms) {
        expect(alarm.Properties.AlarmActions ?? [], id).toEqual([]);
        const rollbackOnly = String(alarm.Properties.AlarmName ?? '').endsWith(`-${LIVE_ALIAS}-errors`);
        expect(rules.filter((r) => r.includes(`"${id}"`)).length, id).toBe(rollbackOnly ? 0 : 1);
        if (rollbackOnly) expect(groups, id).toContain(`{"Ref":"${id}"}`);
      }
      const subs = ofType(resources, 'AWS::SNS::Subscription');
      expect(subs.map(([, s]) => s.Properties)).toEqual([
        expect.objectContaining({ Protocol: 'email', Endpoint: EMAIL, TopicArn: { Ref: topicId } }),
      ]);
    }
  });

  it("pages on the API's 5xx rate, not on one error; background functions on repeated errors; every function on the dashboard", () => {
    const { stack, resources } = stacks[1]!;
    const alarms = ofType(resources, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const rate = alarms.find((a) => JSON.stringify(a.Metrics ?? []).includes('100 * errors / MAX([requests, errors])'))!;
    expect(rate).toMatchObject({ Threshold: API_5XX.percent, EvaluationPeriods: 3, DatapointsToAlarm: 2 });
    expect(JSON.stringify(rate.Metrics)).toContain(`IF(errors >= ${API_5XX.minErrors}`);
    const [, dashboard] = ofType(resources, 'AWS::CloudWatch::Dashboard')[0]!;
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const [key, fn] of stack.functions) {
      const fnId = stack.getLogicalId(fn.node.defaultChild as never);
      const mine = alarms.filter((a) => JSON.stringify(a.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: fnId } }]));
      const background = /^(schedule|stream|queue):/.test(key);
      // A stream consumer is also watched for falling behind its stream.
      expect(mine.map((a) => a.MetricName).sort(), key).toEqual(
        background ? (key.startsWith('stream:') ? ['Errors', 'IteratorAge'] : ['Errors']) : [],
      );
      for (const a of mine.filter((x) => x.MetricName === 'Errors')) expect(a.EvaluationPeriods, key).toBe(3);
      expect(body, key).toContain(`${key}: errors, throttles`);
    }
  });

  it('watches DynamoDB throttles and system errors, API 5xx and 429, dead letters sent, and the aggregation succeeding', () => {
    const { resources } = stacks[1]!;
    const alarms = ofType(resources, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const text = JSON.stringify(alarms);
    expect(text).toContain('"MetricName":"ThrottledRequests"');
    expect(text).toContain('"MetricName":"SystemErrors"');
    expect(JSON.stringify(alarms)).toContain('"MetricName":"5xx"');
    const [, filter] = ofType(resources, 'AWS::Logs::MetricFilter')[0]!;
    expect(filter.Properties.FilterPattern).toBe('{ $.status = "429" }');
    const name = filter.Properties.MetricTransformations[0].MetricName;
    expect(alarms.some((a) => a.MetricName === name)).toBe(true);
    expect(alarms.some((a) => a.Namespace === 'AWS/SQS' && a.MetricName === 'NumberOfMessagesSent')).toBe(true);
    expect(text).not.toContain('ApproximateNumberOfMessagesVisible');
    const succeeded = alarms.find((a) => JSON.stringify(a.Metrics ?? []).includes('FILL(invocations, 0) - FILL(errors, 0)'))!;
    expect(succeeded).toMatchObject({ ComparisonOperator: 'LessThanThreshold', Threshold: 1, TreatMissingData: 'breaching' });
    const periods = (succeeded.Metrics as { MetricStat?: { Period: number } }[]).flatMap((m) => (m.MetricStat ? [m.MetricStat.Period] : []));
    expect(periods).toEqual([3 * Math.ceil(schedules[0]!.everySeconds / 60) * 60, 3 * Math.ceil(schedules[0]!.everySeconds / 60) * 60]);
  });

  it('has a dashboard', () => {
    const [, dashboard] = ofType(stacks[1]!.resources, 'AWS::CloudWatch::Dashboard')[0]!;
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const metric of ['Errors', 'Duration', 'ThrottledRequests', '5xx', 'NumberOfMessagesSent']) expect(body).toContain(metric);
  });
});

describe('least privilege and data protection', () => {
  it('lets no policy scan, touches the index only where declared, and keeps read-only functions read-only', () => {
    for (const { resources } of stacks) {
      const policies = JSON.stringify(ofType(resources, 'AWS::IAM::Policy'));
      expect(policies).not.toContain('dynamodb:Scan');
      expect(policies).not.toContain('dynamodb:*');
      expect(policies).not.toContain('/index/*');
      const indexed = [...Object.values(functionData), ...schedules.map((s) => s.data)].filter((d: DataAccess) => d.index).length;
      expect(policies.split(`/index/gsi1`).length - 1).toBe(indexed);
    }
    // A read-only entry would get read actions only; the check itself must be able to fail.
    expect(isReadOnly({ actions: ['GetItem', 'Query'] })).toBe(true);
    expect(isReadOnly({ actions: ['GetItem', 'PutItem'] })).toBe(false);
  });

  it("gives every function the stage's retention for case data after publication (30 days in staging, 730 in prod)", () => {
    const expected: Record<string, string> = { staging: '30', prod: '730' };
    for (const { stage, stack, resources } of stacks) {
      expect(stack.config.caseRetentionDays).toBe(Number(expected[stage]));
      for (const [key, fn] of stack.functions) {
        const env = resources[stack.getLogicalId(fn.node.defaultChild as never)]!.Properties.Environment.Variables;
        expect(env.OMI_CASE_RETENTION_DAYS, `${stage} ${key}`).toBe(expected[stage]);
      }
    }
    expect(() => loadStage('prod', prodWith('caseRetentionDays', '0'))).toThrow(/caseRetentionDays/);
  });

  it('backs prod up daily (35 days) and weekly (past the point-in-time window) in its own vault; staging keeps point-in-time recovery only', () => {
    const { stack, template } = stacks[1]!;
    template.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanRule: [
          Match.objectLike({ ScheduleExpression: 'cron(0 3 * * ? *)', Lifecycle: { DeleteAfterDays: BACKUP_RETENTION.toDays() } }),
          Match.objectLike({ Lifecycle: { DeleteAfterDays: BACKUP_WEEKLY_RETENTION.toDays() } }),
        ],
      },
    });
    expect(BACKUP_WEEKLY_RETENTION.toDays()).toBeGreaterThan(35);
    const selection = JSON.stringify(template.findResources('AWS::Backup::BackupSelection'));
    expect(selection).toContain(stack.getLogicalId(stack.table.node.defaultChild as never));
    expect(ofType(stacks[0]!.resources, 'AWS::Backup::BackupVault')).toEqual([]);
    expect(
      stacks[0]!.resources[stacks[0]!.stack.getLogicalId(stacks[0]!.stack.table.node.defaultChild as never)]!.Properties
        .PointInTimeRecoverySpecification,
    ).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it("copies prod's recovery points out of the region by default, or to another account's vault when the stage names one", () => {
    const arn = 'arn:aws:backup:eu-west-2:111122223333:backup-vault:omi-copies';
    expect(loadStage('prod', prodWith('backupCopyVaultArn', arn)).backupCopyVaultArn).toBe(arn);
    expect(() => loadStage('prod', prodWith('backupCopyVaultArn', 'vault'))).toThrow(/vault ARN/);
    expect(() => loadStage('prod', prodWith('backupCopyRegion', ''))).toThrow(/backup copy/);
    const [, plan] = ofType(stacks[1]!.resources, 'AWS::Backup::BackupPlan')[0]!;
    for (const rule of plan.Properties.BackupPlan.BackupPlanRule) {
      expect(JSON.stringify(rule.CopyActions[0].DestinationBackupVaultArn)).toContain(`:backup:${stacks[1]!.stack.config.backupCopyRegion}:`);
      expect(JSON.stringify(rule.CopyActions[0].DestinationBackupVaultArn)).toContain('backup-vault:omi-collector-prod-copy');
    }
    const copy = Template.fromStack(app.node.findChild(`${stackName('prod')}-backup-copy`) as never);
    copy.hasResourceProperties('AWS::Backup::BackupVault', {
      BackupVaultName: 'omi-collector-prod-copy',
      LockConfiguration: { MinRetentionDays: 35, ChangeableForDays: 3 },
    });
  });

  it("locks prod's vault and alarms on a failed backup or copy job", () => {
    const { resources } = stacks[1]!;
    const [vaultId, vault] = ofType(resources, 'AWS::Backup::BackupVault')[0]!;
    expect(vault.Properties.LockConfiguration).toMatchObject({ MinRetentionDays: 35, ChangeableForDays: 3 });
    const alarms = ofType(resources, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    for (const metric of ['NumberOfBackupJobsFailed', 'NumberOfCopyJobsFailed']) {
      const alarm = alarms.find((a) => a.MetricName === metric)!;
      expect(alarm.Namespace).toBe('AWS/Backup');
      expect(JSON.stringify(alarm.Dimensions)).toContain(vaultId);
    }
  });

  it('passes cdk-nag AwsSolutions with no unacknowledged finding', () => {
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports: { violations?: unknown[] }[] };
    expect(report.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);
    const direct = new AwsSolutionsChecks().validateScope(app);
    expect(direct.violations).toEqual([]);
  });
});

describe('the edge', () => {
  const prodOf = () => stacks[1]!;
  const wafTemplate = () => Template.fromStack(app.node.findChild(`${stackName('prod')}-waf`) as never);

  it('puts one CloudFront distribution with the web ACL in front of the API and the assets bucket', () => {
    // Staging: no domain, so the API origin is the execute-api host (prod's is origin.<domain>, below).
    const { resources, stack } = stacks[0]!;
    const [, dist] = ofType(resources, 'AWS::CloudFront::Distribution')[0]!;
    const config = dist.Properties.DistributionConfig;
    expect(JSON.stringify(config.WebACLId)).toContain(`${stackName('staging')}-waf`);
    expect(JSON.stringify(config.WebACLId)).toContain('us-east-1');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultCacheBehavior.AllowedMethods).toHaveLength(7);
    const assets = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/assets/*');
    expect(assets.AllowedMethods).toEqual(['GET', 'HEAD']);
    // S3 sends no security headers: the edge adds them to the assets too.
    const assetsHeaders = resources[assets.ResponseHeadersPolicyId.Ref]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(assetsHeaders).toMatchObject({ ContentTypeOptions: { Override: true }, StrictTransportSecurity: { AccessControlMaxAgeSec: 31_536_000 } });
    // The API origin is the execute-api host; the assets origin is the bucket, through OAC.
    const origins = config.Origins as { Id: string; DomainName: unknown; OriginAccessControlId?: unknown; S3OriginConfig?: unknown }[];
    const apiOrigin = origins.find((o) => o.Id === config.DefaultCacheBehavior.TargetOriginId)!;
    expect(JSON.stringify(apiOrigin.DomainName)).toContain(stack.getLogicalId(stack.api.node.defaultChild as never));
    const s3Origin = origins.find((o) => o.Id === assets.TargetOriginId)!;
    const [oacId] = ofType(resources, 'AWS::CloudFront::OriginAccessControl')[0]!;
    expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
    // The API is not cached; Authorization, cookies and the query are forwarded.
    const apiPolicy = resources[config.DefaultCacheBehavior.CachePolicyId.Ref]!.Properties.CachePolicyConfig;
    expect(apiPolicy).toMatchObject({ DefaultTTL: 0, MinTTL: 0, MaxTTL: 1 });
    expect(apiPolicy.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig.Headers).toEqual(['Authorization']);
    expect(apiPolicy.ParametersInCacheKeyAndForwardedToOrigin.CookiesConfig.CookieBehavior).toBe('all');
    // The assets are cached for a year, keyed on ?v=.
    const assetPolicy = resources[assets.CachePolicyId.Ref]!.Properties.CachePolicyConfig;
    expect(assetPolicy.MaxTTL).toBe(365 * 86400);
    expect(assetPolicy.ParametersInCacheKeyAndForwardedToOrigin.QueryStringsConfig.QueryStrings).toEqual(['v']);
  });

  it('keeps the bucket private: all public access blocked, SSL only, readable by this distribution alone', () => {
    const { resources } = prodOf();
    const [bucketId, bucket] = ofType(resources, 'AWS::S3::Bucket')[0]!;
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const [, policy] = ofType(resources, 'AWS::S3::BucketPolicy').find(([, p]) => JSON.stringify(p.Properties.Bucket).includes(bucketId))!;
    const statements = policy.Properties.PolicyDocument.Statement as { Effect: string; Principal?: unknown; Action: unknown; Condition?: unknown }[];
    expect(statements.some((x) => x.Effect === 'Deny' && JSON.stringify(x.Condition).includes('aws:SecureTransport'))).toBe(true);
    const read = statements.find((x) => x.Effect === 'Allow' && JSON.stringify(x.Principal).includes('cloudfront.amazonaws.com'))!;
    expect(read.Action).toBe('s3:GetObject');
    const [distId] = ofType(resources, 'AWS::CloudFront::Distribution')[0]!;
    expect(JSON.stringify(read.Condition)).toContain(distId);
  });

  it('builds every link from the edge, never from the execute-api host', () => {
    const { resources, stack } = stacks[0]!;
    const [distId] = ofType(resources, 'AWS::CloudFront::Distribution')[0]!;
    for (const [key, fn] of stack.functions) {
      const env = resources[stack.getLogicalId(fn.node.defaultChild as never)]!.Properties.Environment.Variables;
      expect(JSON.stringify(env.PUBLIC_BASE_URL), key).toContain(distId);
    }
    const [, client] = ofType(resources, 'AWS::Cognito::UserPoolClient')[0]!;
    expect(JSON.stringify(client.Properties.CallbackURLs)).toContain(distId);
  });

  it('lets only CloudFront reach the functions: its origin sends the secret header that every HTTP function reads at run time and checks', () => {
    const { resources, stack } = prodOf();
    const [, dist] = ofType(resources, 'AWS::CloudFront::Distribution')[0]!;
    const config = dist.Properties.DistributionConfig;
    const apiOrigin = config.Origins.find((o: { Id: string }) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    const header = apiOrigin.OriginCustomHeaders.find((h: { HeaderName: string }) => h.HeaderName === ORIGIN_VERIFY_HEADER);
    const [secretId] = ofType(resources, 'AWS::SecretsManager::Secret').find(([id]) => id.startsWith('OriginVerifySecret'))!;
    // A dynamic reference to the generated secret's current `key`, resolved at deploy: no value in the template.
    expect(JSON.stringify(header.HeaderValue)).toContain('resolve:secretsmanager');
    expect(JSON.stringify(header.HeaderValue)).toContain(secretId);
    expect(JSON.stringify(header.HeaderValue)).toContain(':SecretString:key:');
    const httpFns = new Set<string>(routes.map((r) => r.fn));
    let checked = 0;
    for (const [key, fn] of stack.functions) {
      if (!httpFns.has(key)) continue;
      const env = resources[stack.getLogicalId(fn.node.defaultChild as never)]!.Properties.Environment.Variables;
      // The secret's ARN (a Ref), which the function reads (and may read) at run time.
      expect(env[KEY_ARN_ENV.origin], key).toEqual({ Ref: secretId });
      expect(readsSecret(resources, stack, fn, secretId), key).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("puts no secret value in any function's environment, in either stage: keys are read at run time", () => {
    for (const { stage, resources } of stacks) {
      const fns = ofType(resources, 'AWS::Lambda::Function');
      expect(fns.length, stage).toBeGreaterThan(10);
      for (const [id, fn] of fns) {
        const vars = (fn.Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
        for (const [name, value] of Object.entries(vars)) {
          const text = JSON.stringify(value);
          // No dynamic reference to a secret (CloudFormation would resolve it into the configuration),
          // no secret by name, and a secret named only by its ARN.
          expect(text, `${stage} ${id} ${name}`).not.toMatch(/resolve:(secretsmanager|ssm-secure)/);
          expect(name, `${stage} ${id}`).not.toMatch(/SECRET|PASSWORD|PRIVATE|^OMI_LOCAL_JWT/);
          if (/_KEY_ARN$/.test(name)) expect(Object.keys(value as object), `${stage} ${id} ${name}`).toEqual(['Ref']);
        }
      }
    }
  });

  it('gives the invitation key (generated in its shape) to exactly the functions whose code seals or opens batches: its ARN and read access, to no other', () => {
    const directory = app.synth().directory;
    /** The oracle: the deployed bundle's own source map lists the sealer among its sources. */
    const bundlesSealer = (resources: Resources, logicalId: string) => {
      const map = join(directory, `asset.${String(resources[logicalId]!.Properties.Code.S3Key).replace(/\.zip$/, '')}`, 'index.mjs.map');
      expect(existsSync(map), map).toBe(true);
      return (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources.some((src) => src.endsWith('shared/domain/batch-secrets.ts'));
    };
    for (const { stage, stack, resources } of stacks) {
      const [secretId, secret] = ofType(resources, 'AWS::SecretsManager::Secret').find(([id]) => id.startsWith('InvitationKeySecret'))!;
      // {"kid":"k0","key":<43 letters and digits>}: base64url of AES-256's 32 bytes, as shared/http/keys.ts reads it.
      expect(secret.Properties.GenerateSecretString, stage).toMatchObject({
        SecretStringTemplate: '{"kid":"k0"}',
        GenerateStringKey: 'key',
        PasswordLength: 43,
        ExcludePunctuation: true,
      });
      const sealing: string[] = [];
      for (const [key, fn] of stack.functions) {
        const id = stack.getLogicalId(fn.node.defaultChild as never);
        const seals = bundlesSealer(resources, id);
        if (seals) sealing.push(key);
        const env = resources[id]!.Properties.Environment.Variables as Record<string, unknown>;
        expect(env[KEY_ARN_ENV.invitation], `${stage} ${key}`).toEqual(seals ? { Ref: secretId } : undefined);
        expect(readsSecret(resources, stack, fn, secretId), `${stage} ${key}`).toBe(seals);
      }
      // The API's and the workbench's, the two ways an admin issues and downloads batches again, and the jobs worker issuing a large batch.
      expect(sealing.sort(), stage).toEqual(['invitations', 'queue:jobs-worker', 'workbench-manage']);
      // Nothing else may read it either.
      const grants = ofType(resources, 'AWS::IAM::Policy').filter(([, p]) =>
        JSON.stringify(p.Properties.PolicyDocument).includes(JSON.stringify({ Ref: secretId })),
      );
      expect(grants, stage).toHaveLength(sealing.length);
    }
  });

  it("adds the security headers to API answers that lack them (API Gateway's own 401 and 429), never over ours", () => {
    const { resources } = prodOf();
    const [, dist] = ofType(resources, 'AWS::CloudFront::Distribution')[0]!;
    const policyRef = dist.Properties.DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref;
    const config = resources[policyRef]!.Properties.ResponseHeadersPolicyConfig;
    const sec = config.SecurityHeadersConfig;
    expect(sec.ContentTypeOptions).toEqual({ Override: false });
    expect(sec.FrameOptions).toEqual({ FrameOption: 'DENY', Override: false });
    expect(sec.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: false });
    expect(sec.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true, Override: false });
    expect(config.CustomHeadersConfig.Items).toEqual([{ Header: 'cache-control', Value: 'no-store', Override: false }]);
  });

  it('serves the static files from the bucket only: no assets function or route behind the API', () => {
    const { resources, stack } = prodOf();
    expect([...stack.functions.keys()]).not.toContain('assets');
    const keys = ofType(resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey as string);
    expect(keys).not.toContain('GET /assets/{path+}');
    // Every other public page route is still there.
    expect(keys).toContain('GET /q/{token}');
  });

  it('has a web ACL in us-east-1 with the managed groups, a respondent body limit and a per-IP rate rule on respondent routes', () => {
    const waf = wafTemplate();
    const [, acl] = Object.entries(waf.findResources('AWS::WAFv2::WebACL'))[0]!;
    expect((app.node.findChild(`${stackName('prod')}-waf`) as unknown as { region: string }).region).toBe('us-east-1');
    const props = (acl as { Properties: any }).Properties;
    expect(props.Scope).toBe('CLOUDFRONT');
    const rules = props.Rules as any[];
    const managedNames = rules.filter((r) => r.Statement.ManagedRuleGroupStatement).map((r) => r.Statement.ManagedRuleGroupStatement.Name);
    expect(managedNames.sort()).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    const body = rules.find((r) => r.Name === 'RespondentBodySize');
    const size = body.Statement.AndStatement.Statements[1].SizeConstraintStatement;
    expect(size).toMatchObject({ ComparisonOperator: 'GT', Size: RESPONDENT_MAX_BODY_BYTES, FieldToMatch: { Body: { OversizeHandling: 'MATCH' } } });
    expect(props.AssociationConfig.RequestBody.CLOUDFRONT.DefaultSizeInspectionLimit).toBe('KB_64');
    const rate = rules.find((r) => r.Name === 'RespondentRatePerIp');
    // Blocked with the service's own 429 page (test/infra/waf-responses.test.ts).
    expect(rate.Action.Block.CustomResponse.ResponseCode).toBe(429);
    expect(rate.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: RESPONDENT_RATE_LIMIT });
    const prefixes = rate.Statement.RateBasedStatement.ScopeDownStatement.OrStatement.Statements.map((x: any) => x.ByteMatchStatement.SearchString);
    expect(prefixes).toEqual([...RESPONDENT_PATH_PREFIXES]);
    // Every respondent and report-link route falls under the rule's paths.
    for (const route of routes.filter((r) => r.access === 'token')) {
      expect(
        RESPONDENT_PATH_PREFIXES.some((p) => route.path.startsWith(p)),
        route.path,
      ).toBe(true);
    }
    // No sampled requests: they would keep IPs and token paths.
    expect(JSON.stringify(props)).not.toContain('"SampledRequestsEnabled":true');
  });

  it('logs what the WAF blocks, and only that, with paths, queries, cookies and Authorization redacted, for 30 days', () => {
    const resources = wafTemplate().toJSON().Resources as Resources;
    const [, logging] = ofType(resources, 'AWS::WAFv2::LoggingConfiguration')[0]!;
    expect(logging.Properties.LoggingFilter).toEqual({
      DefaultBehavior: 'DROP',
      Filters: [{ Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: 'BLOCK' } }] }],
    });
    const redacted = JSON.stringify(logging.Properties.RedactedFields);
    for (const field of ['UriPath', 'QueryString', '"cookie"', '"authorization"']) expect(redacted).toContain(field);
    const [, group] = ofType(resources, 'AWS::Logs::LogGroup')[0]!;
    expect(group.Properties.LogGroupName).toBe('aws-waf-logs-omi-collector-prod');
    expect(group.Properties.RetentionInDays).toBe(30);
  });

  it('with a domain: serves it with TLS 1.2, reaches the API through origin.<domain>, and disables execute-api', { timeout: SYNTH_TIMEOUT }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'omi-cdk-domain-'));
    try {
      const domainContext = {
        ...CDK_CONTEXT,
        stage: 'prod',
        ...PROD_SETTINGS,
        // Bundling skipped (CDK's own switch): the functions were bundled above, this is about the edge.
        'aws:cdk:bundling-stacks': [],
      };
      const { stack } = createApp({ outdir: dir, context: domainContext });
      const template = flatResources(stack);
      const [, api] = ofType(template, 'AWS::ApiGatewayV2::Api')[0]!;
      expect(api.Properties.DisableExecuteApiEndpoint).toBe(true);
      const [, dist] = ofType(template, 'AWS::CloudFront::Distribution')[0]!;
      expect(dist.Properties.DistributionConfig.Aliases).toEqual(['feedback.example.org']);
      expect(dist.Properties.DistributionConfig.ViewerCertificate).toMatchObject({
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      });
      const origins = dist.Properties.DistributionConfig.Origins as { DomainName: unknown }[];
      expect(origins.map((o) => o.DomainName)).toContain('origin.feedback.example.org');
      expect(ofType(template, 'AWS::ApiGatewayV2::DomainName')[0]![1].Properties.DomainName).toBe('origin.feedback.example.org');
      for (const [, fn] of ofType(template, 'AWS::Lambda::Function').filter(([id]) => !id.startsWith('CustomCDK'))) {
        expect(fn.Properties.Environment.Variables.PUBLIC_BASE_URL).toBe('https://feedback.example.org');
      }
      const records = ofType(template, 'AWS::Route53::RecordSet').map(([, r]) => `${r.Properties.Type} ${r.Properties.Name}`);
      expect(records.sort()).toEqual(['A feedback.example.org.', 'A origin.feedback.example.org.', 'AAAA feedback.example.org.']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
