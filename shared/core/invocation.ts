/**
 * Which Lambda invocation a log line or a metric belongs to, with the field names of Powertools
 * Logger (`function_request_id`, `cold_start`, `function_name`, `xray_trace_id`), so that
 * CloudWatch Logs Insights queries written for Powertools work here too. Held in an
 * AsyncLocalStorage rather than a module variable: locally one process serves every function,
 * many requests at once, and each line must still name its own request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface InvocationFields {
  function_request_id?: string;
  function_name?: string;
  cold_start: boolean;
  xray_trace_id?: string;
}

const current = new AsyncLocalStorage<InvocationFields>();
/** Functions that have run once in this process: in Lambda one process is one function's execution environment. */
const warm = new Set<string>();

/** The fields of an invocation from Lambda's context; the trace id as Lambda sets it for this invocation. */
export function invocationOf(
  context: { awsRequestId?: string; functionName?: string } | undefined,
  traceHeader = process.env._X_AMZN_TRACE_ID,
): InvocationFields {
  const name = context?.functionName ?? '';
  const cold = !warm.has(name);
  warm.add(name);
  const root = traceHeader ? /(?:^|;)Root=([^;]+)/.exec(traceHeader)?.[1] : undefined;
  return {
    ...(context?.awsRequestId ? { function_request_id: context.awsRequestId } : {}),
    ...(context?.functionName ? { function_name: context.functionName } : {}),
    cold_start: cold,
    ...(root ? { xray_trace_id: root } : {}),
  };
}

/** A Lambda handler whose every log line and metric carries its invocation's fields. */
export function withInvocation<E, C extends { awsRequestId?: string; functionName?: string }, R>(handler: (event: E, context: C) => Promise<R>) {
  // Lambda always passes the context; a test that calls a handler with the event alone gets fields without a request id.
  return (event: E, context?: C): Promise<R> => current.run(invocationOf(context), () => handler(event, context as C));
}

/** This invocation's fields; none outside one (a script, the local server's own lines). */
export function invocationFields(): Partial<InvocationFields> {
  return current.getStore() ?? {};
}
