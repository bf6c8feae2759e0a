/**
 * Alarms that reach someone: every alarm the stack makes goes through `alarm()`, which adds the
 * one SNS topic as its alarm action (and its OK action, so a recovery is seen too). The
 * topic's email subscriber comes from the stage (alarmEmail). docs/runbook.md says what each
 * alarm means and what to do.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import {
  Alarm,
  type AlarmProps,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export const ALARM_PERIOD = Duration.minutes(5);
/** p99 duration alarms fire at this share of the function's timeout. */
export const DURATION_ALARM_SHARE = 0.8;

export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: { alarmEmail: string; dashboardName: string }) {
    super(scope, id);
    this.topic = new Topic(this, 'AlarmTopic', { displayName: `${props.dashboardName} alarms`, enforceSSL: true });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Only CloudWatch alarm notifications go through this topic: alarm names, metric names and thresholds, no personal data. ' +
        'CloudWatch cannot publish to a topic under the AWS managed aws/sns key, and a customer-managed key for this alone is not worth its cost and key policy.',
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: props.dashboardName });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# ${props.dashboardName}\nEvery alarm below notifies the alarm topic. What each one means: docs/runbook.md.`,
        width: 24,
        height: 2,
      }),
    );
  }

  /** An alarm with the topic as its action; `> threshold` and missing data as fine unless said otherwise. */
  alarm(scope: Construct, id: string, props: Omit<AlarmProps, 'comparisonOperator' | 'evaluationPeriods'> & Partial<Pick<AlarmProps, 'comparisonOperator' | 'evaluationPeriods'>>): Alarm {
    const alarm = new Alarm(scope, id, {
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      ...props,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
    return alarm;
  }

  graph(title: string, metrics: IMetric[], width = 12): void {
    this.dashboard.addWidgets(new GraphWidget({ title, left: metrics, width, height: 6 }));
  }
}
