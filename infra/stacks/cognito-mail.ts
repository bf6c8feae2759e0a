/**
 * Who Cognito's mails (a new user's temporary password, account recovery codes) come from.
 *
 * With the stage's `mailFrom`, through SES in the stage's region, from that address, whose domain
 * must be a verified SES identity there, out of the SES sandbox (docs/runbook.md, first deploy):
 * the service's own sender, SES's quota, and bounces seen in SES. Without it, Cognito's default
 * sender: no-reply@verificationemail.com, at most 50 mails a day for every pool in the account and
 * region, which staging can live with and a live service should not. It is not required, because
 * the identity's DNS records and the sandbox exit are steps outside the template.
 */
import { UserPoolEmail } from 'aws-cdk-lib/aws-cognito';
import type { StageConfig } from '#infra/stages';

export function cognitoMail(config: Pick<StageConfig, 'mailFrom' | 'region'>): UserPoolEmail {
  if (!config.mailFrom) return UserPoolEmail.withCognito();
  return UserPoolEmail.withSES({
    fromEmail: config.mailFrom,
    // The domain's identity, so any address at it may send (and the ARN names what the runbook verifies).
    sesVerifiedDomain: config.mailFrom.slice(config.mailFrom.lastIndexOf('@') + 1),
    sesRegion: config.region,
  });
}
