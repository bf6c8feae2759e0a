/**
 * The pages' CSP lets forms lead to exactly one more origin, the sign-in provider's, taken
 * from configuration (issue 25): never a path, a wildcard, another scheme, or text that could
 * end the directive and start another.
 */
import { describe, expect, it } from 'vitest';
import { pageContentSecurityPolicy } from '#http/security-headers';

const formAction = (csp: string) => /(?:^|; )form-action ([^;]*)/.exec(csp)?.[1];

describe("the pages' form-action", () => {
  it("is 'self' plus the provider's origin, and nothing of its path", () => {
    expect(formAction(pageContentSecurityPolicy('https://omi-prod.auth.eu-west-2.amazoncognito.com'))).toBe(
      "'self' https://omi-prod.auth.eu-west-2.amazoncognito.com",
    );
    expect(formAction(pageContentSecurityPolicy(undefined))).toBe("'self'");
  });

  it('takes the origin from OMI_OIDC_DOMAIN by default, and refuses anything that is not an http(s) URL', () => {
    const before = process.env.OMI_OIDC_DOMAIN;
    try {
      for (const [configured, expected] of [
        ['http://localhost:41234', "'self' http://localhost:41234"],
        ['https://login.example/oauth2/?x=1#y', "'self' https://login.example"],
        ['https://login.example; script-src *', "'self'"],
        ["javascript:alert('x')", "'self'"],
        ['*', "'self'"],
        ['', "'self'"],
      ] as const) {
        process.env.OMI_OIDC_DOMAIN = configured;
        const csp = pageContentSecurityPolicy();
        expect(formAction(csp), configured).toBe(expected);
        // The rest of the policy is untouched whatever was configured.
        expect(
          csp.split('; ').map((d) => d.split(' ')[0]),
          configured,
        ).toEqual(['default-src', 'script-src', 'style-src', 'img-src', 'font-src', 'form-action', 'frame-ancestors', 'base-uri']);
      }
    } finally {
      if (before === undefined) delete process.env.OMI_OIDC_DOMAIN;
      else process.env.OMI_OIDC_DOMAIN = before;
    }
  });
});
