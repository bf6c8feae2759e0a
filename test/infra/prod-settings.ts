/** The settings the infra tests give a production stage, which cannot synthesize without them. */
export const EMAIL = 'omi-oncall@example.org';

/** What a production stage cannot synthesize without: somebody to alert and its own domain. */
export const PROD_SETTINGS: Record<string, string> = {
  alarmEmail: EMAIL,
  domainName: 'feedback.example.org',
  hostedZoneId: 'Z0123456789ABC',
  hostedZoneName: 'example.org',
  certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc',
  originCertificateArn: 'arn:aws:acm:eu-west-2:111122223333:certificate/def',
};
