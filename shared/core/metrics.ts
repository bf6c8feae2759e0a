/**
 * Business metrics as CloudWatch embedded metric format (EMF): one JSON line on stdout per
 * event, which CloudWatch Logs turns into a metric as it ingests the function's log. Written by
 * hand (the format is one object) so that no bundle carries a metrics library. A line names
 * only what the metric says (an audience, a kind, a reason): never a person, an inspection, a
 * token or anything typed. docs/runbook.md ("Alarms") says which alarms read them.
 *
 * Each count goes out where its event is decided, after the write that makes it true, so a
 * retry that changes nothing (a link already used, a release already committed) counts nothing.
 */
import { invocationFields } from './invocation';

/** The dimension every metric carries (as Powertools Metrics does), so each has a total over the rest. */
export const METRICS_SERVICE = 'collector';

/** Why a sign-in was refused at the callback (functions/sign-in.ts). */
export type SignInFailure = 'state-mismatch' | 'state-replayed' | 'exchange-refused' | 'id-token-refused';
/** Why an upload (a CSV or a file) was refused, from its status: a 5xx is a failure, not a refusal. */
export type UploadRefusal = 'invalid' | 'forbidden' | 'conflict' | 'too-large' | 'wrong-type' | 'other';

export interface BusinessMetrics {
  /** A questionnaire response stored: sent online by the respondent, or entered from paper by staff. `audience`: the questionnaire's (offender, victim, sentencer). */
  ResponsesReceived: { audience: string; channel: 'online' | 'paper' };
  /** A release committed (the report frozen). `kind`: factual-accuracy or final. */
  ReleasesMade: { kind: string };
  SignInFailures: { reason: SignInFailure };
  UploadsRefused: { reason: UploadRefusal };
  /** A gauge the schedule writes each run (heartbeatDocument): inspections whose fieldwork week is under way. */
  FieldworkOpen: Record<never, string>;
}
export type MetricName = keyof BusinessMetrics;

/** Each metric's own dimensions, in the order they are published. */
export const METRIC_DIMENSIONS: { readonly [N in MetricName]: readonly (keyof BusinessMetrics[N])[] } = {
  ResponsesReceived: ['audience', 'channel'],
  ReleasesMade: ['kind'],
  SignInFailures: ['reason'],
  UploadsRefused: ['reason'],
  FieldworkOpen: [],
};

/** One namespace per stage: staging's test traffic never moves prod's alarms. */
export const metricsNamespace = (stage: string) => `OmiCollector/${stage}`;
export const METRICS_NAMESPACE_ENV = 'METRICS_NAMESPACE';

/** The EMF document for one value of one metric. */
export function emfDocument<N extends MetricName>(name: N, dimensions: BusinessMetrics[N], value = 1, now = Date.now()): Record<string, unknown> {
  const own = METRIC_DIMENSIONS[name] as readonly string[];
  // The service-wide total (what the alarms read) and, where there are any, the breakdown.
  return document({ [name]: value }, dimensions, own.length ? [['service'], ['service', ...own]] : [['service']], 'metric', now);
}

/**
 * The schedule's heartbeat: the inspections in fieldwork, and a zero for the responses, both
 * service-wide only. The zero gives the responses metric a value in every period the schedule
 * runs, so the alarm compares two series that are both there instead of trusting FILL() to
 * make up a metric that sent nothing at all.
 */
export function heartbeatDocument(fieldworkOpen: number, now = Date.now()): Record<string, unknown> {
  return document({ FieldworkOpen: fieldworkOpen, ResponsesReceived: 0 }, {}, [['service']], 'heartbeat', now);
}

function document(
  values: Partial<Record<MetricName, number>>,
  dimensions: object,
  sets: string[][],
  msg: string,
  now: number,
): Record<string, unknown> {
  return {
    _aws: {
      Timestamp: now,
      CloudWatchMetrics: [
        {
          Namespace: process.env[METRICS_NAMESPACE_ENV] || metricsNamespace('local'),
          Dimensions: sets,
          Metrics: Object.keys(values).map((Name) => ({ Name, Unit: 'Count' })),
        },
      ],
    },
    level: 'info',
    msg,
    ...invocationFields(),
    service: METRICS_SERVICE,
    ...dimensions,
    ...values,
  };
}

/** Writes one metric line. Not subject to LOG_LEVEL: a metric is data, not chatter. */
export function countMetric<N extends MetricName>(name: N, dimensions: BusinessMetrics[N], value = 1): void {
  process.stdout.write(`${JSON.stringify(emfDocument(name, dimensions, value))}\n`);
}

export function writeHeartbeat(fieldworkOpen: number): void {
  process.stdout.write(`${JSON.stringify(heartbeatDocument(fieldworkOpen))}\n`);
}
