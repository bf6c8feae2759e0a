/**
 * What can only be watched from us-east-1: the service from outside, and the edge. Route 53
 * health checks request `/health` and the start page through CloudFront (the whole path a
 * person's request takes: DNS, TLS, the WAF, the origin header, a function), and CloudFront's
 * and the WAF's metrics are published there only. Alarms notify through a topic of this stack
 * with the stage's same destinations (an alarm's action must be in its own region), again as
 * composite alarms, so one blip pages nobody. CloudFront's standard logs are delivered here too
 * (edge-logs.ts).
 */
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { CfnHealthCheck } from 'aws-cdk-lib/aws-route53';
import type { Construct } from 'constructs';
import type { StageConfig } from '#infra/stages';
import { EdgeLogs } from './edge-logs';
import { Monitoring } from './monitoring';

/** The outside checks: the health route, and one real page rendered by a function. */
export const OUTSIDE_CHECKS = [
  { id: 'Health', path: '/health' },
  { id: 'StartPage', path: '/' },
] as const;
/** CloudFront's 5xx share (%) that pages, over 2 of 3 five-minute periods. */
export const EDGE_5XX_PERCENT = 5;
/** Requests the WAF blocks in 5 minutes before somebody looks: an attack, or a rule blocking real users. */
export const WAF_BLOCKED_SPIKE = 1000;

export interface WatchStackProps extends StackProps {
  config: StageConfig;
  /** The public host name: the stage's domain, or the distribution's *.cloudfront.net name. */
  host: string;
  distributionId: string;
  webAclName: string;
}

/** The edge's alarms (CloudFront's errors, the WAF's blocks) read their metric over five minutes. */
const edgeMetric = (namespace: string, metricName: string, dimensionsMap: Record<string, string>, statistic: string) =>
  new Metric({ namespace, metricName, dimensionsMap, period: Duration.minutes(5), statistic });

export class WatchStack extends Stack {
  readonly monitoring: Monitoring;
  readonly healthChecks: CfnHealthCheck[] = [];
  readonly edgeLogs: EdgeLogs;

  constructor(scope: Construct, id: string, props: WatchStackProps) {
    super(scope, id, props);
    const { config } = props;
    const monitoring = (this.monitoring = new Monitoring(this, 'Monitoring', { ...config, dashboardName: `omi-collector-${config.stage}-edge` }));

    for (const check of OUTSIDE_CHECKS) {
      const healthCheck = new CfnHealthCheck(this, `${check.id}Check`, {
        healthCheckConfig: {
          type: 'HTTPS',
          fullyQualifiedDomainName: props.host,
          resourcePath: check.path,
          port: 443,
          enableSni: true,
          requestInterval: 30,
          failureThreshold: 3,
        },
        healthCheckTags: [{ key: 'Name', value: `omi-collector-${config.stage} ${check.path}` }],
      });
      this.healthChecks.push(healthCheck);
      const status = new Metric({
        namespace: 'AWS/Route53',
        metricName: 'HealthCheckStatus',
        dimensionsMap: { HealthCheckId: healthCheck.attrHealthCheckId },
        period: Duration.minutes(1),
        statistic: 'Minimum',
      });
      monitoring.alarm(this, `${check.id}OutsideAlarm`, {
        alarmDescription: `https://${props.host}${check.path} failed Route 53's checks from outside AWS for 3 minutes running: people cannot reach the service.`,
        metric: status,
        threshold: 1,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 3,
        // No data means no checker reported: treat as down.
        treatMissingData: TreatMissingData.BREACHING,
      });
      monitoring.graph(`Outside check ${check.path} (1 = healthy)`, [status]);
    }

    const edge5xx = edgeMetric('AWS/CloudFront', '5xxErrorRate', { DistributionId: props.distributionId, Region: 'Global' }, 'Average');
    monitoring.alarm(this, 'Edge5xxAlarm', {
      alarmDescription: `Over ${EDGE_5XX_PERCENT}% of CloudFront's answers were 5xx in 2 of the last 3 five-minute periods: the origin is failing or unreachable.`,
      metric: edge5xx,
      threshold: EDGE_5XX_PERCENT,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });
    const blocked = edgeMetric('AWS/WAFV2', 'BlockedRequests', { WebACL: props.webAclName, Rule: 'ALL' }, 'Sum');
    monitoring.alarm(
      this,
      'WafBlockedSpikeAlarm',
      {
        alarmDescription: `The WAF blocked more than ${WAF_BLOCKED_SPIKE} requests in 5 minutes: an attack, or a rule blocking real people (see its per-rule metrics).`,
        metric: blocked,
        threshold: WAF_BLOCKED_SPIKE,
      },
      'ticket',
    );
    monitoring.graph('CloudFront 5xx (%), WAF blocked requests', [edge5xx, blocked]);
    this.edgeLogs = new EdgeLogs(this, 'EdgeLogs', { stage: config.stage, distributionId: props.distributionId, retain: config.retain });
    monitoring.notify(`omi-collector-${config.stage}-edge`);
  }
}
