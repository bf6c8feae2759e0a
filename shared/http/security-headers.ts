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

/**
 * The pages' Content-Security-Policy: only our own styles, scripts and fonts; nobody frames us;
 * forms lead only to us and to the sign-in provider. Chromium applies `form-action` to every
 * redirect a form's answer makes, so without the provider's origin the sign-out form's
 * redirect to its logout is blocked and the provider's session outlives ours (issue 25).
 * The origin comes from the sign-in's configuration (OMI_OIDC_DOMAIN), exactly, never a wildcard.
 */
export function pageContentSecurityPolicy(providerOrigin: string | undefined = originOf(process.env.OMI_OIDC_DOMAIN)): string {
  const formAction = providerOrigin ? `'self' ${providerOrigin}` : "'self'";
  return `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`;
}

/** An origin fit for a CSP source: http(s) only, nothing that could end the directive or add another. */
function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { origin, protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? origin : undefined;
  } catch {
    return undefined;
  }
}

/** Every page's own headers, read per answer: the provider's origin is configuration. The local 429 page takes them too. */
export const pageHeaders = (): Record<string, string> => ({ 'content-security-policy': pageContentSecurityPolicy() });
