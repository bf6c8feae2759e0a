/**
 * Deploys you can undo, and room to grow.
 *
 * Every function is published as a version behind the alias `live`; the API's integrations, the
 * queue and stream event sources and the schedule invoke the alias, never `$LATEST`. A deploy
 * that changes a function's code or configuration publishes a new version, and CloudFormation
 * hands the alias's move to CodeDeploy, which shifts traffic to it gradually and rolls back by
 * itself when one of the group's alarms goes off while it shifts (docs/runbook.md, "Roll back").
 *
 * Where things live, so that no stack nears CloudFormation's 500 resources (each stack keeps
 * room for 20 more functions; test/infra/production.test.ts measures it):
 * - `Functions` (a nested stack): each function with its role, policy, log group, versions, alias
 *   and invoke permissions. The collector stack keeps the routes and integrations.
 * - `Deploys` (a nested stack): the CodeDeploy application, its one service role, and per
 *   function a deployment group and the alarm it rolls back on. Function, group and alarm names
 *   are fixed strings, not references: the alias names its group (the alias update policy), so a
 *   reference back from the group's alarm to the function would be a cycle between the stacks.
 */
import { Duration, NestedStack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IAlarm, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { LambdaApplication, LambdaDeploymentConfig, LambdaDeploymentGroup } from 'aws-cdk-lib/aws-codedeploy';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Alias, CfnAlias } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

/** The alias every caller invokes; CodeDeploy moves it from one version to the next. */
export const LIVE_ALIAS = 'live';

/**
 * How traffic moves to a new version. The HTTP functions: a tenth for 10 minutes, long enough
 * for the API's 5xx rate alarm (2 of 3 five-minute periods) to see it, then the rest. The
 * background functions (schedules, queues, the stream) run seldom, some once a minute: a tenth
 * more every minute gives the new version several runs before it takes all of them.
 */
export const DEPLOY_CONFIG = {
  http: LambdaDeploymentConfig.CANARY_10PERCENT_10MINUTES,
  background: LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_1MINUTE,
} as const;

/** The rollback alarm's window: a minute, so a canary of ten sees a new version fail. */
export const ROLLBACK_ALARM_PERIOD = Duration.minutes(1);

export type FunctionKind = keyof typeof DEPLOY_CONFIG;

/** `omi-collector-prod-questionnaire`: the name an operator types, and the one the rollback alarm watches. */
export function functionNameOf(stage: string, key: string): string {
  const name = `omi-collector-${stage}-${key.replace(/:/g, '-')}`;
  if (name.length > 64) throw new Error(`Lambda function names have at most 64 characters: '${name}'`);
  return name;
}

/** Holds the functions, their roles, log groups, versions and aliases (see the file's comment). */
export class Functions extends NestedStack {
  constructor(scope: Construct, id: string) {
    super(scope, id, { description: "The collector's functions: each with its role, log group, versions and the alias `live`" });
  }
}

export class Deploys extends NestedStack {
  readonly application: LambdaApplication;
  readonly applicationName: string;
  readonly groups = new Map<string, { group: LambdaDeploymentGroup; kind: FunctionKind; alarm: Alarm }>();
  private readonly role: Role;

  constructor(scope: Construct, id: string, stage: string) {
    super(scope, id, { description: "The collector's gradual deployments: a CodeDeploy group per function, rolling back on alarms" });
    this.applicationName = `omi-collector-${stage}`;
    this.application = new LambdaApplication(this, 'Application', { applicationName: this.applicationName });
    // One role for every group, instead of the role each group would make.
    this.role = new Role(this, 'CodeDeployRole', {
      assumedBy: new ServicePrincipal('codedeploy.amazonaws.com'),
      description: "CodeDeploy shifting the collector's aliases to new versions and reading their alarms",
      managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSCodeDeployRoleForLambdaLimited')],
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]',
      reason:
        "AWS's own least-privilege policy for CodeDeploy on Lambda (read alarms, get and update aliases, invoke only functions named CodeDeployHook_*), " +
        'kept current by AWS as the service changes.',
    });
  }

  /**
   * A deployment group for the function's alias, rolling back on the function's own errors
   * through the alias (a crash, a timeout, a bundle that does not load: the new version
   * failing), and on `alarms` (the HTTP functions: the API's 5xx rate).
   */
  add(key: string, functionName: string, alias: Alias, kind: FunctionKind, alarms: readonly IAlarm[] = []): LambdaDeploymentGroup {
    const id = key
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((p) => p[0]!.toUpperCase() + p.slice(1))
      .join('');
    if (this.groups.has(key)) throw new Error(`Two functions deploy as '${key}'`);
    const alarm = new Alarm(this, `${id}RollbackAlarm`, {
      alarmName: `${functionName}-${LIVE_ALIAS}-errors`,
      alarmDescription: `functions/${key.replace(/^(schedule|stream|queue):/, '')}.ts failed through its alias '${LIVE_ALIAS}' (a crash, a timeout, a bundle that does not load). CodeDeploy rolls a deployment back on it; it notifies nobody (the composite alarms do).`,
      // Named, not referenced (see the file's comment): the alias's own metric dimensions.
      metric: new Metric({
        namespace: 'AWS/Lambda',
        metricName: 'Errors',
        dimensionsMap: { FunctionName: functionName, Resource: `${functionName}:${LIVE_ALIAS}` },
        period: ROLLBACK_ALARM_PERIOD,
        statistic: 'Sum',
      }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const group = new LambdaDeploymentGroup(this, `${id}Deployment`, {
      application: this.application,
      deploymentGroupName: functionName,
      alias,
      deploymentConfig: DEPLOY_CONFIG[kind],
      alarms: [alarm, ...alarms],
      role: this.role.withoutPolicyUpdates(),
      autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
    });
    // The group set the alias's update policy with references into this stack, which CloudFormation
    // cannot resolve from the Functions stack: the same names, as the strings they are.
    (alias.node.defaultChild as CfnAlias).cfnOptions.updatePolicy = {
      codeDeployLambdaAliasUpdate: { applicationName: this.applicationName, deploymentGroupName: functionName },
    };
    this.groups.set(key, { group, kind, alarm });
    return group;
  }

  /** Adds `alarm` to every group of that kind (the API's 5xx rate exists only after the functions). */
  rollBackOn(kind: FunctionKind, alarm: IAlarm): void {
    for (const entry of this.groups.values()) if (entry.kind === kind) entry.group.addAlarm(alarm);
  }
}
