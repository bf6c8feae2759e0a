/**
 * Where and how a stage runs: `npx cdk synth -c stage=staging|prod` reads infra/stages/<stage>.json.
 * Context can fill in what a public repository should not hold: `-c alarmEmail=…`,
 * `-c backupCopyVaultArn=…` (a vault in another account), and the domain as
 * `-c domainName=… -c hostedZoneId=… -c hostedZoneName=… -c certificateArn=…` (the
 * certificate in us-east-1, as CloudFront requires), and Cognito's sender as `-c mailFrom=…`.
 */
import { readFileSync } from 'node:fs';

export const STAGES = ['staging', 'prod'] as const;
export type StageName = (typeof STAGES)[number];

export interface DomainConfig {
  /** feedback.example.gov.uk: links, the Cognito callback and the distribution's alias. */
  domainName: string;
  hostedZoneId: string;
  hostedZoneName: string;
  /** An ACM certificate for domainName in us-east-1. */
  certificateArn: string;
}

export interface StageConfig {
  stage: StageName;
  /** UK personal data stays in the UK: eu-west-2 (London) unless a stage says otherwise. */
  region: string;
  /** Where alerts are mailed (confirm AWS's subscription mail). Prod needs this or alarmWebhookUrl. */
  alarmEmail: string;
  /** An https endpoint SNS posts every alert to (a chat service's incoming webhook, a pager). */
  alarmWebhookUrl: string;
  domain: DomainConfig | null;
  logRetentionDays: number;
  accessLogRetentionDays: number;
  /** Keep the table, the user pool and the logs when the stack is deleted (and refuse to delete the table). */
  retain: boolean;
  /** A backup vault in another account to copy each daily recovery point to; empty: a vault of our own in backupCopyRegion. */
  backupCopyVaultArn: string;
  /** Where the stack's own copy vault lives when no backupCopyVaultArn is given ('' for no copy at all: staging). */
  backupCopyRegion: string;
  /** With a domain: a certificate for origin.<domain> in the stage's region (the API's custom domain behind CloudFront). */
  originCertificateArn: string;
  /** How long an inspection's cases and their history are kept after its final report is released (DynamoDB TTL). */
  caseRetentionDays: number;
  /** Cognito mails through SES from this address (its domain verified in SES in `region`); empty: Cognito's default sender (infra/stacks/cognito-mail.ts). */
  mailFrom: string;
}

/** Cases are kept this long after publication unless a stage says otherwise (OMI_CASE_RETENTION_DAYS). */
export const DEFAULT_CASE_RETENTION_DAYS = 730;

function text(value: unknown, what: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new Error(`stage config: ${what} must be a string`);
  return value.trim();
}

/**
 * Stages that serve the public: synthesis fails unless alerts reach somebody and the service has
 * its own domain (TLS 1.2 at the edge, the API's own address switched off).
 */
export const PRODUCTION_STAGES: readonly StageName[] = ['prod'];

/**
 * The stage's file, with context overriding it (`<stage>.<key>` before `<key>`, so one app can
 * hold two stages with different settings). Throws naming every problem.
 */
export function loadStage(stage: string, context: (key: string) => unknown = () => undefined): StageConfig {
  if (!(STAGES as readonly string[]).includes(stage)) throw new Error(`-c stage=${stage}: expected one of ${STAGES.join(', ')}`);
  const file = JSON.parse(readFileSync(new URL(`./stages/${stage}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  const fromContext = (key: string) => context(`${stage}.${key}`) ?? context(key);
  const pick = (key: string) => fromContext(key) ?? file[key];
  const problems: string[] = [];
  const region = text(pick('region'), 'region') || 'eu-west-2';
  if (!/^[a-z]{2}-[a-z]+-\d$/.test(region)) problems.push(`region '${region}' is not a region`);
  const alarmEmail = text(pick('alarmEmail'), 'alarmEmail');
  if (alarmEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) problems.push(`alarmEmail '${alarmEmail}' is not an address`);
  const mailFrom = text(pick('mailFrom'), 'mailFrom');
  if (mailFrom && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(mailFrom)) problems.push(`mailFrom '${mailFrom}' is not an address`);
  const alarmWebhookUrl = text(pick('alarmWebhookUrl'), 'alarmWebhookUrl');
  if (alarmWebhookUrl && !/^https:\/\/[^\s/]+\/\S*$/.test(alarmWebhookUrl)) problems.push(`alarmWebhookUrl must be an https URL`);
  const fileDomain = (file.domain ?? {}) as Record<string, unknown>;
  const domainPart = (key: keyof DomainConfig) => text(fromContext(key) ?? fileDomain[key], `domain.${key}`);
  const domainName = domainPart('domainName');
  let domain: DomainConfig | null = null;
  if (domainName) {
    domain = {
      domainName,
      hostedZoneId: domainPart('hostedZoneId'),
      hostedZoneName: domainPart('hostedZoneName'),
      certificateArn: domainPart('certificateArn'),
    };
    for (const [key, value] of Object.entries(domain)) if (!value) problems.push(`domain.${key} is needed with a domain name`);
    if (domain.certificateArn && !domain.certificateArn.startsWith('arn:aws:acm:us-east-1:'))
      problems.push('domain.certificateArn must be an ACM certificate in us-east-1');
  }
  const days = (key: string) => {
    const value = Number(pick(key));
    if (!Number.isInteger(value) || value < 1) problems.push(`${key} must be a whole number of days`);
    return value;
  };
  const config: StageConfig = {
    stage: stage as StageName,
    region,
    alarmEmail,
    alarmWebhookUrl,
    domain,
    logRetentionDays: days('logRetentionDays'),
    accessLogRetentionDays: days('accessLogRetentionDays'),
    retain: pick('retain') === true || pick('retain') === 'true',
    backupCopyVaultArn: text(pick('backupCopyVaultArn'), 'backupCopyVaultArn'),
    backupCopyRegion: text(pick('backupCopyRegion'), 'backupCopyRegion'),
    originCertificateArn: text(pick('originCertificateArn'), 'originCertificateArn'),
    caseRetentionDays: pick('caseRetentionDays') === undefined ? DEFAULT_CASE_RETENTION_DAYS : days('caseRetentionDays'),
    mailFrom,
  };
  if (domain && !config.originCertificateArn.startsWith(`arn:aws:acm:${region}:`)) {
    problems.push(`originCertificateArn must be an ACM certificate in ${region} for origin.${domain.domainName}`);
  }
  if (config.backupCopyVaultArn && !/^arn:aws:backup:[a-z0-9-]+:\d{12}:backup-vault:.+$/.test(config.backupCopyVaultArn)) {
    problems.push('backupCopyVaultArn must be a backup vault ARN');
  }
  if (config.backupCopyRegion && (!/^[a-z]{2}-[a-z]+-\d$/.test(config.backupCopyRegion) || config.backupCopyRegion === region)) {
    problems.push(`backupCopyRegion must be a region other than ${region}`);
  }
  if (PRODUCTION_STAGES.includes(config.stage)) {
    if (!alarmEmail && !alarmWebhookUrl)
      problems.push('a production stage needs somebody to alert: set alarmEmail or alarmWebhookUrl (-c alarmEmail=...)');
    if (!domain)
      problems.push(
        "a production stage needs its own domain (TLS 1.2 at the edge, the API's own address off): set domainName, hostedZoneId, hostedZoneName, certificateArn and originCertificateArn",
      );
    if (!config.backupCopyVaultArn && !config.backupCopyRegion)
      problems.push('a production stage needs a backup copy: backupCopyRegion or backupCopyVaultArn');
  }
  if (problems.length > 0) throw new Error(`stage '${stage}': ${problems.join('; ')}`);
  return config;
}
