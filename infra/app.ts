/**
 * The CDK app: `npx cdk synth -c stage=staging|prod` (cdk.json runs this file; staging when no
 * stage is given). Synthesizes offline, with no AWS account: the stack is pinned to its stage's
 * region, the account is the CLI's (CDK_DEFAULT_ACCOUNT) when there is one, and bundling runs
 * the local esbuild.
 *
 * cdk-nag 3 runs as a CDK policy-validation plugin on every synth; any unacknowledged
 * finding, warning or error, fails the synth (exit code 1, report in
 * cdk.out/validation-report.json). The strict context below extends that to the warnings of
 * CDK's built-in CloudFormation schema check and to construct annotations, so a clean synth
 * means no open finding of any kind.
 */
import { App, Tags, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { fileURLToPath } from 'node:url';
import { CollectorStack, DATA_CLASSIFICATION, SERVICE, type CollectorStackProps } from './stacks/collector-stack';
import { WafStack, webAclName } from './stacks/waf-stack';
import { BackupCopyStack } from './stacks/backup';
import { WatchStack } from './stacks/watch-stack';
import { loadStage, type StageConfig } from './stages';

export const STACK_NAME = 'OmiCollector';

/** `OmiCollector-staging`, `OmiCollector-prod`: two stages side by side in one account. */
export function stackName(stage: string): string {
  return `${STACK_NAME}-${stage}`;
}

/** Fail the synth on validation warnings as well as errors. */
export const STRICT_VALIDATION_CONTEXT = { '@aws-cdk/core:strictCfnValidateErrors': true } as const;

/** Registers the AwsSolutions pack on `app`. Acknowledgements live beside the constructs they cover. */
export function addNag(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}

/** One stage's stacks in `app`: its WAF web ACL in us-east-1 (CloudFront's region), and the collector. */
export function addStage(app: App, config: StageConfig, stackProps: CollectorStackProps = {}): CollectorStack {
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const waf = new WafStack(app, `${stackName(config.stage)}-waf`, {
    description: `The collector for probation inspections (${config.stage}): the CloudFront web ACL`,
    env: { account, region: 'us-east-1' },
    crossRegionReferences: true,
    stage: config.stage,
  });
  const stack = new CollectorStack(app, stackName(config.stage), {
    description: `The collector for probation inspections (${config.stage}): CloudFront, HTTP API, Lambda functions, DynamoDB table, Cognito users`,
    env: { account, region: config.region },
    crossRegionReferences: true,
    config,
    webAclArn: waf.webAcl.attrArn,
    ...stackProps,
  });
  const extra = [];
  if (config.retain && config.backupCopyRegion && !config.backupCopyVaultArn) {
    // The copy vault first: the plan's copy rule names it.
    const copy = new BackupCopyStack(app, `${stackName(config.stage)}-backup-copy`, {
      description: `The collector for probation inspections (${config.stage}): the backup copy vault, out of ${config.region}`,
      env: { account, region: config.backupCopyRegion },
      config,
    });
    stack.addStackDependency?.(copy) ?? stack.addDependency(copy);
    extra.push(copy);
  }
  if (stack.edge) {
    extra.push(
      new WatchStack(app, `${stackName(config.stage)}-watch`, {
        description: `The collector for probation inspections (${config.stage}): outside checks and edge alarms (us-east-1)`,
        env: { account, region: 'us-east-1' },
        crossRegionReferences: true,
        config,
        host: config.domain?.domainName ?? stack.edge.distribution.distributionDomainName,
        distributionId: stack.edge.distribution.distributionId,
        webAclName: webAclName(config.stage),
      }),
    );
  }
  for (const s of [waf, stack, ...extra]) {
    Tags.of(s).add('service', SERVICE);
    Tags.of(s).add('stage', config.stage);
    Tags.of(s).add('data-classification', DATA_CLASSIFICATION);
  }
  return stack;
}

/** The app for `-c stage=…` (context `stage`, default staging); `stages` builds several side by side. */
export function createApp(props: AppProps = {}, stackProps: CollectorStackProps = {}, stages?: readonly string[]) {
  const app = new App({
    ...props,
    postCliContext: { ...STRICT_VALIDATION_CONTEXT, ...props.postCliContext },
  });
  const context = (key: string) => app.node.tryGetContext(key) as unknown;
  const names = stages ?? [String(context('stage') ?? 'staging')];
  const stacks = names.map((stage) => addStage(app, loadStage(stage, context), stackProps));
  addNag(app);
  return { app, stack: stacks[0]!, stacks };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  createApp().app.synth();
}
