/**
 * Business metrics (issue 30, item 9): each line is a valid CloudWatch embedded metric format
 * document. The oracle below is the EMF specification's rules written out on their own
 * (AWS, "Specification: Embedded metric format", and the limits of AWS's own EMF libraries:
 * 30 dimensions a set, names up to 250 and values up to 1,024 characters, 100 metrics a
 * directive, namespace [a-zA-Z0-9._#:/-]{1,256}), not the module under test.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  countMetric,
  emfDocument,
  heartbeatDocument,
  METRIC_DIMENSIONS,
  METRICS_NAMESPACE_ENV,
  metricsNamespace,
  type BusinessMetrics,
  type MetricName,
} from '#core/metrics';
import { withInvocation } from '#core/invocation';
import { uploadRefusalOf } from '#http/upload-metrics';

const UNITS = new Set([
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None',
]);

/** Every rule of the specification the document breaks; [] for a valid one. */
function emfProblems(line: string): string[] {
  const problems: string[] = [];
  let root: Record<string, unknown>;
  try {
    root = JSON.parse(line);
  } catch {
    return ['the log event is not one JSON object'];
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return ['the root is not an object'];
  const meta = root._aws as Record<string, unknown> | undefined;
  if (typeof meta !== 'object' || meta === null) return ['no _aws metadata object'];
  for (const key of Object.keys(meta)) if (!['Timestamp', 'CloudWatchMetrics'].includes(key)) problems.push(`_aws has an unknown member ${key}`);
  if (!Number.isInteger(meta.Timestamp) || (meta.Timestamp as number) < 0) problems.push('_aws.Timestamp is not milliseconds since the epoch');
  const directives = meta.CloudWatchMetrics;
  if (!Array.isArray(directives) || directives.length === 0) return [...problems, '_aws.CloudWatchMetrics is not a non-empty array'];
  for (const d of directives as Record<string, unknown>[]) {
    for (const key of Object.keys(d))
      if (!['Namespace', 'Dimensions', 'Metrics'].includes(key)) problems.push(`a directive has an unknown member ${key}`);
    if (typeof d.Namespace !== 'string' || !/^[a-zA-Z0-9._#:/-]{1,256}$/.test(d.Namespace)) problems.push(`bad Namespace ${String(d.Namespace)}`);
    if (!Array.isArray(d.Dimensions)) problems.push('Dimensions is not an array of dimension sets');
    for (const set of (d.Dimensions ?? []) as unknown[]) {
      if (!Array.isArray(set) || set.length > 30) problems.push('a dimension set is not an array of at most 30 keys');
      for (const key of (set ?? []) as unknown[]) {
        if (typeof key !== 'string' || key.length < 1 || key.length > 250) problems.push(`bad dimension name ${String(key)}`);
        const value = root[key as string];
        if (typeof value !== 'string' || value.length < 1 || value.length > 1024)
          problems.push(`dimension ${String(key)} has no string value of 1-1024 characters at the root`);
      }
    }
    if (!Array.isArray(d.Metrics) || d.Metrics.length === 0 || d.Metrics.length > 100) problems.push('Metrics is not an array of 1-100 definitions');
    for (const m of (d.Metrics ?? []) as Record<string, unknown>[]) {
      for (const key of Object.keys(m))
        if (!['Name', 'Unit', 'StorageResolution'].includes(key)) problems.push(`a metric definition has an unknown member ${key}`);
      if (typeof m.Name !== 'string' || m.Name.length < 1 || m.Name.length > 1024) problems.push('a metric has no Name');
      if (m.Unit !== undefined && !UNITS.has(m.Unit as string)) problems.push(`unknown Unit ${String(m.Unit)}`);
      if (m.StorageResolution !== undefined && m.StorageResolution !== 1 && m.StorageResolution !== 60)
        problems.push('StorageResolution is neither 1 nor 60');
      const value = root[m.Name as string];
      const values = Array.isArray(value) ? value : [value];
      if (values.length === 0 || values.length > 100 || !values.every((v) => typeof v === 'number' && Number.isFinite(v)))
        problems.push(`metric ${String(m.Name)} has no number value at the root`);
    }
  }
  return problems;
}

const EXAMPLES: { [N in MetricName]: BusinessMetrics[N] } = {
  ResponsesReceived: { audience: 'victim', channel: 'paper' },
  ReleasesMade: { kind: 'final' },
  SignInFailures: { reason: 'state-replayed' },
  UploadsRefused: { reason: 'too-large' },
  FieldworkOpen: {},
};

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env[METRICS_NAMESPACE_ENV];
});

describe('the oracle', () => {
  it('refuses documents the specification refuses', () => {
    const good = JSON.stringify(emfDocument('ReleasesMade', { kind: 'final' }));
    expect(emfProblems(good)).toEqual([]);
    const broken = (change: (d: any) => void) => {
      const d = JSON.parse(good);
      change(d);
      return emfProblems(JSON.stringify(d));
    };
    expect(broken((d) => delete d._aws.Timestamp)).not.toEqual([]);
    expect(broken((d) => (d._aws.Timestamp = new Date().toISOString()))).not.toEqual([]);
    expect(broken((d) => delete d.kind)).not.toEqual([]);
    expect(broken((d) => (d.ReleasesMade = '1'))).not.toEqual([]);
    expect(broken((d) => (d._aws.CloudWatchMetrics[0].Namespace = 'has spaces'))).not.toEqual([]);
    expect(broken((d) => (d._aws.CloudWatchMetrics[0].Metrics[0].Unit = 'count'))).not.toEqual([]);
    expect(broken((d) => (d._aws.CloudWatchMetrics[0].Extra = 1))).not.toEqual([]);
    expect(emfProblems(`${good} trailing`)).not.toEqual([]);
  });
});

describe('each business metric', () => {
  it.each(Object.keys(EXAMPLES) as MetricName[])('%s is one valid EMF line, a total by service and a breakdown by its own dimensions', (name) => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    countMetric(name, EXAMPLES[name] as never, name === 'FieldworkOpen' ? 3 : 1);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(lines[0]!.slice(0, -1).includes('\n')).toBe(false);
    expect(emfProblems(lines[0]!.trimEnd())).toEqual([]);
    const doc = JSON.parse(lines[0]!);
    const directive = doc._aws.CloudWatchMetrics[0];
    expect(directive.Metrics).toEqual([{ Name: name, Unit: 'Count' }]);
    const own = Object.keys(EXAMPLES[name]);
    expect(directive.Dimensions).toEqual(own.length ? [['service'], ['service', ...own]] : [['service']]);
    expect(doc[name]).toBe(name === 'FieldworkOpen' ? 3 : 1);
    expect(METRIC_DIMENSIONS[name]).toEqual(own);
  });

  it('goes to the stage namespace the stack sets, and to a local one otherwise', () => {
    expect(emfDocument('ReleasesMade', { kind: 'final' })._aws).toMatchObject({ CloudWatchMetrics: [{ Namespace: 'OmiCollector/local' }] });
    process.env[METRICS_NAMESPACE_ENV] = metricsNamespace('prod');
    expect(emfDocument('ReleasesMade', { kind: 'final' })._aws).toMatchObject({ CloudWatchMetrics: [{ Namespace: 'OmiCollector/prod' }] });
    expect(metricsNamespace('staging')).not.toBe(metricsNamespace('prod'));
  });

  it('and the heartbeat: the fieldwork gauge with a zero for the responses, service-wide only, so the alarm always has both', () => {
    const doc = heartbeatDocument(2, 1_765_000_000_000);
    expect(emfProblems(JSON.stringify(doc))).toEqual([]);
    expect(doc._aws).toEqual({
      Timestamp: 1_765_000_000_000,
      CloudWatchMetrics: [
        {
          Namespace: 'OmiCollector/local',
          Dimensions: [['service']],
          Metrics: [
            { Name: 'FieldworkOpen', Unit: 'Count' },
            { Name: 'ResponsesReceived', Unit: 'Count' },
          ],
        },
      ],
    });
    expect(doc).toMatchObject({ FieldworkOpen: 2, ResponsesReceived: 0, msg: 'heartbeat' });
  });

  it('stamps the time the event happened, in milliseconds', () => {
    expect((emfDocument('ReleasesMade', { kind: 'final' }, 1, 1_765_000_000_123)._aws as { Timestamp: number }).Timestamp).toBe(1_765_000_000_123);
  });

  it('carries the invocation that counted it', async () => {
    const doc = await withInvocation(async () => emfDocument('UploadsRefused', { reason: 'invalid' }))(
      {},
      { awsRequestId: 'req-metric-1', functionName: 'metrics-test-fn' },
    );
    expect(doc).toMatchObject({ function_request_id: 'req-metric-1', cold_start: true, service: 'collector', reason: 'invalid' });
    expect(emfProblems(JSON.stringify(doc))).toEqual([]);
  });
});

describe('an upload refusal', () => {
  it('is named by its 4xx status, and a success or a 5xx is none', () => {
    expect([400, 403, 409, 413, 415, 422, 200, 201, 303, 500, 503].map(uploadRefusalOf)).toEqual([
      'invalid',
      'forbidden',
      'conflict',
      'too-large',
      'wrong-type',
      'other',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
