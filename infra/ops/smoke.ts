/**
 * After every deploy (.github/workflows/deploy.yml): the stage answers through its public
 * address. `/health` is 200 JSON; the start page is a 200 HTML page with the security headers;
 * `/sign-in` sends a browser to the sign-in provider (authorization code with PKCE), not to an
 * error. Exits 1 naming every failed check; retries for a while, as CloudFront and new
 * function versions settle.
 *
 *   npx tsx infra/ops/smoke.ts https://feedback.example.gov.uk
 */
import { fileURLToPath } from 'node:url';

export interface SmokeResult {
  check: string;
  ok: boolean;
  detail: string;
}

export async function smoke(base: string): Promise<SmokeResult[]> {
  const get = (path: string) =>
    fetch(new URL(path, base), { redirect: 'manual', signal: AbortSignal.timeout(10_000), headers: { accept: 'text/html,application/json' } });
  const results: SmokeResult[] = [];
  const record = async (check: string, run: () => Promise<string | true>) => {
    try {
      const outcome = await run();
      results.push({ check, ok: outcome === true, detail: outcome === true ? 'ok' : outcome });
    } catch (error) {
      results.push({ check, ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  };
  await record('GET /health', async () => {
    const res = await get('/health');
    const body = await res.text();
    return res.status === 200 && body.trim().startsWith('{') ? true : `status ${res.status}`;
  });
  await record('GET / (the start page)', async () => {
    const res = await get('/');
    await res.arrayBuffer();
    if (res.status !== 200 || !(res.headers.get('content-type') ?? '').startsWith('text/html'))
      return `status ${res.status}, ${res.headers.get('content-type')}`;
    return res.headers.get('x-content-type-options') === 'nosniff' && res.headers.get('strict-transport-security')
      ? true
      : 'security headers missing';
  });
  await record('GET /sign-in (to the provider)', async () => {
    const res = await get('/sign-in');
    await res.arrayBuffer();
    const location = res.headers.get('location') ?? '';
    if (![302, 303].includes(res.status)) return `status ${res.status}`;
    const to = new URL(location, base);
    return to.origin !== new URL(base).origin && to.searchParams.get('code_challenge_method') === 'S256'
      ? true
      : `redirected to ${to.origin}${to.pathname}`;
  });
  return results;
}

async function main(base: string | undefined): Promise<void> {
  if (!base?.startsWith('https://') && !base?.startsWith('http://127.0.0.1')) throw new Error('usage: smoke.ts https://<the stage public address>');
  const deadline = Date.now() + Number(process.env.SMOKE_WAIT_S ?? 300) * 1000;
  for (;;) {
    const results = await smoke(base);
    const failed = results.filter((r) => !r.ok);
    if (failed.length === 0 || Date.now() > deadline) {
      for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.check}: ${r.detail}`);
      if (failed.length > 0) process.exitCode = 1;
      return;
    }
    await new Promise((r) => setTimeout(r, 15_000));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv[2]).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
