/**
 * The CDK app: `npx cdk synth` (cdk.json runs this file). Synthesizes offline, with no AWS
 * account: the stack is environment-agnostic and bundling runs the local esbuild.
 *
 * cdk-nag 3 runs as a CDK policy-validation plugin on every synth; any unacknowledged
 * finding, warning or error, fails the synth (exit code 1, report in
 * cdk.out/validation-report.json). The strict context below extends that to the warnings of
 * CDK's built-in CloudFormation schema check and to construct annotations, so a clean synth
 * means no open finding of any kind.
 */
import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { fileURLToPath } from 'node:url';
import { CollectorStack, type CollectorStackProps } from './stacks/collector-stack';

export const STACK_NAME = 'OmiCollector';

/** Fail the synth on validation warnings as well as errors. */
export const STRICT_VALIDATION_CONTEXT = { '@aws-cdk/core:strictCfnValidateErrors': true } as const;

/** Registers the AwsSolutions pack on `app`. Acknowledgements live beside the constructs they cover. */
export function addNag(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}

export function createApp(props: AppProps = {}, stackProps: CollectorStackProps = {}) {
  const app = new App({
    ...props,
    postCliContext: { ...STRICT_VALIDATION_CONTEXT, ...props.postCliContext },
  });
  const stack = new CollectorStack(app, STACK_NAME, {
    description: 'The collector for probation inspections: HTTP API, Lambda functions, DynamoDB table, Cognito users',
    ...stackProps,
  });
  addNag(app);
  return { app, stack };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  createApp().app.synth();
}
