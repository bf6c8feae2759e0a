/** What a reply depends on in the request itself: where the client reached us, what it accepts. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const HOST = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/;

/**
 * The origin respondents reach us at, from the request API Gateway forwarded: the
 * `x-forwarded-proto` and `host` headers (falling back to the request context's domain name).
 * Plain http only for a loopback host, as `npm start` serves.
 */
export function originOf(headers: Record<string, string | undefined>, domainName?: string): string {
  const host = [headers.host?.trim(), domainName].find((h): h is string => typeof h === 'string' && HOST.test(h)) ?? 'localhost';
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
  const forwarded = headers['x-forwarded-proto']?.split(',')[0]?.trim().toLowerCase();
  const proto = forwarded === 'https' || forwarded === 'http' ? forwarded : loopback ? 'http' : 'https';
  return `${proto}://${host}`;
}

/**
 * The origin of the service, for links we hand out (invitations, report links) and the CSRF
 * origin check. In AWS it is PUBLIC_BASE_URL (the distribution's or the custom domain's
 * origin, set by the CDK app), never the request's Host: a forged Host must not be able to
 * point a respondent's link at another site. Without it (`npm start`), the request's host.
 */
export function publicOrigin(event: APIGatewayProxyEventV2): string {
  const base = process.env.PUBLIC_BASE_URL?.trim();
  if (base) return configuredOrigin(base);
  return originOf(event.headers ?? {}, event.requestContext?.domainName);
}

function configuredOrigin(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error('PUBLIC_BASE_URL is not a URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname))) {
    throw new Error('PUBLIC_BASE_URL must be https (plain http only on a loopback host)');
  }
  return url.origin;
}

/** `?format=csv`, or an Accept header that asks for CSV (and not JSON first). */
export function wantsCsv(format: string | undefined, accept: string | undefined): boolean {
  if (format === 'csv') return true;
  if (format === 'json') return false;
  const types = (accept ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!.trim().toLowerCase())
    .filter(Boolean);
  const csv = types.indexOf('text/csv');
  const jsonAt = types.indexOf('application/json');
  return csv !== -1 && (jsonAt === -1 || csv < jsonAt);
}
