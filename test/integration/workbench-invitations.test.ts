/**
 * The invitations page (issue 24, item 4; issue 27, item 6): a form sent twice (a double click,
 * a reply lost and the form sent again) comes to the same batch, by the form's own one-time
 * token: both go (303) to the page showing that batch, with its count, expiry and download, and
 * an empty form. The batches are listed with when each was issued and a "Download again" link
 * that gives the same file, and "Mark as sent" ends that, after which the download is a 410
 * page. An expiry is chosen as a day, month and year and means the end of that day, UK time:
 * shown, and written in the CSV, as that date.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { createInspection } from '#support/fixtures';
import { csrfOf, form, page, signIn } from '#support/workbench';

let admin: string;
let id: string;

beforeAll(async () => {
  admin = (await signIn('admin')).cookie;
  id = await createInspection('Invitations page');
});

const formTokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)?.[1];
const bannerOf = (html: string) => /<div class="govuk-notification-banner[^"]*"[^>]*id="issued">([\s\S]*?)\n<\/div>/.exec(html)?.[1] ?? '';
/** The cells of the batches table's first (newest) row. */
const rowCells = (html: string) =>
  [...(/<tbody class="govuk-table__body">\s*<tr[^>]*>([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(
    (m) => m[1]!,
  );

async function reminderCount(): Promise<number> {
  const res = await call(`/inspections/${id}/invitations/reminders.csv`, { as: 'admin' });
  return res.text.trim().split(/\r?\n/).length - 1;
}

describe('the invitations page', () => {
  it('brings a form sent twice to the same batch, shown with its download and an empty form; downloads it again until it is marked sent, then 410', async () => {
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
    expect(first!.status, first!.text.slice(0, 300)).toBe(303);
    expect(second!.status, second!.text.slice(0, 300)).toBe(303);
    const landing = first!.headers.get('location')!;
    expect(landing).toMatch(new RegExp(`^/workbench/inspections/${id}/invitations\\?issued=[A-Za-z0-9-]+$`));
    expect(second!.headers.get('location')).toBe(landing);
    expect(await reminderCount()).toBe(6);

    // The page after issuing: the batch, what it is, until when, and its file; the form empty, with a token of its own (a new batch).
    const shown = await page(landing, { cookie: admin });
    expect(shown.status).toBe(200);
    const banner = bannerOf(shown.text);
    expect(banner).toContain('6 links for victims issued, in English');
    expect(banner).toContain('They work for as long as the inspection’s data is kept.');
    const fileHref = /href="([^"]+\.csv)" download>Download the links \(CSV\)/.exec(banner)?.[1];
    expect(fileHref).toBeDefined();
    expect(formTokenOf(shown.text)).not.toBe(token);
    expect(shown.text).not.toMatch(/name="audience"[^>]*checked/);
    expect(shown.text).toMatch(/id="count" name="count" type="text" value=""/);
    expect(shown.text).not.toContain('No invitations issued yet');
    expect(shown.text).toContain('Just issued');
    const file = await page(fileHref!, { cookie: admin });
    expect(file.status).toBe(200);
    expect(file.headers.get('cache-control')).toContain('no-store');
    const lines = file.text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe('invitationId,audience,language,expiresAt,url,reference,expiresOn');

    // The list: when it was issued (today, UK time), and the same file again.
    const reopened = await page(`/workbench/inspections/${id}/invitations`, { cookie: admin });
    expect(formTokenOf(reopened.text)).not.toBe(token);
    expect(bannerOf(reopened.text)).toBe('');
    const issuedCell = rowCells(reopened.text)[4];
    expect(issuedCell).toContain(new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(new Date()));

    const again = /href="([^"]+\.csv)">Download again/.exec(reopened.text)?.[1];
    expect(again).toBeDefined();
    const download = await page(again!.replace(/&amp;/g, '&'), { cookie: admin });
    expect(download.status).toBe(200);
    expect(download.text).toBe(file.text);
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

  it('takes the expiry as a day, month and year: the end of that day in the UK, shown and written in the CSV as that date', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const opened = await page(`/workbench/inspections/${id}/invitations`, { cookie: admin });
    // 31 March is always in British Summer Time: as a UTC day's end it would read "1 April at 00:59".
    const fields = {
      csrf: csrfOf(opened.text),
      formToken: formTokenOf(opened.text)!,
      audience: 'sentencer',
      count: '2',
      language: 'cy',
      'expiresAt-day': '31',
      'expiresAt-month': '3',
      'expiresAt-year': String(year),
    };
    const posted = await page(`/workbench/inspections/${id}/invitations`, { cookie: admin, ...form(fields) });
    expect(posted.status, posted.text.slice(0, 300)).toBe(303);
    const shown = await page(posted.headers.get('location')!, { cookie: admin });
    expect(bannerOf(shown.text)).toContain(`They stop working at the end of 31 March ${year}, UK time.`);
    expect(rowCells(shown.text)[3]).toBe(`31 March ${year}`);
    expect(shown.text).not.toContain(`1 April ${year}`);
    const file = await page(/href="([^"]+\.csv)" download>/.exec(bannerOf(shown.text))![1]!, { cookie: admin });
    const [header, row] = file.text.trim().split(/\r?\n/);
    const cells = Object.fromEntries(header!.split(',').map((name, i) => [name, row!.split(',')[i]]));
    expect(cells.expiresOn).toBe(`31 March ${year}`);
    // The instant is the last second of 31 March in London (BST, UTC+1), whatever the CSV's words.
    expect(cells.expiresAt).toBe(`${year}-03-31T22:59:59.000Z`);
  });

  it('says in words what is wrong with a date, and issues nothing', async () => {
    const year = new Date().getUTCFullYear();
    const before = await reminderCount();
    const cases: [Record<string, string>, string][] = [
      [{ 'expiresAt-day': '31', 'expiresAt-month': '2', 'expiresAt-year': String(year + 1) }, 'The day the links stop working must be a real date'],
      [{ 'expiresAt-day': '1', 'expiresAt-month': '1', 'expiresAt-year': String(year - 1) }, 'The day the links stop working must be today or later'],
      [{ 'expiresAt-day': '1', 'expiresAt-month': '', 'expiresAt-year': String(year + 1) }, 'The day the links stop working must include a month'],
    ];
    for (const [date, message] of cases) {
      const opened = await page(`/workbench/inspections/${id}/invitations`, { cookie: admin });
      const res = await page(`/workbench/inspections/${id}/invitations`, {
        cookie: admin,
        ...form({ csrf: csrfOf(opened.text), formToken: formTokenOf(opened.text)!, audience: 'victim', count: '1', language: 'en', ...date }),
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain(`<a href="#expiresAt">${message}</a>`);
      // What was typed comes back.
      expect(res.text).toContain(`name="expiresAt-day" type="text" inputmode="numeric" value="${date['expiresAt-day']}"`);
    }
    expect(await reminderCount()).toBe(before);
  });

  it('keeps the JSON route reading a date alone as the end of that day in UTC', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const res = await call(`/inspections/${id}/invitations`, {
      as: 'admin',
      method: 'POST',
      json: { audience: 'victim', count: 1, language: 'en', expiresAt: `${year}-03-31` },
    });
    expect(res.status).toBe(201);
    expect(res.json.expiresAt).toBe(`${year}-03-31T23:59:59.000Z`);
  });
});
