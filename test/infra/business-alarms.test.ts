/**
 * The alarms on the business metrics (issue 30, item 9), on a stack of their own (no function
 * bundles): responses that stop arriving while fieldwork is on (ticket), and a spike of failed
 * sign-ins (page). What they read is checked against what the functions write: the EMF lines of
 * shared/core/metrics.ts publish each alarm's metric under the same namespace and dimensions.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { businessAlarms, RESPONSES_QUIET_HOURS, SIGN_IN_FAILURES_PER_PERIOD } from '#infra/stacks/business-alarms';
import { Monitoring } from '#infra/stacks/monitoring';
import { emfDocument, heartbeatDocument, METRICS_NAMESPACE_ENV, metricsNamespace } from '#core/metrics';

type Props = Record<string, any>;
let alarms: Record<string, Props>;
let composites: Record<string, string>;

beforeAll(() => {
  const app = new App();
  const stack = new Stack(app, 'BusinessAlarms');
  const monitoring = new Monitoring(stack, 'Monitoring', { alarmEmail: '', alarmWebhookUrl: '', dashboardName: 'omi-collector-prod' });
  businessAlarms(stack, monitoring, 'prod');
  monitoring.notify('omi-collector-prod');
  const resources = Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string; Properties: Props }>;
  alarms = Object.fromEntries(
    Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm')
      .map(([id, r]) => [id.replace(/[0-9A-F]{8}$/, ''), r.Properties]),
  );
  composites = Object.fromEntries(
    Object.values(resources)
      .filter((r) => r.Type === 'AWS::CloudWatch::CompositeAlarm')
      .map((r) => [r.Properties.AlarmName, JSON.stringify(r.Properties.AlarmRule)]),
  );
});

/** The metrics an alarm reads: namespace, name, dimensions (sorted names), statistic, period. */
function readsOf(alarm: Props) {
  const stats = alarm.Metrics
    ? alarm.Metrics.filter((m: Props) => m.MetricStat).map((m: Props) => ({ id: m.Id, ...m.MetricStat }))
    : [
        {
          id: 'm',
          Metric: { Namespace: alarm.Namespace, MetricName: alarm.MetricName, Dimensions: alarm.Dimensions },
          Stat: alarm.Statistic,
          Period: alarm.Period,
        },
      ];
  return stats.map((s: Props) => ({
    id: s.id,
    namespace: s.Metric.Namespace,
    name: s.Metric.MetricName,
    dimensions: Object.fromEntries(s.Metric.Dimensions.map((d: Props) => [d.Name, d.Value])),
    stat: s.Stat,
    period: s.Period,
  }));
}

/** What the functions publish: each EMF document's (namespace, metric, dimension set) triples, for prod. */
function published(): Set<string> {
  const before = process.env[METRICS_NAMESPACE_ENV];
  process.env[METRICS_NAMESPACE_ENV] = metricsNamespace('prod');
  try {
    const docs = [
      emfDocument('ResponsesReceived', { audience: 'victim', channel: 'online' }),
      emfDocument('SignInFailures', { reason: 'state-mismatch' }),
      heartbeatDocument(1),
    ];
    const out = new Set<string>();
    for (const doc of docs) {
      const d = (doc._aws as { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] })
        .CloudWatchMetrics[0]!;
      for (const set of d.Dimensions)
        for (const m of d.Metrics) out.add(JSON.stringify([d.Namespace, m.Name, Object.fromEntries(set.map((k) => [k, doc[k]]))]));
    }
    return out;
  } finally {
    if (before === undefined) delete process.env[METRICS_NAMESPACE_ENV];
    else process.env[METRICS_NAMESPACE_ENV] = before;
  }
}

describe('responses stop arriving during fieldwork', () => {
  it('counts hours with fieldwork open and no response, from the heartbeat and the responses, and alarms after a whole quiet day', () => {
    const alarm = alarms.ResponsesStoppedAlarm!;
    expect(alarm).toMatchObject({
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      EvaluationPeriods: RESPONSES_QUIET_HOURS,
      DatapointsToAlarm: RESPONSES_QUIET_HOURS,
      // No data is the schedule not running, which its own alarms page for: not a quiet hour.
      TreatMissingData: 'notBreaching',
    });
    const expression = alarm.Metrics.find((m: Props) => m.Expression);
    expect(expression).toMatchObject({ Expression: 'IF(open > 0 AND responses == 0, 1, 0)', ReturnData: true });
    expect(readsOf(alarm).map((r: Props) => [r.id, r.name, r.stat, r.period])).toEqual([
      ['open', 'FieldworkOpen', 'Maximum', 3600],
      ['responses', 'ResponsesReceived', 'Sum', 3600],
    ]);
    expect(composites['omi-collector-prod-ticket']).toContain('ResponsesStoppedAlarm');
    expect(composites['omi-collector-prod-page']).not.toContain('ResponsesStoppedAlarm');
  });
});

describe('sign-in failures spike', () => {
  it(`pages when more than ${SIGN_IN_FAILURES_PER_PERIOD} sign-ins fail in five minutes; none failing is no data, not an alarm`, () => {
    const alarm = alarms.SignInFailuresAlarm!;
    expect(alarm).toMatchObject({
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: SIGN_IN_FAILURES_PER_PERIOD,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
    expect(readsOf(alarm).map((r: Props) => [r.name, r.stat, r.period])).toEqual([['SignInFailures', 'Sum', 300]]);
    expect(composites['omi-collector-prod-page']).toContain('SignInFailuresAlarm');
  });
});

describe('what the alarms read', () => {
  it("is what the functions write: the stage's namespace, the metric, and one of its published dimension sets", () => {
    const triples = published();
    const reads = [...readsOf(alarms.ResponsesStoppedAlarm!), ...readsOf(alarms.SignInFailuresAlarm!)];
    expect(reads).toHaveLength(3);
    for (const r of reads) expect(triples, JSON.stringify(r)).toContain(JSON.stringify([r.namespace, r.name, r.dimensions]));
    for (const r of reads) expect(r.namespace).toBe('OmiCollector/prod');
  });
});
