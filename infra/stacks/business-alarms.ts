/**
 * Alarms on the business metrics the functions write as embedded metric format
 * (shared/core/metrics.ts): responses that stop arriving while fieldwork is on, and a spike of
 * failed sign-ins. Both join the stack's composite alarms through Monitoring.alarm(), and the
 * metrics are graphed beside them. docs/runbook.md, "Alarms", says what to do.
 */
import { Duration } from 'aws-cdk-lib';
import { ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import { METRICS_SERVICE, metricsNamespace, type MetricName } from '#core/metrics';
import { ALARM_PERIOD, type Monitoring } from './monitoring';

/**
 * Hours of fieldwork without a single response before someone looks. A questionnaire mail-out
 * brings answers every day of the week; a night or a quiet afternoon does not, hence a day.
 */
export const RESPONSES_QUIET_HOURS = 24;
/** Failed sign-ins in five minutes that page: a few mistyped passwords never reach it; a broken provider or a credential attack does. */
export const SIGN_IN_FAILURES_PER_PERIOD = 10;

export function businessAlarms(scope: Construct, monitoring: Monitoring, stage: string): void {
  const metric = (metricName: MetricName, period: Duration, statistic: string, dimensions: Record<string, string> = {}) =>
    new Metric({ namespace: metricsNamespace(stage), metricName, dimensionsMap: { service: METRICS_SERVICE, ...dimensions }, period, statistic });

  // The schedule writes the fieldwork gauge and a zero for the responses every minute
  // (heartbeatDocument), so each hour has both: 1 for an hour with fieldwork on and no
  // response, 0 otherwise. Missing data means the schedule is not running, which its own
  // alarms page for (ScheduledAggregate...), so it is not counted as a quiet hour here.
  const hour = Duration.hours(1);
  const quietHours = new MathExpression({
    expression: 'IF(open > 0 AND responses == 0, 1, 0)',
    usingMetrics: { open: metric('FieldworkOpen', hour, 'Maximum'), responses: metric('ResponsesReceived', hour, 'Sum') },
    period: hour,
    label: 'Hours of fieldwork with no response',
  });
  monitoring.alarm(
    scope,
    'ResponsesStoppedAlarm',
    {
      alarmDescription: `An inspection is in its fieldwork week and no questionnaire response (online or paper) has arrived for ${RESPONSES_QUIET_HOURS} hours: the links may be broken.`,
      metric: quietHours,
      threshold: 0,
      evaluationPeriods: RESPONSES_QUIET_HOURS,
      datapointsToAlarm: RESPONSES_QUIET_HOURS,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    },
    'ticket',
  );

  const signInFailures = metric('SignInFailures', ALARM_PERIOD, 'Sum');
  monitoring.alarm(scope, 'SignInFailuresAlarm', {
    alarmDescription: `More than ${SIGN_IN_FAILURES_PER_PERIOD} sign-ins failed at the callback in 5 minutes: the identity provider or its settings are broken, or somebody is forging callbacks.`,
    metric: signInFailures,
    threshold: SIGN_IN_FAILURES_PER_PERIOD,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });

  const day = Duration.days(1);
  monitoring.graph(
    'Responses received a day, by audience and channel',
    (['offender', 'victim', 'sentencer'] as const).flatMap((audience) =>
      (['online', 'paper'] as const).map((channel) => metric('ResponsesReceived', day, 'Sum', { audience, channel })),
    ),
  );
  monitoring.graph('Sign-in failures and uploads refused (5 min), releases made (day), inspections in fieldwork', [
    signInFailures,
    metric('UploadsRefused', ALARM_PERIOD, 'Sum'),
    metric('ReleasesMade', day, 'Sum'),
    metric('FieldworkOpen', hour, 'Maximum'),
  ]);
}
