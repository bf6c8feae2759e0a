/**
 * People by name (issue 27): what a page says for a person the people directory cannot name.
 * A person whose provider gave neither a name nor an email is shown by role; their account id
 * rides only in the hidden field that ends their sessions, never in what is read.
 */
import { describe, expect, it } from 'vitest';
import { roleAsPerson } from '#core/roles';
import { displayNameOf } from '#http/oidc';
import { sessionsPage } from '#web/workbench/session-pages';

const visible = (html: string) => html.replace(/<input type="hidden"[^>]*>/g, '');

describe('the name a person signs in with', () => {
  it("is the ID token's name, else its email, else nothing: never the account id", () => {
    expect(displayNameOf({ sub: 'local-inspector', name: ' Ines Inspector ', email: 'inspector@omi.local' })).toBe('Ines Inspector');
    expect(displayNameOf({ sub: 'local-inspector', name: '  ', email: 'inspector@omi.local' })).toBe('inspector@omi.local');
    expect(displayNameOf({ sub: 'local-inspector', name: 7 })).toBe('');
  });
});

describe('a person without a name', () => {
  it('is their highest role in words, or an unknown person', () => {
    expect(roleAsPerson(['staff', 'inspector'])).toBe('An inspector');
    expect(roleAsPerson(['staff', 'admin'])).toBe('An admin');
    expect(roleAsPerson(['staff'])).toBe('A staff member');
    expect(roleAsPerson([])).toBe('Unknown person');
  });

  it('is listed among who is signed in by role, the account id only in the form that ends their sessions', () => {
    const sub = '0b8f4d2e-3c1a-4e5f-9a7b-6c5d4e3f2a1b';
    const html = sessionsPage({ roles: ['admin'] }, 'k.csrf', [
      { sub, displayName: '', roles: ['inspector'], createdAt: '2026-12-07T09:00:00Z', expiresAt: '2026-12-07T21:00:00Z' },
    ]);
    expect(html).toContain('>An inspector</th>');
    expect(html).toContain('End sessions<span class="govuk-visually-hidden"> of An inspector</span>');
    expect(visible(html)).not.toContain(sub);
    expect(html).toContain(`name="sub" value="${sub}"`);
  });
});
