/**
 * Structured JSON logs, each line with its Lambda invocation's request id and cold-start flag
 * (invocation.ts). Callers pass only operational facts (route, status, timings, ids):
 * never bodies, tokens, answers or free text. `safeErrorFields` keeps error logs to the
 * class name and a stack without the message, since messages can echo input.
 */
import { invocationFields } from './invocation';

type Level = 'debug' | 'info' | 'warn' | 'error';

const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = LEVELS[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? LEVELS.info;

export function log(level: Level, msg: string, fields: Record<string, string | number | boolean | null | undefined> = {}): void {
  if (LEVELS[level] < threshold) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...invocationFields(), ...fields });
  if (level === 'error' || level === 'warn') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
}

export function safeErrorFields(error: unknown): Record<string, string> {
  if (error instanceof Error) {
    const frames = (error.stack ?? '')
      .split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .slice(0, 8);
    return { errorName: error.name, errorStack: frames.map((f) => f.trim()).join(' | ') };
  }
  return { errorName: typeof error };
}
