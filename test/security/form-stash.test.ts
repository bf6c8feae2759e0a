/**
 * The form stash (a form posted after the session ended, kept while its author signs in
 * again) through the real local server (issue 26, finding 6): it is given back once, however
 * many copies of its cookie are replayed, and its cookie's Path is the route's, never the
 * request's spelling with attributes of its own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createInspection } from '#support/fixtures';
import { form, page, signIn } from '#support/workbench';

let base: string;

beforeAll(async () => {
  base = `/workbench/inspections/${await createInspection('Form stash')}`;
});

/** The case form's hidden fields (its owner among them), as a signed-in inspector was shown them. */
async function hiddenFields(cookie: string, path = `${base}/cases/new?caseType=community`): Promise<Record<string, string>> {
  const shown = await page(path, { cookie });
  return Object.fromEntries([...shown.text.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
}

describe('the form stash', () => {
  it('is given back once: a replayed copy of its cookie restores nothing', async () => {
    const me = await signIn('inspector');
    const hidden = await hiddenFields(me.cookie);
    const posted = await page(`${base}/cases/new`, form({ ...hidden, caseRef: 'FS-101', caseType: 'community', 'q-1.2.1': 'no' }));
    expect(posted.status).toBe(303);
    const stash = posted.headers.get('set-cookie')!.split(';')[0]!;
    expect(stash).toMatch(/^omi_form=./);
    const again = await signIn('inspector');
    const first = await page(`${base}/cases/new`, { cookie: `${again.cookie}; ${stash}` });
    expect(first.text).toContain('value="FS-101"');
    // The browser was told to drop it; a copy kept anyway (or taken) is worth nothing now.
    for (const cookie of [`${again.cookie}; ${stash}`, `${(await signIn('inspector')).cookie}; ${stash}`]) {
      const replay = await page(`${base}/cases/new`, { cookie });
      expect(replay.status).toBe(200);
      expect(replay.text).not.toContain('FS-101');
      expect(replay.text).not.toContain('You were signed out before this was saved');
    }
  });

  it('scopes its cookie to the route’s path: attributes in the request path stay inside the path', async () => {
    const me = await signIn('inspector');
    const hidden = await hiddenFields(me.cookie);
    for (const ref of ['FS-1;Domain=evil.example', 'FS-1;%20Path=%2F', 'FS-1;SameSite=None;Secure', 'FS-1%3B%20Max-Age=999999']) {
      const posted = await page(`${base}/cases/${ref}`, form({ ...hidden, caseType: 'community', 'q-1.2.1': 'no' }));
      expect(posted.status, ref).toBe(303);
      const setCookie = posted.headers.get('set-cookie')!;
      expect(setCookie, ref).toMatch(/^omi_form=/);
      const attributes = setCookie
        .split(';')
        .slice(1)
        .map((a) => a.trim().split('=')[0]!.toLowerCase());
      expect(
        attributes.filter((a) => !['max-age', 'path', 'httponly', 'samesite'].includes(a)),
        ref,
      ).toEqual([]);
      expect(
        attributes.filter((a) => a === 'path'),
        ref,
      ).toEqual(['path']);
      const path = /;\s*Path=([^;]*)/.exec(setCookie)![1]!;
      expect(path, ref).toBe(`${base}/cases/${encodeURIComponent(decodeURIComponent(ref))}`);
      // Sent back to sign in, then to the form at that same path.
      expect(new URL(posted.headers.get('location')!, 'http://x').searchParams.get('returnTo'), ref).toBe(path);
    }
  });
});
