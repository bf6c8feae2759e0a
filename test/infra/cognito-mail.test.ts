/**
 * Cognito's mail (issue 30, item 10): through SES from the stage's own sender when the stage names
 * one (prod, in practice), Cognito's default sender otherwise (staging may); a bad address refuses
 * to synthesize.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#infra/app';
import { loadStage } from '#infra/stages';
import { PROD_SETTINGS } from './prod-settings';

const ROOT = new URL('../../', import.meta.url).pathname;
const CDK_CONTEXT = (JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
const SENDER = 'no-reply@feedback.example.org';

const outdir = mkdtempSync(join(tmpdir(), 'omi-cdk-mail-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

let pools: Record<string, { EmailConfiguration?: Record<string, unknown> }>;
beforeAll(() => {
  // prod with its sender, staging without: one app, as the CLI builds each stage.
  const prodOnly = Object.fromEntries(Object.entries({ ...PROD_SETTINGS, mailFrom: SENDER }).map(([k, v]) => [`prod.${k}`, v]));
  const { stacks } = createApp({ outdir, context: { ...CDK_CONTEXT, ...prodOnly, 'aws:cdk:bundling-stacks': [] } }, {}, ['staging', 'prod']);
  pools = Object.fromEntries(
    stacks.map((stack) => {
      const resources = Template.fromStack(stack).toJSON().Resources as Record<
        string,
        { Type: string; Properties: { EmailConfiguration?: Record<string, unknown> } }
      >;
      const [pool] = Object.values(resources).filter((r) => r.Type === 'AWS::Cognito::UserPool');
      return [stack.config.stage, pool!.Properties];
    }),
  );
}, 300_000);

describe("Cognito's mail", () => {
  it("goes through SES in the stage's region from the stage's sender, the domain's identity", () => {
    const mail = pools.prod!.EmailConfiguration!;
    expect(mail).toMatchObject({ EmailSendingAccount: 'DEVELOPER', From: SENDER });
    const source = JSON.stringify(mail.SourceArn);
    expect(source).toContain('arn:');
    expect(source).toContain(':ses:eu-west-2:');
    expect(source).toContain(':identity/feedback.example.org');
  });

  it("uses Cognito's default sender where the stage names none (staging)", () => {
    const mail = pools.staging!.EmailConfiguration ?? {};
    expect(mail.EmailSendingAccount ?? 'COGNITO_DEFAULT').toBe('COGNITO_DEFAULT');
    expect(mail.SourceArn).toBeUndefined();
  });

  it('refuses a sender that is not an address', () => {
    expect(() => loadStage('prod', (k) => (k === 'mailFrom' ? 'no-reply' : PROD_SETTINGS[k]))).toThrow(/mailFrom/);
    expect(loadStage('prod', (k) => (k === 'mailFrom' ? SENDER : PROD_SETTINGS[k])).mailFrom).toBe(SENDER);
  });
});
