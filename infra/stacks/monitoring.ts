/**
 * Alarms that reach someone, and only when it matters. Every alarm the stack makes goes through
 * `alarm()`, and none of them notifies by itself: `notify()` joins them into composite alarms,
 * one per severity, and only those have the SNS topic as their action (and OK action, so a
 * recovery is seen too). One error in one function pages nobody; a rate of them, a dead letter,
 * a failed backup or an outside check failing does, once, naming the alarms behind it. The
 * topic's subscribers come from the stage (alarmEmail, alarmWebhookUrl). Each function's own
 * errors, throttles and duration stay on the dashboard. docs/runbook.md says what each alarm
 * means and what to do.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmRule,
  type AlarmProps,
  CompositeAlarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, UrlSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export const ALARM_PERIOD = Duration.minutes(5);

/** `page`: people cannot use the service, or data is at risk; `ticket`: look today. */
export type Severity = 'page' | 'ticket';

export interface AlertDestinations {
  alarmEmail: string;
  alarmWebhookUrl: string;
}

export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  /** The composite alarms that notify, by severity (made by notify()). */
  readonly composites = new Map<Severity, CompositeAlarm>();
  readonly dashboard: Dashboard;
  private readonly severities = new Map<Alarm, Severity>();

  constructor(scope: Construct, id: string, props: AlertDestinations & { dashboardName: string }) {
    super(scope, id);
    this.topic = new Topic(this, 'AlarmTopic', { displayName: `${props.dashboardName} alarms`, enforceSSL: true });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Only CloudWatch alarm notifications go through this topic: alarm names, metric names and thresholds, no personal data. ' +
        'CloudWatch cannot publish to a topic under the AWS managed aws/sns key, and a customer-managed key for this alone is not worth its cost and key policy.',
    });
    subscribe(this.topic, props);
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: props.dashboardName });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# ${props.dashboardName}\nThe composite alarms notify the alarm topic; the graphs below are each function's detail. What each alarm means: docs/runbook.md.`,
        width: 24,
        height: 2,
      }),
    );
  }

  /** An alarm in a severity's group; `> threshold` and missing data as fine unless said otherwise. */
  alarm(
    scope: Construct,
    id: string,
    props: Omit<AlarmProps, 'comparisonOperator' | 'evaluationPeriods'> & Partial<Pick<AlarmProps, 'comparisonOperator' | 'evaluationPeriods'>>,
    severity: Severity = 'page',
  ): Alarm {
    const alarm = new Alarm(scope, id, {
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      ...props,
    });
    this.alarms.push(alarm);
    this.severities.set(alarm, severity);
    return alarm;
  }

  /** One composite alarm per severity over its alarms, the only ones with the topic as action. Call once, last. */
  notify(prefix: string): void {
    for (const severity of ['page', 'ticket'] as const) {
      const members = this.alarms.filter((a) => this.severities.get(a) === severity);
      if (members.length === 0) continue;
      const composite = new CompositeAlarm(this, `${severity === 'page' ? 'Page' : 'Ticket'}Alarm`, {
        compositeAlarmName: `${prefix}-${severity}`,
        alarmDescription:
          severity === 'page'
            ? 'Somebody cannot use the service, or data is at risk: one of the alarms below is in ALARM. docs/runbook.md, "Alarms".'
            : 'Something needs looking at today: one of the alarms below is in ALARM. docs/runbook.md, "Alarms".',
        alarmRule: AlarmRule.anyOf(...members),
      });
      const action = new SnsAction(this.topic);
      composite.addAlarmAction(action);
      composite.addOkAction(action);
      this.composites.set(severity, composite);
    }
  }

  graph(title: string, metrics: IMetric[], width = 12): void {
    this.dashboard.addWidgets(new GraphWidget({ title, left: metrics, width, height: 6 }));
  }
}

/** The stage's alert destinations on a topic: mail, and an https webhook (a chat service, a pager). */
export function subscribe(topic: Topic, props: AlertDestinations): void {
  if (props.alarmEmail) topic.addSubscription(new EmailSubscription(props.alarmEmail));
  if (props.alarmWebhookUrl) topic.addSubscription(new UrlSubscription(props.alarmWebhookUrl));
}
