/**
 * The invitations page (issue 24, item 4): a form sent twice (a double click, a reply lost and
 * the form sent again) answers with the same batch, by the form's own one-time token; the
 * batches are listed with a "Download again" link that gives the same file, and "Mark as
 * sent" ends that, after which the download is a 410 page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/api';
import { createInspection } from '../support/fixtures';
import { csrfOf, form, page, signIn } from '../support/workbench';

let admin: string;
let id: string;

beforeAll(async () => {
  admin = (await signIn('admin')).cookie;
  id = await createInspection('Invitations page');
});

const formTokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)?.[1];

async function reminderCount(): Promise<number> {
  const res = await call(`/inspections/${id}/invitations/reminders.csv`, { as: 'admin' });
  return res.text.trim().split(/\r?\n/).length - 1;
}

describe('the invitations page', () => {
  it('answers a form sent twice with the same batch; downloads it again until it is marked sent, then 410', async () => {
    const opened = await page(`/workbench/inspections/${id}/invitations`, { cookie: admin });
    expect(opened.status).toBe(200);
    const token = formTokenOf(opened.text);
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    const fields = { csrf: csrfOf(opened.text), formToken: token!, audience: 'victim', count: '6', language: 'en', expiresAt: '' };
    // Sent twice at once: each gets the batch, or, while the first is still at work, a page saying to try again (409); sent again, the batch.
    const send = async () => {
      for (let i = 0; ; i++) {
        const res = await page(`/workbench/inspections/${id}/invitations`, { cookie: admin, ...form(fields) });
        if (res.status !== 409 || i > 20) return res;
        expect(res.text).toContain('still being answered');
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    const [first, second] = await Promise.all([send(), send()]);
    expect(first!.status, first!.text.slice(0, 300)).toBe(200);
    expect(second!.status, second!.text.slice(0, 300)).toBe(200);
    expect(second!.text).toBe(first!.text);
    expect(first!.text.trim().split(/\r?\n/)).toHaveLength(7);
    expect(await reminderCount()).toBe(6);
    // A page opened afresh has a token of its own: a new batch.
    const reopened = await page(`/workbench/inspections/${id}/invitations`, { cookie: admin });
    expect(formTokenOf(reopened.text)).not.toBe(token);

    const again = /href="([^"]+\.csv)">Download again/.exec(reopened.text)?.[1];
    expect(again).toBeDefined();
    const download = await page(again!.replace(/&amp;/g, '&'), { cookie: admin });
    expect(download.status).toBe(200);
    expect(download.text).toBe(first!.text);
    expect(download.headers.get('cache-control')).toContain('no-store');

    const sentAction = /action="([^"]+\/sent)"/.exec(reopened.text)![1]!;
    const sent = await page(sentAction, { cookie: admin, ...form({ csrf: csrfOf(reopened.text) }) });
    expect(sent.status).toBe(303);
    const after = await page(sent.headers.get('location')!, { cookie: admin });
    expect(after.text).toContain('Batch marked as sent');
    expect(after.text).toContain('Marked sent');
    expect(after.text).not.toContain('Download again');
    const gone = await page(again!, { cookie: admin });
    expect(gone.status).toBe(410);
    expect(gone.headers.get('content-type')).toMatch(/^text\/html/);
  });
});
