import { inject } from 'vitest';
import { signLocalToken } from '#infra/local/jwt';
import type { Role } from '#core/roles';

export const baseUrl = () => inject('baseUrl');

const cache = new Map<string, Promise<string>>();
export function tokenFor(...roles: Role[]): Promise<string> {
  const key = roles.join(' ');
  let token = cache.get(key);
  if (!token) cache.set(key, (token = signLocalToken(inject('jwtSecret'), `test-${roles.join('-') || 'none'}`, roles)));
  return token;
}

export interface CallOptions {
  method?: string;
  as?: Role | Role[] | null;
  json?: unknown;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export async function call<T = any>(path: string, options: CallOptions = {}): Promise<CallResult<T>> {
  const roles = options.as ? (Array.isArray(options.as) ? options.as : [options.as]) : undefined;
  return send<T>(baseUrl() + path, options, roles ? `Bearer ${await tokenFor(...roles)}` : undefined);
}

/** One request to any server: a JSON body when `json` is given, the answer read as text and (if it parses) JSON. */
export async function send<T = any>(url: string, options: CallOptions, authorization?: string): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (authorization) headers.authorization = authorization;
  let body: string | Buffer | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(url, { method: options.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Asserts the RFC 9457 shape every error must have. */
export function expectProblem(result: CallResult, status: number) {
  if (result.status !== status) throw new Error(`expected ${status}, got ${result.status}: ${result.text.slice(0, 500)}`);
  if (!result.headers.get('content-type')?.startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${result.headers.get('content-type')}`);
  }
  const p = result.json;
  if (
    typeof p?.type !== 'string' ||
    typeof p?.title !== 'string' ||
    p?.status !== status ||
    typeof p?.detail !== 'string' ||
    !Array.isArray(p?.errors)
  ) {
    throw new Error(`not a problem body: ${result.text.slice(0, 500)}`);
  }
  return p as { type: string; title: string; status: number; detail: string; errors: { path: string; message: string }[] };
}
