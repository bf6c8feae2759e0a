/**
 * Logs carry the Lambda invocation (issue 30, item 9), under Powertools Logger's field names:
 * `function_request_id`, `cold_start` (true on a function's first invocation in its process
 * only), `function_name`, and `xray_trace_id` from Lambda's trace header.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { log } from '#core/log';
import { withInvocation } from '#core/invocation';

const captured = () => {
  const lines: Record<string, unknown>[] = [];
  const keep = (chunk: unknown) => {
    lines.push(JSON.parse(String(chunk)));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  vi.spyOn(process.stderr, 'write').mockImplementation(keep);
  return lines;
};

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env._X_AMZN_TRACE_ID;
});

describe('a log line inside an invocation', () => {
  it("names its request, and is a cold start only on the function's first invocation", async () => {
    const lines = captured();
    const handler = withInvocation(async (_event: unknown, _context: { awsRequestId: string; functionName: string }) =>
      log('warn', 'something', { status: 400 }),
    );
    await handler({}, { awsRequestId: 'req-1', functionName: 'log-fields-a' });
    await handler({}, { awsRequestId: 'req-2', functionName: 'log-fields-a' });
    await handler({}, { awsRequestId: 'req-3', functionName: 'log-fields-b' });
    expect(lines.map((l) => [l.function_request_id, l.function_name, l.cold_start])).toEqual([
      ['req-1', 'log-fields-a', true],
      ['req-2', 'log-fields-a', false],
      ['req-3', 'log-fields-b', true],
    ]);
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'something', status: 400 });
  });

  it('keeps each request its own while several run at once (the local server runs them in one process)', async () => {
    const lines = captured();
    const handler = withInvocation(async (event: { wait: number }, _context: { awsRequestId: string; functionName: string }) => {
      await new Promise((r) => setTimeout(r, event.wait));
      log('info', 'done', { wait: event.wait });
    });
    await Promise.all([
      handler({ wait: 30 }, { awsRequestId: 'slow', functionName: 'log-fields-c' }),
      handler({ wait: 1 }, { awsRequestId: 'fast', functionName: 'log-fields-c' }),
    ]);
    expect(lines.map((l) => [l.wait, l.function_request_id])).toEqual([
      [1, 'fast'],
      [30, 'slow'],
    ]);
  });

  it('carries the X-Ray trace id Lambda set for the invocation', async () => {
    const lines = captured();
    process.env._X_AMZN_TRACE_ID = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
    await withInvocation(async () => log('info', 'traced'))({}, { awsRequestId: 'req-4', functionName: 'log-fields-d' });
    expect(lines[0]!.xray_trace_id).toBe('1-5759e988-bd862e3fe1be46a994272793');
  });

  it('and outside one (a script, the local gateway) carries none of them', () => {
    const lines = captured();
    log('info', 'outside');
    expect(Object.keys(lines[0]!).sort()).toEqual(['level', 'msg', 'time']);
  });
});
