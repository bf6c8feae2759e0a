/**
 * CloudFront's standard logs (v2), with the fields chosen here and nothing else. CloudFront hands
 * its logs to CloudWatch Logs' delivery in us-east-1 only, so this lives in the watch stack.
 *
 * What a line holds: when, which edge location, the method, the status, the bytes each way, how
 * long it took, whether the cache or the origin answered (and the error type when it failed),
 * the protocol and TLS version, the cache behaviour's path pattern (`/assets/*` or the default,
 * never the path itself), the response's content type, the viewer's country, and CloudFront's
 * request id, which the WAF's log of blocked requests carries too (waf-stack.ts), so the two can be
 * read together. Left out on purpose: the client's IP address and port, X-Forwarded-For, the path
 * and query (a respondent's path carries their questionnaire token), cookies, the referrer and the
 * user agent. What the privacy notice says of them, in English and Welsh: docs/runbook.md, "Edge logs".
 *
 * Kept as long as the WAF's log, 30 days: enough to find why somebody was refused, and neither log
 * outlives the other.
 */
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnDelivery, CfnDeliveryDestination, CfnDeliverySource, LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { WAF_LOG } from './waf-stack';

export const EDGE_LOG = {
  retention: WAF_LOG.retention,
  fields: [
    'date',
    'time',
    'x-edge-location',
    'x-edge-request-id',
    'cs-method',
    'sc-status',
    'sc-bytes',
    'cs-bytes',
    'time-taken',
    'time-to-first-byte',
    'x-edge-result-type',
    'x-edge-response-result-type',
    'x-edge-detailed-result-type',
    'cs-protocol',
    'cs-protocol-version',
    'ssl-protocol',
    'cache-behavior-path-pattern',
    'sc-content-type',
    'c-country',
  ],
} as const satisfies { retention: RetentionDays; fields: readonly string[] };

export interface EdgeLogsProps {
  stage: string;
  distributionId: string;
  retain: boolean;
}

export class EdgeLogs extends Construct {
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: EdgeLogsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: EDGE_LOG.retention,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const name = `omi-collector-${props.stage}-edge`;
    const source = new CfnDeliverySource(this, 'Source', {
      name,
      logType: 'ACCESS_LOGS',
      resourceArn: stack.formatArn({ service: 'cloudfront', region: '', resource: 'distribution', resourceName: props.distributionId }),
    });
    const destination = new CfnDeliveryDestination(this, 'Destination', {
      name,
      destinationResourceArn: this.logGroup.logGroupArn,
      outputFormat: 'json',
    });
    const delivery = new CfnDelivery(this, 'Delivery', {
      deliverySourceName: source.name,
      deliveryDestinationArn: destination.attrArn,
      recordFields: [...EDGE_LOG.fields],
    });
    delivery.node.addDependency(source);
  }
}
