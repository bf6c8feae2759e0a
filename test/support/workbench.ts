/** Signing in to the workbench (through the local OpenID Connect provider: support/sign-in.ts), and the forms' CSRF tokens, for the page tests. */
import { stringify } from 'csv-stringify/sync';
import { PROFILE_COLUMNS } from '#cases/csv';
import type { Role } from '#core/roles';
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

export async function page(
  path: string,
  options: { cookie?: string; method?: string; body?: string | FormData; headers?: Record<string, string> } = {},
): Promise<PageResult> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.cookie) headers.cookie = options.cookie;
  const res = await fetch(baseUrl() + path, {
    method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: options.body,
    redirect: 'manual',
  });
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

const FORM_WORDS: Record<string, string> = {
  yes: 'Yes',
  no: 'No',
  na: 'Not relevant',
  community: 'Community',
  licence: 'Licence',
  custody: 'Custody',
};

/** A file of finished cases `refs` of one type, written in the case form's words ("Community", "Tier 2", "HMI inspector", "Not relevant"). */
export function casesInFormWords(refs: readonly string[], type: 'community' | 'licence' | 'custody' = 'community'): string {
  const b = bank();
  const header = ['caseRef', ...PROFILE_COLUMNS, ...b.questions.map((q) => q.id)];
  return stringify([
    header,
    ...refs.map((ref, i) => {
      const input = makeCase(type, i + 1, b);
      return [
        ref,
        FORM_WORDS[type]!,
        ...PROFILE_COLUMNS.slice(1).map((c) => (c === 'tier' ? 'Tier 2' : c === 'assessor' ? 'HMI inspector' : '')),
        ...b.questions.map((q) => FORM_WORDS[input.answers[q.id] ?? ''] ?? ''),
      ];
    }),
  ]);
}

/** A CSV file sent from the dashboard's upload form. */
export function uploadCasesFile(inspectionId: string, cookie: string, csrf: string, content: string): Promise<PageResult> {
  const data = new FormData();
  data.set('csrf', csrf);
  data.set('file', new Blob([content], { type: 'text/csv' }), 'cases.csv');
  return page(`/workbench/inspections/${inspectionId}/cases`, { cookie, body: data });
}

/** The upload's confirmation page's form (issue 27), as a browser sends it: its action and hidden fields, unescaped; undefined without one. */
export function replaceForm(html: string): { action: string; fields: Record<string, string> } | undefined {
  const found = /<form method="post" action="([^"]+\/cases\/replace)" novalidate>([\s\S]*?)<\/form>/.exec(html);
  if (!found) return undefined;
  const fromHtml = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return {
    action: found[1]!,
    fields: Object.fromEntries([...found[2]!.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1]!, fromHtml(m[2]!)])),
  };
}

/** The cases a confirmation page lists, by reference, in order. */
export const listedForReplacing = (html: string) =>
  [...html.matchAll(/<tr class="govuk-table__row"><th[^>]*><a class="govuk-link" href="[^"]+">([^<]+)<\/a><\/th>/g)].map((m) => m[1]!);

/** The text of a page: tags removed, the two entities our pages use decoded, spaces collapsed. */
export const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
