/**
 * Starts the real `npm start` entry point as a child process (so tests exercise exactly
 * what a newcomer runs) and waits for its ready line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  baseUrl: string;
  dynamoEndpoint: string;
  tokens: Record<string, string>;
  /** The local OpenID Connect provider's issuer (`identity-provider <url>`), and each demo person's password (`password <name> <password>`). */
  identityProvider: string;
  passwords: Record<string, string>;
  /** The local SQS stand-in's queue URLs, by queue (`queue <name> <url>` lines). */
  queues: Record<string, string>;
  output: () => string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function startLocalServer(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', OMI_SEED_DEMO: '0', OMI_RATE_LIMIT_PER_MIN: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));

  const deadline = Date.now() + timeoutMs;
  while (!/^token staff /m.test(output)) {
    if (child.exitCode !== null) throw new Error(`local server exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`local server not ready in ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const baseUrl = /^ready (\S+)$/m.exec(output)![1]!;
  const dynamoEndpoint = /^dynamodb (\S+)$/m.exec(output)![1]!;
  const tokens: Record<string, string> = {};
  for (const m of output.matchAll(/^token (\w+) (\S+)$/gm)) tokens[m[1]!] = m[2]!;
  const passwords: Record<string, string> = {};
  for (const m of output.matchAll(/^password (\w+) (\S+)$/gm)) passwords[m[1]!] = m[2]!;
  const identityProvider = /^identity-provider (\S+)$/m.exec(output)![1]!;
  const queues: Record<string, string> = {};
  for (const m of output.matchAll(/^queue (\S+) (\S+)$/gm)) queues[m[1]!] = m[2]!;
  return {
    baseUrl,
    dynamoEndpoint,
    tokens,
    identityProvider,
    passwords,
    queues,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
