/** Signing in to the workbench (through the local OpenID Connect provider: support/sign-in.ts), and the forms' CSRF tokens, for the page tests. */
import { stringify } from 'csv-stringify/sync';
import { PROFILE_COLUMNS } from '../../shared/cases/csv';
import type { Role } from '../../shared/core/roles';
import { baseUrl } from './api';
import { bank, makeCase } from './fixtures';
import { signInOverHttp } from './sign-in';

export interface PageResult {
  status: number;
  headers: Headers;
  text: string;
}

/** The session cookie (`omi_session=...`) of a demo person signed in through the local provider, and the raw Set-Cookie line. */
export async function signIn(role: Role): Promise<{ cookie: string; setCookie: string; location: string | null }> {
  const { cookie, setCookie, location } = await signInOverHttp(role);
  return { cookie, setCookie, location };
}

export async function page(path: string, options: { cookie?: string; method?: string; body?: string | FormData; headers?: Record<string, string> } = {}): Promise<PageResult> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.cookie) headers.cookie = options.cookie;
  const res = await fetch(baseUrl() + path, { method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'), headers, body: options.body, redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

export function csrfOf(html: string): string {
  const m = /name="csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1]!;
}

export const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

/** A cases CSV of `count` valid cases; `badRow` (spreadsheet numbering, header = 1) gets an unknown case type. */
export function casesCsv(prefix: string, count: number, badRow?: number): string {
  const b = bank();
  const questionIds = b.questions.map((q) => q.id);
  const header = ['caseRef', ...PROFILE_COLUMNS, ...questionIds];
  const types = ['licence', 'community', 'custody'] as const;
  const rows = Array.from({ length: count }, (_, i) => {
    const input = makeCase(types[i % 3]!, i + 1, b);
    const row = [
      `${prefix}-${String(i + 1).padStart(3, '0')}`,
      ...PROFILE_COLUMNS.map((c) => {
        const v = (input.profile as Record<string, unknown>)[c];
        return v === undefined ? '' : String(v);
      }),
      ...questionIds.map((id) => input.answers[id] ?? ''),
    ];
    if (badRow === i + 2) row[1 + PROFILE_COLUMNS.indexOf('caseType')] = 'borstal';
    return row;
  });
  return stringify([header, ...rows]);
}
