/**
 * The headers every answer carries, success or error, from a function or from the local
 * gateway: no MIME sniffing, no referrer, HTTPS only, never framed, never cached.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};
