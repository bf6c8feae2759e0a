import type { ScheduledEvent } from 'aws-lambda';

/** The event EventBridge Scheduler/Rules deliver to a scheduled Lambda target. */
export function scheduledEvent(ruleName: string, now = new Date()): ScheduledEvent {
  return {
    version: '0',
    id: crypto.randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: process.env.AWS_REGION ?? 'eu-west-2',
    resources: [`arn:aws:events:eu-west-2:000000000000:rule/omi-${ruleName}`],
    detail: {},
  };
}
